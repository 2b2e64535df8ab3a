/** Shows a newly created API token once, with a copy button. */
import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';

export function TokenCreatedModal({ token, onClose }: { token: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('settings.tokens.createdTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('settings.tokens.createdWarning')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        code
        copyable={{ text: token, tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ wordBreak: 'break-all', fontSize: 13 }}
        data-testid="token-value"
      >
        {token}
      </Typography.Paragraph>
    </Modal>
  );
}
