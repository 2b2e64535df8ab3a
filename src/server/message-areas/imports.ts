/** Server messages of the imports area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const importsMessagesVi = {
  import_file: '{message}',
  import_files_required: 'Hãy chọn tệp cần nhập (.xlsx, hoặc các tệp .csv của từng trang).',
  import_date_invalid: 'Ngày tham chiếu "{date}" không hợp lệ (định dạng YYYY-MM-DD).',
  job_not_validated: 'Lần nhập chưa kiểm tra xong hoặc đã ghi (trạng thái "{state}").',
  job_has_errors: 'Tệp còn {errors} lỗi: sửa tệp rồi tải lên lại, hoặc chọn "chỉ ghi các hộ hợp lệ".',
  job_busy: 'Lần nhập đang được xử lý; hãy chờ xong.',
  campaign_not_found: 'Không tìm thấy đợt rà soát trong phạm vi của bạn.',
  campaign_required: 'Nhập phiếu B cần chọn đợt rà soát.',
  job_interrupted: 'Lần nhập bị gián đoạn khi đang đọc tệp; hãy tải tệp lên lại.',
} as const;

export const importsMessagesEn: Record<keyof typeof importsMessagesVi, string> = {
  import_file: '{message}',
  import_files_required: 'Choose the file(s) to import (.xlsx, or one .csv per sheet).',
  import_date_invalid: 'Reference date "{date}" is invalid (format YYYY-MM-DD).',
  job_not_validated: 'The import is not validated yet or already written (state "{state}").',
  job_has_errors: 'The file still has {errors} findings: fix and upload it again, or choose "valid households only".',
  job_busy: 'The import is being processed; wait until it ends.',
  campaign_not_found: 'Review campaign not found within your scope.',
  campaign_required: 'A form B import needs a review campaign.',
  job_interrupted: 'The import was interrupted while reading the file; upload it again.',
};
