/**
 * `giamngheo` command dispatcher. Each sub-command lives in its own module and is loaded lazily,
 * so `giamngheo classify` does not pay for the server's imports.
 */
const commands: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }> = {
  start: { summary: 'Chạy máy chủ (cơ sở dữ liệu nhúng) / run the server', load: () => import('./start.ts') },
  classify: { summary: 'Phân loại hộ theo chuẩn nghèo / classify households (JSON Lines)', load: () => import('./classify.ts') },
  mpi: { summary: 'Chỉ số nghèo đa chiều Alkire-Foster / Alkire-Foster MPI', load: () => import('./mpi.ts') },
  units: { summary: 'Nhập danh mục đơn vị hành chính / import administrative units', load: () => import('./units.ts') },
  import: { summary: 'Nhập hộ, thành viên, phiếu B từ Excel/CSV / bulk import households and surveys', load: () => import('./import.ts') },
  reports: { summary: 'Tổng hợp số liệu báo cáo / rebuild report summary tables', load: () => import('./reports.ts') },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    process.stderr.write('Cách dùng / usage: giamngheo <lệnh> [tuỳ chọn]\n');
    for (const [n, c] of Object.entries(commands)) process.stderr.write(`  ${n.padEnd(10)} ${c.summary}\n`);
    return name ? 2 : 0;
  }
  const mod = await cmd.load();
  return mod.run(rest);
}

process.exitCode = await main(process.argv.slice(2));
