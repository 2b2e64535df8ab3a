/** Command-line options of `giamngheo mpi`. Pure parsing; errors are Vietnamese-first. */
import {
  isMpiStandardId, MPI_STANDARD_IDS, MpiInputError, officialNestedWeights,
  type MpiIndicatorWeight,
} from '../domain/mpi/index.ts';

export interface MpiCliOptions {
  readonly help: boolean;
  readonly input: string;
  readonly indicators: MpiIndicatorWeight[];
  readonly k: string;
  readonly weightColumns: string[];
  readonly by?: string;
  readonly delimiter: string;
  readonly details: boolean;
  readonly pretty: boolean;
}

export const MPI_USAGE = `Cách dùng / usage:
  giamngheo mpi --input TỆP.csv --indicators tên=trọng_số,... --k PHẦN_TRĂM
                [--weight-column CỘT]... [--by CỘT] [--delimiter KÝ_TỰ] [--details] [--pretty]
  giamngheo mpi --input TỆP.csv --standard ${MPI_STANDARD_IDS.join('|')} --k PHẦN_TRĂM ...

  --indicators  cột chỉ số thiếu hụt (0/1) và trọng số: số thập phân (0.25) hoặc phân số (1/6);
                tổng trọng số phải bằng đúng 1
  --standard    dùng bộ chỉ số chính thức của chuẩn nghèo, trọng số lồng nhau bằng nhau
  --k           ngưỡng nghèo, phần trăm (0 < k ≤ 100); nghèo khi điểm thiếu hụt c ≥ k/100
  --weight-column  cột trọng số mẫu / số người (lặp lại để nhân các cột với nhau)
  --by          cột phân nhóm để phân rã theo nhóm
  --details     in thêm số dòng, dân số, tỷ trọng nhóm, đóng góp tuyệt đối...
`;

const VALUE_FLAGS = new Set(['input', 'indicators', 'standard', 'k', 'weight-column', 'by', 'delimiter']);
const BOOLEAN_FLAGS = new Set(['details', 'pretty', 'help']);

function usageError(message: string): MpiInputError {
  return new MpiInputError('usage', message);
}

export function parseIndicatorList(text: string): MpiIndicatorWeight[] {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw usageError('Danh sách --indicators trống (empty indicator list).');
  return items.map((item) => {
    const eq = item.lastIndexOf('=');
    if (eq <= 0 || eq === item.length - 1) {
      throw usageError(`Mục "${item}" trong --indicators phải có dạng tên=trọng_số, ví dụ d_nutr=1/6 (expected name=weight).`);
    }
    return { name: item.slice(0, eq).trim(), weight: item.slice(eq + 1).trim() };
  });
}

export function parseMpiArgs(argv: readonly string[]): MpiCliOptions {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--')) throw usageError(`Tham số không hợp lệ: "${arg}" (unexpected argument).`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (BOOLEAN_FLAGS.has(name)) {
      if (eq >= 0) throw usageError(`Tuỳ chọn --${name} không nhận giá trị (flag takes no value).`);
      flags.add(name);
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw usageError(`Tuỳ chọn không được hỗ trợ: --${name} (unknown option).`);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined) throw usageError(`Tuỳ chọn --${name} cần một giá trị (missing value).`);
    if (name !== 'weight-column' && values.has(name)) throw usageError(`Tuỳ chọn --${name} chỉ được dùng một lần (repeated option).`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const one = (name: string): string | undefined => values.get(name)?.[0];
  if (flags.has('help')) {
    return { help: true, input: '', indicators: [], k: '', weightColumns: [], delimiter: ',', details: false, pretty: false };
  }

  const input = one('input');
  if (!input) throw usageError('Thiếu --input TỆP.csv (missing --input).');
  const k = one('k');
  if (k === undefined || k.trim() === '') throw usageError('Thiếu --k PHẦN_TRĂM, ví dụ --k 33 (missing cutoff k).');
  const list = one('indicators');
  const standard = one('standard');
  if ((list === undefined) === (standard === undefined)) {
    throw usageError('Cần đúng một trong hai tuỳ chọn --indicators hoặc --standard (give either --indicators or --standard).');
  }
  let indicators: MpiIndicatorWeight[];
  if (standard !== undefined) {
    if (!isMpiStandardId(standard)) {
      throw usageError(`Chuẩn nghèo "${standard}" không có; dùng một trong: ${MPI_STANDARD_IDS.join(', ')} (unknown standard).`);
    }
    indicators = officialNestedWeights(standard);
  } else {
    indicators = parseIndicatorList(list as string);
  }
  return {
    help: false,
    input,
    indicators,
    k: k.trim(),
    weightColumns: values.get('weight-column') ?? [],
    by: one('by'),
    delimiter: one('delimiter') ?? ',',
    details: flags.has('details'),
    pretty: flags.has('pretty'),
  };
}
