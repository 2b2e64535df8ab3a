/** Đổi mật khẩu: PATCH /api/auth/me {currentPassword, newPassword}. */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { authApi } from '../api/auth.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { PASSWORD_MIN_LENGTH, passwordRule } from '../users/passwordRule.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const { updateUser } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { user } = await authApi.updateMe({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      updateUser(user);
      form.resetFields();
      message.success(t('settings.password.changed'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('settings.password.title')}>
      {error != null && <Alert type="error" showIcon title={errorMessage(error, i18n)} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label={t('settings.password.current')} rules={[{ required: true, message: t('settings.password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('settings.password.new')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('settings.password.newRequired') },
            passwordRule(t('users.validation.passwordRule', { min: PASSWORD_MIN_LENGTH })),
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t('settings.password.sameAsOld'))) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('settings.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('settings.password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('settings.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('settings.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
