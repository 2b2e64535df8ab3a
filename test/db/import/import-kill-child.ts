/**
 * Child process of the SIGKILL test (not a test file): opens the PGlite data directory given as
 * argv[2], stages, validates and commits argv[3] households in chunks of 5, printing "progress N" after
 * each chunk so the parent can kill it in the middle of the commit.
 */
import { openDatabase } from '../../../src/db/connect.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import { createJob } from '../../../src/db/import/jobs.ts';
import { commitImport, stageAndValidate } from '../../../src/db/import/run-import.ts';
import { household, members, OFFICER, writeCsv } from './import-fixtures.ts';

const [dir, count] = [process.argv[2]!, Number(process.argv[3])];
const database = await openDatabase({ kind: 'pglite', dataDir: dir });
await migrate(database.db);
await insertUnitFixture(database);
const codes = Array.from({ length: count }, (_, i) => `K-${String(i).padStart(4, '0')}`);
const files = [writeCsv('households', codes.map((c) => household(c, { village_code: null }))), writeCsv('members', codes.flatMap((c) => members(c, `Chủ hộ ${c}`)))];
const job = await createJob(database.db, { kind: 'registry', fileName: 'kill.csv', format: 'csv', referenceDate: '2026-01-15', campaignId: null, scope: { level: 'national' }, actor: OFFICER });
await stageAndValidate(database, job.id, files);
process.stdout.write(`job ${job.id}\n`);
await commitImport(database, job.id, 'all', {
  chunkSize: 5,
  onProgress: (p) => void process.stdout.write(`progress ${p.progressDone}\n`),
});
process.stdout.write('done\n');
await database.close();
