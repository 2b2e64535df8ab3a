/**
 * The import command's progress lines without a terminal: one per step, every 10 %, and at least every
 * PLAIN_PROGRESS_EVERY_MS while a step of unknown size (reading) goes on — a log never goes quiet for minutes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLAIN_PROGRESS_EVERY_MS, progressBar } from '../../src/cli/import.ts';

test('without a terminal: a line per step, per tenth, and per interval while reading', () => {
  const lines: string[] = [];
  let clock = 0;
  const bar = progressBar({ out: () => {}, err: (s) => void lines.push(s), env: {}, tty: false }, () => clock)!;
  const at = (step: string, done: number, total: number) => bar({ id: 1, state: 'staging', step, progressDone: done, progressTotal: total });
  at('reading', 0, 0);
  clock += 1000;
  at('reading', 10_000, 0); // within the interval: no line
  clock += PLAIN_PROGRESS_EVERY_MS;
  at('reading', 60_000, 0); // the interval passed: a line
  at('committing', 0, 100);
  at('committing', 5, 100); // same tenth: no line
  at('committing', 10, 100);
  assert.equal(lines.length, 4, lines.join(''));
  assert.match(lines[1]!, /60000/);
  assert.match(lines[3]!, /10\/100/);
});
