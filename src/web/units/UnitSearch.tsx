/** Search box over all units of a layout; picking a result hands the unit to the page. */
import { useState } from 'react';
import { Select, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Layout, Unit } from '../api/types.ts';
import { useUnitSearch } from './useUnitSearch.ts';
import { unitDisplayName, unitTypeLabel } from './unitDisplay.ts';
import { useI18n } from '../i18n/useI18n.ts';

export interface UnitSearchProps {
  layout: Layout;
  asOf: string;
  onPick: (unit: Unit) => void;
  /** Names of provinces by code, to tell apart same-named communes. */
  provinceName?: (code: string) => string | undefined;
  style?: React.CSSProperties;
}

export function UnitSearch({ layout, asOf, onPick, provinceName, style }: UnitSearchProps) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const search = useUnitSearch(layout, asOf, text);

  return (
    <Select<string>
      data-testid="unit-search"
      style={style}
      value={null}
      placeholder={t('units.searchPlaceholder')}
      suffixIcon={<SearchOutlined />}
      showSearch={{ searchValue: text, onSearch: setText, filterOption: false, autoClearSearchValue: false }}
      loading={search.loading}
      notFoundContent={search.active && !search.loading ? t('units.noResults') : null}
      popupMatchSelectWidth={420}
      onChange={(code) => {
        const unit = search.items.find((u) => u.code === code);
        if (unit) onPick(unit);
      }}
      options={search.items.map((u) => {
        const province = u.tier === 'province' ? undefined : provinceName?.(u.provinceCode);
        return {
          value: u.code,
          label: (
            <div data-testid={`unit-search-result-${u.code}`}>
              <span>{unitDisplayName(u)}</span>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[u.code, unitTypeLabel(u, locale), province].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
