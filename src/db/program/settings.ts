/** Program settings in the `setting` table (key PROGRAM_SETTINGS_KEY), over the domain defaults. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { mergeSettings, PROGRAM_SETTINGS_KEY, settingsProblems, type ProgramSettings } from '../../domain/program/settings.ts';
import { ProgramError } from './errors.ts';

export async function readProgramSettings(db: Kysely<DB>): Promise<ProgramSettings> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', PROGRAM_SETTINGS_KEY).executeTakeFirst();
  return mergeSettings(row?.value);
}

export async function writeProgramSettings(db: Kysely<DB>, actor: Actor, next: ProgramSettings): Promise<ProgramSettings> {
  const problems = settingsProblems(next);
  if (problems.length) throw new ProgramError('program_settings_invalid', { problems: problems.join(' ') });
  return db.transaction().execute(async (trx) => {
    const before = await readProgramSettings(trx);
    const value = JSON.stringify(next);
    await trx
      .insertInto('setting')
      .values({ key: PROGRAM_SETTINGS_KEY, value, updated_by: actor.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: actor.id, updated_at: new Date() }))
      .execute();
    await recordAudit(trx, actor, { action: 'program.settings', entity: 'setting', entityId: PROGRAM_SETTINGS_KEY, before, after: next });
    return next;
  });
}
