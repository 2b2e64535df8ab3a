/** Vietnamese messages of the reports screens (spread into the reference catalog ../vi.ts). */
export const reportsVi = {
  'menu.reports': 'Báo cáo',
  'reports.title': 'Biểu mẫu báo cáo kết quả rà soát',
  'reports.form': 'Biểu',
  'reports.formShort': 'Biểu {id}.',
  'reports.year': 'Năm danh sách',
  'reports.unit': 'Đơn vị',
  'reports.nation': 'Toàn quốc',
  'reports.excel': 'Tải Excel',
  'reports.pdf': 'Tải PDF',
  'reports.downloaded': 'Đã tải tệp {name}',
  'reports.no': 'STT',
  'reports.breakdown': 'Phân tổ',
  'reports.previousPage': 'Trang trước',
  'reports.nextPage': 'Trang sau',
  'reports.pickOldUnit': 'Chọn tỉnh, huyện hoặc xã trước 01/07/2025',
  'reports.layout': 'Bố cục đơn vị hành chính: {layout}',
} as const;
