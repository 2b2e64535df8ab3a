/** Khóa truy cập API: list, create (shown once), revoke. */
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { tokensApi } from '../api/tokens.ts';
import type { ApiToken } from '../api/types.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate, formatDateTime } from '../format/format.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { TokenCreatedModal } from './TokenCreatedModal.tsx';

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useI18n();
  if (token.revokedAt) return <Tag color="red">{t('settings.tokens.status.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) return <Tag>{t('settings.tokens.status.expired')}</Tag>;
  return <Tag color="green">{t('settings.tokens.status.active')}</Tag>;
}

export function ApiTokensCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const query = useApiQuery('tokens', () => tokensApi.list());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  const revoke = async (token: ApiToken) => {
    try {
      await tokensApi.revoke(token.id);
      message.success(t('settings.tokens.revoked'));
      query.reload();
    } catch (err) {
      message.error(errorMessage(err, i18n));
    }
  };

  return (
    <Card
      size="small"
      title={t('settings.tokens.title')}
      extra={
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('settings.tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('settings.tokens.intro')}</Typography.Paragraph>
      {query.error != null && <Alert type="error" showIcon title={errorMessage(query.error, i18n)} style={{ marginBottom: 12 }} />}
      <Table<ApiToken>
        size="small"
        bordered
        rowKey="id"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('settings.tokens.empty') }}
        columns={[
          { title: t('settings.tokens.name'), dataIndex: 'name' },
          { title: t('settings.tokens.col.prefix'), dataIndex: 'prefix', width: 130, render: (p: string) => <code>{p}…</code> },
          { title: t('settings.tokens.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('settings.tokens.col.expiresAt'),
            dataIndex: 'expiresAt',
            width: 120,
            render: (v: string | null) => (v ? formatDate(v) : t('settings.tokens.never')),
          },
          { title: t('settings.tokens.col.lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
          { title: t('settings.tokens.col.status'), key: 'status', width: 120, render: (_, tok) => <TokenStatus token={tok} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, tok) =>
              tok.revokedAt ? null : (
                <Popconfirm
                  title={t('settings.tokens.revokeConfirm', { name: tok.name })}
                  okText={t('settings.tokens.revoke')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke(tok)}
                >
                  <Button size="small" danger>
                    {t('settings.tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {creating && (
        <CreateTokenModal
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
            query.reload();
          }}
        />
      )}
      {created && <TokenCreatedModal token={created} onClose={() => setCreated(null)} />}
    </Card>
  );
}
