/**
 * `giamngheo classify --standard <ID> | --year <YYYY> [--input FILE] [--reference-date YYYY-MM-DD]
 *  [--parameters FILE]` — classifies JSON Lines (stdin by default), one output line per input line.
 *
 * A line is a summary record {"id","area","income"|"scoreA","deprivations"} or a raw household (an object
 * with "members", see docs/classification.md). Output: {"id","standard","class","subtype"?,
 * "deprivationCount","deprivations","explanation", …}; a bad line gives {"line": N, "error": "…"} and the
 * exit code becomes 2. Input is read line by line and output is written with backpressure, so memory
 * stays flat for any input size.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import {
  ClassificationInputError,
  StandardRegistry,
  classifyHouseholdCompiled,
  classifySummaryRecordCompiled,
  compileStandard,
  listIndicators,
  nationalStandardIdForYear,
  parseClassificationInput,
  withParameterOverrides,
  type CompiledStandard,
  type ParameterOverrides,
  type PovertyStandard,
} from '../domain/index.ts';

const USAGE = `Cách dùng: giamngheo classify (--standard <MÃ> | --year <NĂM>) [--input TỆP] [--reference-date YYYY-MM-DD] [--parameters TỆP]
  --standard MÃ          chuẩn nghèo: QD59_2015, ND07_2021, ND351_2025 hoặc chuẩn địa phương đã đăng ký
  --year NĂM             năm áp dụng danh sách (2016–2030) → chuẩn quốc gia của năm đó
  --input TỆP            tệp JSON Lines (mặc định: đầu vào chuẩn)
  --reference-date NGÀY  ngày rà soát để tính tuổi thành viên của hộ dữ liệu gốc
  --parameters TỆP       tệp JSON ghi đè tham số [S]/UNCONFIRMED của chuẩn
  --list                 liệt kê các chuẩn và chỉ số
Mỗi dòng vào: {"id","area":"rural"|"urban","income"|"scoreA","deprivations":[…]} hoặc một hộ có "members".
Mỗi dòng ra: {"id","standard","class","subtype"?,"deprivationCount","deprivations","explanation"};
dòng lỗi: {"line":N,"error":"…"}; mã thoát 2 nếu có dòng lỗi.
`;

interface Options {
  standard?: string;
  year?: string;
  input?: string;
  referenceDate?: string;
  parameters?: string;
  list: boolean;
  help: boolean;
}

class UsageError extends Error {}

const FLAGS: Readonly<Record<string, keyof Options>> = {
  '--standard': 'standard',
  '--year': 'year',
  '--input': 'input',
  '--reference-date': 'referenceDate',
  '--parameters': 'parameters',
};

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { list: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      o.help = true;
      continue;
    }
    if (arg === '--list') {
      o.list = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = FLAGS[name];
    if (key === undefined) throw new UsageError(`Tuỳ chọn không hợp lệ: ${arg}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`Thiếu giá trị cho ${name}`);
    (o as unknown as Record<string, string>)[key] = value;
  }
  return o;
}

function resolveStandard(o: Options, registry: StandardRegistry): PovertyStandard {
  if (o.standard !== undefined && o.year !== undefined) throw new UsageError('Chỉ dùng một trong hai: --standard hoặc --year');
  let standard: PovertyStandard;
  if (o.standard !== undefined) {
    if (!registry.has(o.standard)) {
      throw new UsageError(`Không có chuẩn nghèo "${o.standard}"; các chuẩn hiện có: ${registry.list().map((s) => s.id).join(', ')}`);
    }
    standard = registry.get(o.standard);
  } else if (o.year !== undefined) {
    const year = /^\d{4}$/.test(o.year) ? Number(o.year) : NaN;
    const id = nationalStandardIdForYear(year);
    if (id === undefined) throw new UsageError(`Không có chuẩn nghèo quốc gia cho năm "${o.year}" (chỉ có 2016–2030)`);
    standard = registry.get(id);
  } else {
    throw new UsageError('Cần --standard <MÃ> hoặc --year <NĂM>');
  }
  if (o.parameters !== undefined) {
    let overrides: ParameterOverrides;
    try {
      overrides = JSON.parse(readFileSync(o.parameters, 'utf8')) as ParameterOverrides;
    } catch (e) {
      throw new UsageError(`Không đọc được tệp tham số ${o.parameters}: ${(e as Error).message}`);
    }
    try {
      standard = withParameterOverrides(standard, overrides);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  return standard;
}

function listStandards(registry: StandardRegistry, out: Writable): void {
  for (const s of registry.list()) {
    out.write(`${s.id}  ${s.years.from}–${s.years.to}  ${s.name}\n`);
    for (const ind of listIndicators(s)) out.write(`    ${ind.id.padEnd(20)} ${ind.label}\n`);
  }
}

/** Writes chunks and waits for 'drain' when the destination is full; remembers a write error (e.g. a closed pipe). */
class ChunkWriter {
  #failed: Error | null = null;
  constructor(private readonly out: Writable) {
    out.on('error', (e: Error) => {
      this.#failed = e;
    });
  }

  get failed(): Error | null {
    return this.#failed;
  }

  async write(chunk: string): Promise<void> {
    if (chunk === '' || this.#failed) return;
    if (!this.out.write(chunk)) await drained(this.out);
  }
}

/** Resolves on 'drain' (or 'error' / 'close'), removing all three listeners afterwards. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('error', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('error', done);
    out.on('close', done);
  });
}

function classifyLine(text: string, compiled: CompiledStandard, referenceDate: string | undefined): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message);
    const where = position ? ` (lỗi cú pháp tại ký tự thứ ${Number(position[1]) + 1})` : '';
    throw new ClassificationInputError(`Dòng không phải JSON hợp lệ${where}`);
  }
  const parsed = parseClassificationInput(value);
  const result = parsed.kind === 'household'
    ? classifyHouseholdCompiled(compiled, parsed.household, referenceDate)
    : classifySummaryRecordCompiled(compiled, parsed.record);
  return JSON.stringify(result);
}

/**
 * Classifies every line of `input` into `output`; returns the number of bad lines. Input is consumed
 * chunk by chunk: the complete lines of a chunk are classified and their results written (awaiting
 * 'drain' when needed) before the next chunk is read, so memory stays flat and results appear as soon
 * as their input has arrived.
 */
export async function classifyStream(
  input: Readable,
  output: Writable,
  standard: PovertyStandard,
  referenceDate?: string,
): Promise<number> {
  const compiled = compileStandard(standard);
  const writer = new ChunkWriter(output);
  input.setEncoding('utf8');
  let pending = '';
  let lineNo = 0;
  let bad = 0;
  const handle = (text: string): string => {
    lineNo++;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim() === '') return '';
    try {
      return classifyLine(line, compiled, referenceDate) + '\n';
    } catch (e) {
      if (!(e instanceof ClassificationInputError)) throw e;
      bad++;
      return JSON.stringify({ line: lineNo, error: e.message }) + '\n';
    }
  };
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    let out = '';
    let nl = chunk.indexOf('\n');
    if (nl >= 0 && pending !== '') {
      out += handle(pending + chunk.slice(0, nl));
      pending = '';
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    while (nl >= 0) {
      out += handle(chunk.slice(start, nl));
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    pending += chunk.slice(start);
    await writer.write(out);
    if (writer.failed) return bad;
  }
  if (pending !== '') await writer.write(handle(pending));
  return bad;
}

export async function run(argv: string[]): Promise<number> {
  const registry = new StandardRegistry();
  let options: Options;
  let standard: PovertyStandard;
  try {
    options = parseArgs(argv);
    if (options.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (options.list) {
      listStandards(registry, process.stdout);
      return 0;
    }
    standard = resolveStandard(options, registry);
    if (options.referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate)) {
      throw new UsageError(`--reference-date phải có dạng YYYY-MM-DD (nhận được: ${options.referenceDate})`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`Lỗi: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  let input: Readable = process.stdin;
  if (options.input !== undefined) {
    const file = createReadStream(options.input);
    try {
      await once(file, 'open');
    } catch (e) {
      process.stderr.write(`Lỗi: không mở được tệp ${options.input}: ${(e as Error).message}\n`);
      return 2;
    }
    input = file;
  }
  const bad = await classifyStream(input, process.stdout, standard, options.referenceDate);
  return bad > 0 ? 2 : 0;
}
