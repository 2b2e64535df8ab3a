/** Runs the real `giamngheo` command (bin/giamngheo.mjs) as a child process, for the CLI tests. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'giamngheo.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `giamngheo ARGS…` in the repository root, `stdin` written and closed; its exit code and output. */
export function runCli(args: readonly string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: REPO_ROOT, env: opts.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}
