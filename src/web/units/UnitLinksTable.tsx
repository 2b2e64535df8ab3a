/** Predecessors or successors of a unit across the reorganisation, with relation toàn bộ / một phần. */
import { Table, Tag, Typography } from 'antd';
import type { UnitLink } from '../api/types.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { formatDate } from '../format/format.ts';

export function UnitLinksTable({ links, onOpen, testId }: { links: UnitLink[]; onOpen: (link: UnitLink) => void; testId: string }) {
  const { t } = useI18n();
  if (links.length === 0) return <Typography.Text type="secondary">{t('units.noLinks')}</Typography.Text>;
  return (
    <Table<UnitLink>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey={(l) => `${l.layout}-${l.code}-${l.effectiveDate}`}
      dataSource={links}
      columns={[
        {
          title: t('units.link.unit'),
          key: 'unit',
          render: (_, l) => (
            <Typography.Link onClick={() => onOpen(l)}>
              {l.name ?? l.code} <Typography.Text type="secondary">({l.code})</Typography.Text>
            </Typography.Link>
          ),
        },
        { title: t('units.field.layout'), key: 'layout', width: 140, render: (_, l) => t(`units.layoutShort.${l.layout}`) },
        {
          title: t('units.link.relation'),
          key: 'relation',
          width: 110,
          render: (_, l) => <Tag color={l.relation === 'full' ? 'green' : 'orange'}>{t(`relation.${l.relation}`)}</Tag>,
        },
        { title: t('units.link.effectiveDate'), key: 'date', width: 120, render: (_, l) => formatDate(l.effectiveDate) },
      ]}
    />
  );
}
