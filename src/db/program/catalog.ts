/**
 * The program catalogue in the database: the built-in programs of src/domain/program written once
 * (insert … on conflict do nothing, so an administrator's edits of the editable program survive),
 * read back as trees, and changed node by node by a national administrator.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { DEFAULT_PROGRAMS, isNodeCode, nodeLevelOf, type ProgramNodeLevel } from '../../domain/program/program-structure.ts';
import { BUILTIN_INDICATORS, type IndicatorDef } from '../../domain/program/indicators.ts';
import { ProgramError } from './errors.ts';
import { programDb, sharedView } from './tables.ts';

export async function syncProgramCatalog(db: Kysely<DB>): Promise<void> {
  const pdb = programDb(db);
  for (const p of DEFAULT_PROGRAMS) {
    await pdb
      .insertInto('program')
      .values({ code: p.code, name: p.nameVi, name_en: p.nameEn, start_year: p.startYear, end_year: p.endYear, legal_basis: p.legalBasis, editable: p.editable })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await pdb
      .insertInto('program_node')
      .values(p.nodes.map((n, i) => ({ program_code: p.code, code: n.code, parent_code: n.parentCode, level: n.level, name: n.nameVi, name_en: n.nameEn, verification: n.verification, sort_order: (i + 1) * 10 })))
      .onConflict((oc) => oc.columns(['program_code', 'code']).doNothing())
      .execute();
  }
}

export interface ProgramNodeView {
  code: string;
  parentCode: string | null;
  level: ProgramNodeLevel;
  name: string;
  nameEn: string;
  verification: string;
  sortOrder: number;
  active: boolean;
}

export interface ProgramView {
  code: string;
  name: string;
  nameEn: string;
  startYear: number;
  endYear: number;
  legalBasis: string | null;
  editable: boolean;
  nodes: ProgramNodeView[];
}

export async function readPrograms(db: Kysely<DB>): Promise<ProgramView[]> {
  const pdb = programDb(db);
  const programs = await pdb.selectFrom('program').selectAll().orderBy('start_year').execute();
  const nodes = await pdb.selectFrom('program_node').selectAll().orderBy('program_code').orderBy('sort_order').orderBy('code').execute();
  return programs.map((p) => ({
    code: p.code,
    name: p.name,
    nameEn: p.name_en,
    startYear: p.start_year,
    endYear: p.end_year,
    legalBasis: p.legal_basis,
    editable: p.editable,
    nodes: nodes
      .filter((n) => n.program_code === p.code)
      .map((n) => ({ code: n.code, parentCode: n.parent_code, level: n.level, name: n.name, nameEn: n.name_en, verification: n.verification, sortOrder: n.sort_order, active: n.active })),
  }));
}

/** The program whose period holds the year, from the database (null when none does). */
export async function programForYear(db: Kysely<DB>, year: number): Promise<string | null> {
  const rows = await programDb(db).selectFrom('program').select('code').where('start_year', '<=', year).where('end_year', '>=', year).orderBy('start_year', 'desc').execute();
  return rows[0]?.code ?? null;
}

export interface NodeInput {
  code: string;
  name: string;
  nameEn?: string;
  sortOrder?: number;
  active?: boolean;
}

/** Adds or changes one node of an editable program (a national administrator's act; audited). */
export async function upsertProgramNode(db: Kysely<DB>, actor: Actor, programCode: string, input: NodeInput): Promise<ProgramNodeView> {
  if (!isNodeCode(input.code)) throw new ProgramError('program_node_unknown', { code: input.code });
  return programDb(db).transaction().execute(async (trx) => {
    const program = await trx.selectFrom('program').selectAll().where('code', '=', programCode).executeTakeFirst();
    if (!program) throw new ProgramError('program_unknown', { code: programCode });
    if (!program.editable) throw new ProgramError('program_not_editable', { code: programCode });
    const parentCode = input.code.includes('.') ? input.code.slice(0, input.code.lastIndexOf('.')) : null;
    if (parentCode) {
      const parent = await trx.selectFrom('program_node').select('code').where('program_code', '=', programCode).where('code', '=', parentCode).executeTakeFirst();
      if (!parent) throw new ProgramError('program_node_unknown', { code: parentCode });
    }
    const before = await trx.selectFrom('program_node').selectAll().where('program_code', '=', programCode).where('code', '=', input.code).executeTakeFirst();
    const values = {
      program_code: programCode,
      code: input.code,
      parent_code: parentCode,
      level: nodeLevelOf(input.code),
      name: input.name.trim(),
      name_en: (input.nameEn ?? input.name).trim(),
      sort_order: input.sortOrder ?? before?.sort_order ?? 1000,
      active: input.active ?? true,
      updated_at: new Date(),
    };
    await trx
      .insertInto('program_node')
      .values(values)
      .onConflict((oc) => oc.columns(['program_code', 'code']).doUpdateSet({ name: values.name, name_en: values.name_en, sort_order: values.sort_order, active: values.active, updated_at: values.updated_at }))
      .execute();
    await recordAudit(sharedView(trx), actor, { action: before ? 'program.node_update' : 'program.node_create', entity: 'program_node', entityId: `${programCode}/${input.code}`, before: before ?? null, after: values });
    return { code: values.code, parentCode, level: values.level, name: values.name, nameEn: values.name_en, verification: before?.verification ?? 'UNCONFIRMED', sortOrder: values.sort_order, active: values.active };
  });
}

/** Indicators a province's targets may use: the built-in ones and its own. */
export async function indicatorsOf(db: Kysely<DB>, provinceCode: string): Promise<IndicatorDef[]> {
  const own = await programDb(db).selectFrom('program_indicator').selectAll().where('province_code', '=', provinceCode).orderBy('code').execute();
  return [
    ...BUILTIN_INDICATORS,
    ...own.map((r) => ({ code: r.code, nameVi: r.name, nameEn: r.name, unit: r.unit as IndicatorDef['unit'], direction: r.direction as IndicatorDef['direction'], source: 'report' as const, kind: r.kind as IndicatorDef['kind'] })),
  ];
}

export interface CustomIndicatorInput {
  code: string;
  name: string;
  unit: IndicatorDef['unit'];
  direction: IndicatorDef['direction'];
  kind: IndicatorDef['kind'];
}

export async function addCustomIndicator(db: Kysely<DB>, actor: Actor, provinceCode: string, input: CustomIndicatorInput): Promise<IndicatorDef> {
  return programDb(db).transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('program_indicator').select('code').where('province_code', '=', provinceCode).where('code', '=', input.code).executeTakeFirst();
    if (exists || BUILTIN_INDICATORS.some((b) => b.code === input.code)) throw new ProgramError('program_indicator_exists', { code: input.code });
    const values = { province_code: provinceCode, code: input.code, name: input.name.trim(), unit: input.unit, direction: input.direction, kind: input.kind, created_by: actor.id };
    await trx.insertInto('program_indicator').values(values).execute();
    await recordAudit(sharedView(trx), actor, { action: 'program.indicator_create', entity: 'program_indicator', entityId: input.code, provinceCode, unitCode: provinceCode, after: values });
    return { code: input.code, nameVi: values.name, nameEn: values.name, unit: input.unit, direction: input.direction, source: 'report', kind: input.kind };
  });
}
