/** Columns of the members sheet (Thành viên): one row per member, joined to its household by code. */
import type { CodeListId, ImportColumn, ImportSheet } from './column-types.ts';

const flag = (key: string, header: string, headerEn: string, fact: string): ImportColumn => ({ key, header, headerEn, type: { kind: 'boolean' }, required: false, fact });
const coded = (key: string, header: string, headerEn: string, list: CodeListId, fact: string): ImportColumn => ({ key, header, headerEn, type: { kind: 'code', list }, required: false, fact });

export const MEMBER_COLUMNS: readonly ImportColumn[] = [
  { key: 'household_code', header: 'Mã hộ', headerEn: 'Household code', type: { kind: 'household_code' }, required: true, note: 'Mã hộ của dòng tương ứng trên trang "Hộ gia đình".' },
  { key: 'line_no', header: 'STT trong hộ', headerEn: 'Line number', type: { kind: 'integer', min: 1, max: 999 }, required: false, note: 'Để trống: theo thứ tự các dòng trong tệp.' },
  { key: 'full_name', header: 'Họ và tên', headerEn: 'Full name', type: { kind: 'text', maxLength: 100 }, required: true },
  { key: 'date_of_birth', header: 'Ngày sinh', headerEn: 'Date of birth', type: { kind: 'date' }, required: false, note: 'Ghi ngày sinh hoặc năm sinh (ít nhất một trong hai).' },
  { key: 'birth_year', header: 'Năm sinh', headerEn: 'Birth year', type: { kind: 'integer', min: 1880, max: 2100 }, required: false },
  { key: 'sex', header: 'Giới tính', headerEn: 'Sex', type: { kind: 'code', list: 'sex' }, required: true },
  { key: 'ethnicity', header: 'Dân tộc', headerEn: 'Ethnicity', type: { kind: 'text', maxLength: 50 }, required: false },
  { key: 'citizen_id', header: 'Số định danh cá nhân', headerEn: 'Citizen ID', type: { kind: 'citizen_id' }, required: false, note: '12 chữ số; không trùng với người khác trong tệp và trong cơ sở dữ liệu.' },
  { key: 'relation', header: 'Quan hệ với chủ hộ', headerEn: 'Relation to head', type: { kind: 'code', list: 'relation' }, required: true, note: 'Mỗi hộ có đúng một "chủ hộ".' },
  coded('disability', 'Khuyết tật', 'Disability', 'disability', 'disability'),
  flag('monthly_social_allowance', 'Hưởng trợ cấp xã hội hằng tháng', 'Monthly social allowance', 'monthlySocialAllowance'),
  flag('health_insurance', 'Có thẻ bảo hiểm y tế', 'Health insurance', 'healthInsurance'),
  flag('attending_school', 'Đang đi học', 'Attending school', 'attendingSchool'),
  coded('attending_level', 'Cấp học đang theo học', 'Level attended', 'attending_level', 'attendingLevel'),
  coded('highest_completed_level', 'Trình độ giáo dục cao nhất', 'Highest completed level', 'education_level', 'highestCompletedLevel'),
  coded('vocational_qualification', 'Bằng cấp, chứng chỉ nghề', 'Vocational qualification', 'vocational_qualification', 'vocationalQualification'),
  coded('employment', 'Tình trạng việc làm', 'Employment', 'employment', 'employment'),
  flag('has_labour_contract', 'Có hợp đồng lao động', 'Has labour contract', 'hasLabourContract'),
  flag('able_to_work', 'Có khả năng lao động', 'Able to work', 'ableToWork'),
  flag('stunted', 'Trẻ thấp còi', 'Stunted', 'stunted'),
  flag('underweight', 'Trẻ suy dinh dưỡng nhẹ cân', 'Underweight', 'underweight'),
  flag('ill_without_treatment', 'Ốm đau không đi khám chữa bệnh', 'Ill without treatment', 'illWithoutTreatment'),
  {
    ...flag('person_with_merit', 'Người có công với cách mạng', 'Person with meritorious service', 'personWithMerit'),
    note: 'Ghi "Có" cho người có công với cách mạng hoặc thân nhân đang hưởng trợ cấp ưu đãi.',
  },
];

export const MEMBER_SHEET: ImportSheet = { id: 'members', name: 'Thành viên', nameEn: 'Members', columns: MEMBER_COLUMNS };
