/** Year picker of the program screens (the program years around this year). */
import { Select } from 'antd';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => THIS_YEAR - 4 + i);

export function YearSelect({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  return <Select value={value} onChange={onChange} options={YEARS.map((y) => ({ value: y, label: y }))} style={{ width: 100 }} data-testid="program-year" />;
}

export const DEFAULT_PROGRAM_YEAR = THIS_YEAR;
