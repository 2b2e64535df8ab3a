/**
 * Program settings in the `setting` table: the national document (key PROGRAM_SETTINGS_KEY) over the
 * domain defaults, and a province's own values (provinceSettingsKey) over the national document.
 * Every change is validated as the settings it results in, and audited.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import {
  mergeSettings,
  PROGRAM_SETTINGS_KEY,
  provinceOverrides,
  provinceSettingsKey,
  settingsProblems,
  type ProgramSettings,
  type ProvinceSettings,
} from '../../domain/program/settings.ts';
import { ProgramError } from './errors.ts';

const stored = async (db: Kysely<DB>, key: string): Promise<unknown> => (await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value;

/** The national settings. */
export async function readNationalSettings(db: Kysely<DB>): Promise<ProgramSettings> {
  return mergeSettings(await stored(db, PROGRAM_SETTINGS_KEY));
}

/** A province's own values (only what it overrides). */
export async function readProvinceOverrides(db: Kysely<DB>, provinceCode: string): Promise<ProvinceSettings> {
  return provinceOverrides(await stored(db, provinceSettingsKey(provinceCode)));
}

/** The settings in force: for a province, its own values over the national ones; without one, the national ones. */
export async function readProgramSettings(db: Kysely<DB>, provinceCode?: string | null): Promise<ProgramSettings> {
  const national = await readNationalSettings(db);
  return provinceCode ? mergeSettings(await readProvinceOverrides(db, provinceCode), national) : national;
}

function validate(next: ProgramSettings): void {
  const problems = settingsProblems(next);
  if (problems.length) throw new ProgramError('program_settings_invalid', { problems: problems.join(' ') });
}

async function put(db: Kysely<DB>, actor: Actor, key: string, value: object, audit: { action: string; provinceCode?: string; before: unknown }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const json = JSON.stringify(value);
    await trx
      .insertInto('setting')
      .values({ key, value: json, updated_by: actor.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: actor.id, updated_at: new Date() }))
      .execute();
    await recordAudit(trx, actor, { action: audit.action, entity: 'setting', entityId: key, provinceCode: audit.provinceCode, before: audit.before, after: value });
  });
}

export async function writeProgramSettings(db: Kysely<DB>, actor: Actor, next: ProgramSettings): Promise<ProgramSettings> {
  validate(next);
  await put(db, actor, PROGRAM_SETTINGS_KEY, next, { action: 'program.settings', before: await readNationalSettings(db) });
  return next;
}

/**
 * Sets a province's own values: a field given replaces the province's value, a field given as null
 * returns it to the national value, a field left out keeps what the province had. Returns the
 * settings then in force for the province.
 */
export async function writeProvinceSettings(db: Kysely<DB>, actor: Actor, provinceCode: string, change: { [F in keyof ProvinceSettings]?: ProvinceSettings[F] | null }): Promise<ProgramSettings> {
  const before = await readProvinceOverrides(db, provinceCode);
  const next = provinceOverrides({ ...before, ...change });
  const effective = mergeSettings(next, await readNationalSettings(db));
  validate(effective);
  await put(db, actor, provinceSettingsKey(provinceCode), next, { action: 'program.settings_province', provinceCode, before });
  return effective;
}
