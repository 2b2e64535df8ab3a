/** Server message catalog: Vietnamese first, English second. Keys are stable error codes. */

export type Locale = 'vi' | 'en';

const vi = {
  unauthenticated: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  out_of_scope: 'Không tìm thấy dữ liệu trong phạm vi đơn vị của bạn.',
  not_found: 'Không tìm thấy.',
  csrf_invalid: 'Yêu cầu không hợp lệ (thiếu hoặc sai mã chống giả mạo CSRF). Hãy tải lại trang.',
  validation: 'Dữ liệu không hợp lệ.',
  conflict: 'Dữ liệu đã được người khác thay đổi. Hãy tải lại rồi nhập lại thay đổi của bạn.',
  rate_limited: 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau {minutes} phút.',
  login_failed: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  account_disabled: 'Tài khoản đã bị khoá.',
  wrong_password: 'Mật khẩu hiện tại không đúng.',
  weak_password: 'Mật khẩu phải có ít nhất 8 ký tự, gồm chữ và số.',
  username_taken: 'Tên đăng nhập "{username}" đã được sử dụng.',
  role_not_assignable: 'Bạn không được cấp vai trò "{role}".',
  unit_required: 'Vai trò này phải gắn với một đơn vị cấp {level}.',
  unit_invalid: 'Mã đơn vị "{code}" không tồn tại hoặc không đúng cấp cho vai trò này.',
  unit_out_of_scope: 'Đơn vị "{code}" nằm ngoài phạm vi quản lý của bạn.',
  cannot_disable_self: 'Bạn không thể tự khoá hoặc hạ quyền tài khoản của mình.',
  internal: 'Lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị.',
  field_required: 'Thiếu trường "{field}".',
  field_type: 'Trường "{field}" phải là {type}.',
  field_min_length: 'Trường "{field}" phải có ít nhất {limit} ký tự.',
  field_max_length: 'Trường "{field}" không được dài quá {limit} ký tự.',
  field_pattern: 'Trường "{field}" không đúng định dạng.',
  field_enum: 'Trường "{field}" phải là một trong: {values}.',
  field_minimum: 'Trường "{field}" phải ≥ {limit}.',
  field_maximum: 'Trường "{field}" phải ≤ {limit}.',
  field_unknown: 'Trường "{field}" không được phép.',
  field_format: 'Trường "{field}" không đúng định dạng {format}.',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  unauthenticated: 'You are not signed in or your session has expired.',
  forbidden: 'You are not allowed to do this.',
  out_of_scope: 'Not found within your unit.',
  not_found: 'Not found.',
  csrf_invalid: 'Invalid request (missing or wrong CSRF token). Reload the page.',
  validation: 'Invalid data.',
  conflict: 'Someone else changed this record. Reload and enter your change again.',
  rate_limited: 'Too many failed sign-ins. Try again in {minutes} minutes.',
  login_failed: 'Wrong username or password.',
  account_disabled: 'This account is disabled.',
  wrong_password: 'The current password is wrong.',
  weak_password: 'A password needs at least 8 characters with letters and digits.',
  username_taken: 'The username "{username}" is already taken.',
  role_not_assignable: 'You may not assign the role "{role}".',
  unit_required: 'This role must be bound to a {level}-level unit.',
  unit_invalid: 'Unit code "{code}" does not exist or is not the right level for this role.',
  unit_out_of_scope: 'Unit "{code}" is outside your unit.',
  cannot_disable_self: 'You cannot disable or demote your own account.',
  internal: 'System error. Please try again or contact the administrator.',
  field_required: 'Field "{field}" is required.',
  field_type: 'Field "{field}" must be {type}.',
  field_min_length: 'Field "{field}" needs at least {limit} characters.',
  field_max_length: 'Field "{field}" may not exceed {limit} characters.',
  field_pattern: 'Field "{field}" has the wrong format.',
  field_enum: 'Field "{field}" must be one of: {values}.',
  field_minimum: 'Field "{field}" must be ≥ {limit}.',
  field_maximum: 'Field "{field}" must be ≤ {limit}.',
  field_unknown: 'Field "{field}" is not allowed.',
  field_format: 'Field "{field}" must be a valid {format}.',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function message(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function localeFromHeader(acceptLanguage: string | undefined): Locale {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'vi';
}
