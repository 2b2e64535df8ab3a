/** Columns of the households sheet (Hộ gia đình): one row per household, upserted by household code. */
import type { ImportColumn, ImportSheet } from './column-types.ts';

const material = (key: string, header: string, headerEn: string, part: string): ImportColumn => ({
  key,
  header,
  headerEn,
  type: { kind: 'code', list: 'structural_material' },
  required: false,
  fact: `housing.${part}`,
  note: 'Bắt buộc khi đã ghi diện tích nhà ở (bốn cột nhà ở đi cùng nhau).',
});

export const HOUSEHOLD_COLUMNS: readonly ImportColumn[] = [
  { key: 'household_code', header: 'Mã hộ', headerEn: 'Household code', type: { kind: 'household_code' }, required: true, note: 'Mã ổn định của hộ; tải lên lại cùng mã hộ thì cập nhật, không tạo hộ mới.' },
  { key: 'commune_code', header: 'Mã xã/phường', headerEn: 'Commune code', type: { kind: 'commune_code' }, required: true, note: 'Mã 5 chữ số theo danh mục 2025, xem trang "Đơn vị".' },
  { key: 'village_code', header: 'Mã thôn/tổ dân phố', headerEn: 'Village code', type: { kind: 'village_code' }, required: false },
  { key: 'address', header: 'Địa chỉ', headerEn: 'Address', type: { kind: 'text', maxLength: 200 }, required: false },
  { key: 'phone', header: 'Số điện thoại', headerEn: 'Phone', type: { kind: 'phone' }, required: false },
  { key: 'resident_since', header: 'Cư trú từ ngày', headerEn: 'Resident since', type: { kind: 'date' }, required: false, note: 'Ngày bắt đầu cư trú tại xã (hộ mới); để trống là ngày nhập.' },
  { key: 'floor_area', header: 'Diện tích nhà ở (m²)', headerEn: 'Floor area (m²)', type: { kind: 'number', min: 0, max: 10_000 }, required: false, fact: 'housing.floorArea' },
  material('frame', 'Vật liệu cột (khung)', 'Frame material', 'frame'),
  material('walls', 'Vật liệu tường', 'Wall material', 'walls'),
  material('roof', 'Vật liệu mái', 'Roof material', 'roof'),
  { key: 'water_source', header: 'Nguồn nước sinh hoạt chính', headerEn: 'Main water source', type: { kind: 'code', list: 'water_source' }, required: false, fact: 'waterSource' },
  { key: 'latrine', header: 'Loại nhà tiêu', headerEn: 'Latrine', type: { kind: 'code', list: 'latrine' }, required: false, fact: 'latrine' },
  { key: 'uses_internet', header: 'Sử dụng dịch vụ internet', headerEn: 'Uses internet', type: { kind: 'boolean' }, required: false, fact: 'usesInternet' },
  { key: 'uses_telephone', header: 'Có thuê bao điện thoại', headerEn: 'Has telephone subscription', type: { kind: 'boolean' }, required: false, fact: 'usesTelephone' },
  { key: 'information_devices', header: 'Phương tiện tiếp cận thông tin', headerEn: 'Information devices', type: { kind: 'codes', list: 'information_device' }, required: false, fact: 'informationDevices', note: 'Nhiều giá trị ngăn cách bằng dấu chấm phẩy (;); ghi "Không có" khi hộ không có phương tiện nào.' },
  { key: 'hears_loudspeaker', header: 'Nghe được loa truyền thanh', headerEn: 'Hears the loudspeaker', type: { kind: 'boolean' }, required: false, fact: 'hearsLoudspeaker' },
  { key: 'waste_treatment', header: 'Xử lý rác thải sinh hoạt', headerEn: 'Waste treatment', type: { kind: 'code', list: 'waste_treatment' }, required: false, fact: 'wasteTreatment' },
  { key: 'farm_occupations', header: 'Nghề nông, lâm, ngư, diêm nghiệp', headerEn: 'Farm occupations', type: { kind: 'codes', list: 'farm_occupation' }, required: false, fact: 'farmOccupations', note: 'Nhiều giá trị ngăn cách bằng dấu chấm phẩy (;); ghi "Không có" khi hộ không làm nghề nào trong số này.' },
];

export const HOUSEHOLD_SHEET: ImportSheet = { id: 'households', name: 'Hộ gia đình', nameEn: 'Households', columns: HOUSEHOLD_COLUMNS };
