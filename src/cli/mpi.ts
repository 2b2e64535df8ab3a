/**
 * `giamngheo mpi`: Alkire-Foster measures from a CSV file, streamed (the file is never held in
 * memory). Prints one JSON object on stdout. Exit codes: 0 ok, 2 invalid usage or input, 1 other errors.
 */
import { createReadStream } from 'node:fs';
import {
  createMpiCsvRowReader, createMpiSpec, MpiAccumulator, MpiCsvParser, MpiInputError,
  type MpiCsvRecord, type MpiCsvRowReader,
} from '../domain/mpi/index.ts';
import { MPI_USAGE, parseMpiArgs, type MpiCliOptions } from './mpi-args.ts';
import { mpiOutput } from './mpi-output.ts';

function fileError(path: string, error: NodeJS.ErrnoException): MpiInputError {
  const reason = error.code === 'ENOENT' ? 'không tồn tại (not found)'
    : error.code === 'EISDIR' ? 'là một thư mục (is a directory)'
    : error.code === 'EACCES' ? 'không có quyền đọc (permission denied)'
    : `không đọc được (${error.message})`;
  return new MpiInputError('file', `Tệp "${path}" ${reason}.`);
}

async function* readChunks(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (error) {
    throw fileError(path, error as NodeJS.ErrnoException);
  }
}

async function compute(options: MpiCliOptions): Promise<unknown> {
  const spec = createMpiSpec({ indicators: options.indicators, k: options.k });
  const acc = new MpiAccumulator(spec);
  const parser = new MpiCsvParser({ delimiter: options.delimiter });
  let reader: MpiCsvRowReader | undefined;
  const consume = (records: MpiCsvRecord[]): void => {
    for (const record of records) {
      if (reader) acc.add(reader(record));
      else reader = createMpiCsvRowReader(record, { indicators: spec.names, weightColumns: options.weightColumns, by: options.by });
    }
  };
  // Records are handled synchronously per chunk: no per-record promise.
  for await (const chunk of readChunks(options.input)) consume(parser.push(chunk));
  consume(parser.end());
  if (!reader) throw new MpiInputError('empty-file', `Tệp "${options.input}" trống, không có dòng tiêu đề (empty file).`);
  if (acc.rows === 0) throw new MpiInputError('no-rows', `Tệp "${options.input}" không có dòng dữ liệu nào (no data rows).`);
  const result = acc.result();
  if (!(result.population > 0)) {
    throw new MpiInputError('zero-population', 'Tổng trọng số của các dòng bằng 0, không tính được tỷ lệ (total weight is 0).');
  }
  return mpiOutput(result, options.details);
}

export async function run(argv: string[]): Promise<number> {
  try {
    const options = parseMpiArgs(argv);
    if (options.help) {
      process.stdout.write(MPI_USAGE);
      return 0;
    }
    const output = await compute(options);
    process.stdout.write(`${JSON.stringify(output, null, options.pretty ? 2 : undefined)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MpiInputError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      if (error.code === 'usage') process.stderr.write(MPI_USAGE);
      return 2;
    }
    process.stderr.write(`Lỗi không mong đợi (unexpected error): ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}
