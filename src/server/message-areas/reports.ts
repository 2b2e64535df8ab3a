/** Server messages of the reports area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const reportsMessagesVi = {
  report_unit_invalid: 'Mã đơn vị "{code}" không phải là tỉnh, xã hoặc thôn (dạng MÃ_XÃ:MÃ_THÔN) đang có trong danh mục (bố cục trước 01/7/2025: tỉnh, huyện hoặc xã).',
  report_form_invalid: 'Biểu báo cáo "{form}" không có (chọn F1 đến F15).',
  report_too_large: 'Danh sách có hơn {max} hộ, quá dài để in PDF; hãy tải tệp Excel hoặc chọn đơn vị nhỏ hơn (xã, thôn).',
  report_layout_unavailable:
    'Theo bố cục trước ngày 01/7/2025 (tỉnh – huyện – xã) chỉ lập được các biểu tổng hợp F1–F13; danh sách chi tiết (F14, F15) lập theo bố cục năm 2025.',
  report_origin_invalid: 'Thôn, bản "{village}": xã cũ "{code}" không phải là xã đã hợp thành xã này (chọn một trong: {allowed}).',
  report_origin_village_invalid: 'Thôn, bản "{village}" không có trong xã {commune}.',
} as const;

export const reportsMessagesEn: Record<keyof typeof reportsMessagesVi, string> = {
  report_unit_invalid: 'Unit code "{code}" is not a province, commune or village (COMMUNE:VILLAGE) of the catalogue (layout before 1 July 2025: province, district or commune).',
  report_form_invalid: 'There is no report form "{form}" (choose F1 to F15).',
  report_too_large: 'The list has more than {max} households, too long for a PDF; download the Excel file or choose a smaller unit (commune, village).',
  report_layout_unavailable:
    'In the layout before 1 July 2025 (province – district – commune) only the summary forms F1–F13 can be produced; the detailed lists (F14, F15) use the 2025 layout.',
  report_origin_invalid: 'Village "{village}": former commune "{code}" is not one the commune was formed from (choose one of: {allowed}).',
  report_origin_village_invalid: 'Village "{village}" is not in commune {commune}.',
};
