/** What the program routes share: refusals as HTTP errors, the unit and year of a request, JSON schemas. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isProgramError } from '../../db/program/errors.ts';
import { communesOf, requireProvince, resolveProgramUnit, todayInVietnam, type ProgramUnit } from '../../db/program/units.ts';
import { FUND_SOURCES } from '../../domain/program/fund-sources.ts';
import { parseVnd } from '../../domain/program/money.ts';
import { REPORT_PERIODS } from '../../domain/program/report-cycle.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import type { MessageKey } from '../messages.ts';

/** Awaits a program service, turning its refusals into HTTP errors (the code is the message key). */
export async function programCall<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (!isProgramError(e)) throw e;
    const key: MessageKey = e.code;
    throw new HttpError(key, e.params, e.status);
  }
}

export const unitOf = (db: Kysely<DB>, req: FastifyRequest, code: string | undefined): Promise<ProgramUnit> => programCall(resolveProgramUnit(db, authOf(req).scope, code));

/** The set of communes of the province today (allocation targets). */
export async function communeSet(db: Kysely<DB>, provinceCode: string): Promise<Set<string>> {
  return new Set((await communesOf(db, provinceCode, todayInVietnam())).map((c) => c.code));
}

export function amountOf(s: string, field = 'amount'): bigint {
  const v = parseVnd(s);
  if (v === null) throw new HttpError('program_amount_invalid', { field });
  return v;
}

export const currentYear = () => Number(todayInVietnam().slice(0, 4));

export const S = {
  unit: { type: 'string', pattern: '^[0-9]{2}([0-9]{3})?$' },
  year: { type: 'integer', minimum: 2016, maximum: 2100 },
  date: { type: 'string', format: 'date' },
  amount: { type: 'string', pattern: '^[0-9]{1,18}$' },
  period: { type: 'string', enum: [...REPORT_PERIODS] },
  fundSource: { type: 'string', enum: [...FUND_SOURCES] },
  nodeCode: { type: 'string', pattern: '^[A-Z0-9]{1,12}(\\.[A-Z0-9]{1,12}){0,2}$' },
  programCode: { type: 'string', minLength: 1, maxLength: 40 },
  text: (max: number) => ({ type: 'string', maxLength: max }),
} as const;

/** Querystring of the GET routes: unit (default the caller's), year, as-of date. */
export const UNIT_YEAR_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { unit: S.unit, year: S.year, asOf: S.date },
} as const;

export interface UnitYearQuery {
  unit?: string;
  year?: number;
  asOf?: string;
}

export const PLAN_LINE = {
  year: S.year,
  programCode: S.programCode,
  nodeCode: S.nodeCode,
  fundSource: S.fundSource,
} as const;
export const PLAN_LINE_REQUIRED = ['year', 'programCode', 'nodeCode', 'fundSource'] as const;

/** The province a planning request is made for (default the caller's province). */
export const provinceOf = (db: Kysely<DB>, req: FastifyRequest, code: string | undefined): Promise<ProgramUnit> =>
  programCall(resolveProgramUnit(db, authOf(req).scope, code).then(requireProvince));
