/** Đăng nhập: username and password, Vietnamese validation, the server's message on failure. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useSession } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import { HEADER_BG } from '../layout/theme.ts';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage({ expired, startupError }: { expired: boolean; startupError?: unknown }) {
  const { login } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<string | null>(startupError ? errorMessage(startupError, i18n) : null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (err) {
      setError(errorMessage(err, i18n));
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100%', display: 'flex', flexDirection: 'column', background: '#eef1f5' }}>
      <div style={{ background: HEADER_BG, color: '#fff', padding: '12px 24px', display: 'flex', alignItems: 'center' }}>
        <div style={{ flex: 1 }}>
          <div style={{ fontSize: 18, fontWeight: 600 }}>{t('app.name')}</div>
          <div style={{ fontSize: 12, opacity: 0.75 }}>{t('app.program')}</div>
        </div>
        <LanguageSwitch />
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', paddingTop: '10vh' }}>
        <Card style={{ width: 380 }} title={<Typography.Title level={4} style={{ margin: 0 }}>{t('login.title')}</Typography.Title>}>
          {expired && !error && <Alert type="info" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />}
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
          )}
          <Form<LoginForm> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} disabled={busy}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}
