export async function run(_argv: string[]): Promise<number> { process.stderr.write('chưa có\n'); return 2; }
