/** Before/after of one audit entry as a table of fields, changed fields highlighted. */
import { useState } from 'react';
import { Flex, Switch, Table, Typography } from 'antd';
import { diffRecords, formatDiffValue, type DiffRow } from './diffRecords.ts';
import { useI18n } from '../i18n/useI18n.ts';

const ROW_BG: Record<DiffRow['kind'], string | undefined> = {
  changed: '#fff7e6',
  added: '#f6ffed',
  removed: '#fff1f0',
  same: undefined,
};

export function AuditDiff({ before, after, reason }: { before: unknown; after: unknown; reason: string | null }) {
  const { t } = useI18n();
  const rows = diffRecords(before, after);
  const hasBoth = before != null && after != null;
  const [onlyChanged, setOnlyChanged] = useState(hasBoth);
  const shown = onlyChanged ? rows.filter((r) => r.kind !== 'same') : rows;

  return (
    <Flex vertical gap={8} data-testid="audit-diff">
      {reason && (
        <Typography.Text>
          <strong>{t('audit.reason')}:</strong> {reason}
        </Typography.Text>
      )}
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.diff.none')}</Typography.Text>
      ) : (
        <>
          {hasBoth && (
            <Flex gap={8} align="center">
              <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
              <Typography.Text>{t('audit.diff.onlyChanged')}</Typography.Text>
            </Flex>
          )}
          <Table<DiffRow>
            size="small"
            bordered
            pagination={false}
            rowKey="path"
            dataSource={shown}
            onRow={(r) => ({ style: { background: ROW_BG[r.kind] }, 'data-diff-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('audit.diff.field'), dataIndex: 'path', width: 220, render: (p: string) => <code>{p}</code> },
              {
                title: t('audit.diff.before'),
                key: 'before',
                render: (_, r) => (
                  <Typography.Text delete={r.kind === 'changed' || r.kind === 'removed'} type={r.kind === 'same' ? undefined : 'danger'}>
                    {formatDiffValue(r.before)}
                  </Typography.Text>
                ),
              },
              {
                title: t('audit.diff.after'),
                key: 'after',
                render: (_, r) => (
                  <Typography.Text type={r.kind === 'same' ? undefined : 'success'} strong={r.kind !== 'same'}>
                    {formatDiffValue(r.after)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
