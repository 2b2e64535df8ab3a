/** Cài đặt cá nhân: account, password, language, API tokens. */
import { Col, Flex, Row, Typography } from 'antd';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { ProfileCard } from './ProfileCard.tsx';
import { ChangePasswordCard } from './ChangePasswordCard.tsx';
import { LanguageCard } from './LanguageCard.tsx';
import { ApiTokensCard } from './ApiTokensCard.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={12}>
            <ProfileCard />
            <LanguageCard />
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <ChangePasswordCard />
        </Col>
        {can('token.manage_own') && (
          <Col xs={24}>
            <ApiTokensCard />
          </Col>
        )}
      </Row>
    </Flex>
  );
}
