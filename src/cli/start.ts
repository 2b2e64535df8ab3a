/** `npm start`: the whole system on the embedded database, with demo data and logins printed. */
import { startServer, REPO_ROOT } from '../server/start-server.ts';
import { ensureWebBuild } from './ensure-web-build.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo-users.ts';

const log = (s: string) => process.stdout.write(`${s}\n`);

export async function run(argv: string[]): Promise<number> {
  const started = Date.now();
  const portArg = argv.indexOf('--port');
  const port = Number(portArg >= 0 ? argv[portArg + 1] : (process.env.PORT ?? 3000));
  const host = process.env.HOST ?? '127.0.0.1';
  await ensureWebBuild(REPO_ROOT, log);
  const server = await startServer({ port, host, seedDemo: process.env.GIAMNGHEO_DEMO !== '0', onProgress: log, logger: process.env.LOG === '1' });
  log('');
  log(`Hệ thống giảm nghèo đang chạy tại / running at: ${server.url}`);
  log(`Tài liệu API / API docs: ${server.url}/api/docs`);
  if (process.env.GIAMNGHEO_DEMO !== '0') {
    log(`Tài khoản demo / demo logins (mật khẩu / password: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) log(`  ${a.username.padEnd(16)} ${a.role.padEnd(18)} ${a.fullName}`);
  }
  log(`Khởi động trong / started in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl+C để dừng.`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2));
}
