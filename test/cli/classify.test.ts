/**
 * The real `giamngheo classify` command run as a child process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_BIN, REPO_ROOT, runCli, type CliRun } from '../helpers/cli.ts';


function cli(args: string[], stdin = ''): Promise<CliRun> {
  return runCli(['classify', ...args], { stdin });
}

function lines(stdout: string): Record<string, unknown>[] {
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

const jsonl = (...rows: unknown[]): string => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

test('bad lines yield {line, error} in Vietnamese, the other lines are classified, exit code 2', async () => {
  const input = jsonl(
    { id: 'ok1', area: 'rural', income: 1_400_000, deprivations: ['health_insurance', 'latrine', 'water_source'] },
    '{"id": "broken", "area": ',
    { id: 'b2', area: 'highland', income: 1_000_000, deprivations: [] },
    { id: 'b3', area: 'urban', income: -1, deprivations: [] },
    { id: 'b4', area: 'urban', income: 1_000_000, deprivations: ['waste_treatment'] },
    { id: 'b5', area: 'urban', deprivations: [] },
    '',
    { id: 'ok2', area: 'urban', income: 3_500_000, deprivations: [] },
  );
  const r = await cli(['--standard', 'ND07_2021'], input);
  assert.equal(r.code, 2, r.stderr);
  const out = lines(r.stdout);
  assert.equal(out.length, 7);
  assert.deepEqual(out[0], {
    id: 'ok1',
    standard: 'ND07_2021',
    class: 'poor',
    deprivationCount: 3,
    deprivations: ['health_insurance', 'latrine', 'water_source'],
    explanation: 'Thu nhập 1.400.000 đ ≤ chuẩn 1.500.000 đ (nông thôn); thiếu hụt 3 chỉ số: BHYT, nhà tiêu hợp vệ sinh, nguồn nước → hộ nghèo',
  });
  const errors = out.slice(1, 6);
  assert.deepEqual(errors.map((e) => e.line), [2, 3, 4, 5, 6]);
  assert.match(String(errors[0].error), /^Dòng không phải JSON hợp lệ/);
  assert.match(String(errors[1].error), /^Khu vực "highland" không hợp lệ/);
  assert.match(String(errors[2].error), /^Thu nhập \(income\) không được âm/);
  assert.match(String(errors[3].error), /^Chỉ số "waste_treatment" không thuộc chuẩn ND07_2021/);
  assert.match(String(errors[4].error), /^Thiếu thu nhập bình quân \(income\) hoặc điểm A \(scoreA\)/);
  assert.deepEqual([out[6].id, out[6].class], ['ok2', 'none']);
});

test('all lines good → exit 0; --year picks the standard of the policy year', async () => {
  const record = { id: 'h', area: 'rural', income: 800_000, deprivations: ['health_insurance', 'telecom', 'latrine'] };
  const cases: [string[], string, string | undefined][] = [
    [['--year', '2018'], 'QD59_2015', 'multidimensional'],
    [['--year', '2021'], 'QD59_2015', 'multidimensional'],
    [['--year=2026'], 'ND07_2021', undefined],
    [['--year', '2028'], 'ND351_2025', undefined],
    [['--standard', 'BAC_NINH_2022_2025'], 'BAC_NINH_2022_2025', undefined],
  ];
  for (const [args, standard, subtype] of cases) {
    const r = await cli(args, jsonl(record));
    assert.equal(r.code, 0, r.stderr);
    const [out] = lines(r.stdout);
    assert.deepEqual([out.standard, out.class, out.subtype], [standard, 'poor', subtype], args.join(' '));
  }
});

test('raw household from a file with --reference-date', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'giamngheo-classify-'));
  try {
    const file = join(dir, 'households.jsonl');
    const h = {
      id: 'HN-01', area: 'urban', income: 1_900_000,
      members: [
        { name: 'Vì Văn Páo', dateOfBirth: '1978-04-02', sex: 'male', relation: 'head', healthInsurance: false, highestCompletedLevel: 'primary', employment: 'unemployed' },
        { name: 'Lò Thị Ín', birthYear: 1981, sex: 'female', relation: 'spouse', healthInsurance: true, highestCompletedLevel: 'primary', employment: 'self_employed' },
      ],
      housing: { floorArea: 14, frame: 'bamboo', walls: 'earth', roof: 'leaves_straw' },
      waterSource: 'piped', latrine: 'septic', usesInternet: true, informationDevices: ['smartphone'],
    };
    writeFileSync(file, jsonl(h, { ...h, id: 'HN-02', referenceDate: 'hôm qua' }));
    const r = await cli(['--standard', 'ND07_2021', '--input', file, '--reference-date', '2025-11-15'], '');
    assert.equal(r.code, 2, r.stderr);
    const [first, second] = lines(r.stdout);
    assert.equal(first.class, 'poor');
    assert.deepEqual(first.deprivations, ['employment', 'health_insurance', 'housing_quality', 'housing_area']);
    assert.equal((first.indicators as unknown[]).length, 12);
    assert.deepEqual(second, { line: 2, error: 'Ngày rà soát phải có dạng YYYY-MM-DD (nhận được: "hôm qua")' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parameter overrides from a file; confirmed values are refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'giamngheo-classify-'));
  try {
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, JSON.stringify({ averageLivingStandardUpper: { rural: { value: 3_300_000, operator: '<=' }, urban: { value: 4_200_000, operator: '<=' } } }));
    const r = await cli(['--year', '2027', '--parameters', ok], jsonl({ id: 1, area: 'rural', income: 3_000_000, deprivations: [] }));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(lines(r.stdout)[0].class, 'average');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ incomeLine: { rural: { value: 1, operator: '<=' }, urban: { value: 1, operator: '<=' } } }));
    const refused = await cli(['--year', '2027', '--parameters', bad], '');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /đã được xác minh \[C\], không thể ghi đè/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors go to stderr with exit code 2', async () => {
  const cases: [string[], RegExp][] = [
    [[], /Cần --standard <MÃ> hoặc --year <NĂM>/],
    [['--standard', 'ND99'], /Không có chuẩn nghèo "ND99"/],
    [['--standard', 'ND07_2021', '--year', '2024'], /Chỉ dùng một trong hai/],
    [['--year', '2015'], /Không có chuẩn nghèo quốc gia cho năm "2015"/],
    [['--year'], /Thiếu giá trị cho --year/],
    [['--colour'], /Tuỳ chọn không hợp lệ: --colour/],
    [['--year', '2024', '--input', '/no/such/file.jsonl'], /không mở được tệp/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args, '');
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stdout, '');
  }
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Cách dùng: giamngheo classify/);
});

test('streams: the first result is written before the input ends', async () => {
  const child = spawn(process.execPath, [CLI_BIN, 'classify', '--year', '2024'], { cwd: REPO_ROOT });
  child.stdout.setEncoding('utf8');
  child.stdin.write(jsonl({ id: 'first', area: 'rural', income: 1, deprivations: [] }));
  // Output shows up while stdin is still open (the writer flushes when its input pauses).
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no output before end of input')), 20_000);
    child.stdout.once('data', (d: string) => {
      clearTimeout(timer);
      resolve(d);
    });
  });
  assert.equal(JSON.parse(first.trim()).id, 'first');
  child.stdin.end();
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
});

test('the worked examples of docs/classification.md produce exactly the documented output', async () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'classification.md'), 'utf8');
  const pattern = /<!-- example(?: exit=(\d+))? -->\n```bash\necho '(.*)' \| npx giamngheo classify (.*)\n```\n```json\n([\s\S]*?)\n```/g;
  const examples = [...doc.matchAll(pattern)];
  assert.ok(examples.length >= 5, `only ${examples.length} examples found`);
  for (const [, exit, input, args, expected] of examples) {
    const r = await cli(args.split(' '), `${input}\n`);
    assert.equal(r.code, Number(exit ?? 0), `${args}: ${r.stderr}`);
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse(expected), args);
  }
});
