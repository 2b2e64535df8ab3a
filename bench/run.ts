/**
 * Benchmark dispatcher: `npm run bench -- <name>` imports ./<name>.ts and calls its `run()`;
 * without a name every benchmark module in this folder runs in turn.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

interface BenchModule {
  run: () => Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

function available(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .toSorted();
}

async function runOne(name: string): Promise<void> {
  const mod = (await import(`./${name}.ts`)) as Partial<BenchModule>;
  if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts không xuất hàm run()`);
  await mod.run();
}

const names = process.argv.slice(2);
const known = available();
for (const name of names) {
  if (!known.includes(name)) {
    process.stderr.write(`Không có benchmark "${name}"; hiện có: ${known.join(', ')}\n`);
    process.exit(2);
  }
}
for (const name of names.length > 0 ? names : known) await runOne(name);
