/** Server messages of the reports area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const reportsMessagesVi = {
  report_unit_invalid: 'Mã đơn vị "{code}" không phải là tỉnh, xã hoặc thôn (dạng MÃ_XÃ:MÃ_THÔN) đang có trong danh mục.',
  report_form_invalid: 'Biểu báo cáo "{form}" không có (chọn F1 đến F15).',
  report_too_large: 'Danh sách có hơn {max} hộ, quá dài để in PDF; hãy tải tệp Excel hoặc chọn đơn vị nhỏ hơn (xã, thôn).',
} as const;

export const reportsMessagesEn: Record<keyof typeof reportsMessagesVi, string> = {
  report_unit_invalid: 'Unit code "{code}" is not a province, commune or village (COMMUNE:VILLAGE) of the catalogue.',
  report_form_invalid: 'There is no report form "{form}" (choose F1 to F15).',
  report_too_large: 'The list has more than {max} households, too long for a PDF; download the Excel file or choose a smaller unit (commune, village).',
};
