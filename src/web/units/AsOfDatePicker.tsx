/** The "as of" date for unit queries, shown dd/mm/yyyy, handed on as YYYY-MM-DD. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { DATE_FORMAT, toIsoDate } from '../format/format.ts';

export function AsOfDatePicker({ value, onChange, ariaLabel }: { value: string; onChange: (iso: string) => void; ariaLabel: string }) {
  return (
    <DatePicker
      data-testid="unit-as-of"
      aria-label={ariaLabel}
      allowClear={false}
      format={DATE_FORMAT}
      value={dayjs(value)}
      onChange={(d) => {
        const iso = toIsoDate(d);
        if (iso) onChange(iso);
      }}
    />
  );
}
