/**
 * Create or edit a user. The unit field follows the role (province roles pick a province, commune roles
 * a commune, national roles none) and stays inside the manager's own province. Edits send `version`;
 * a 409 answer shows the conflict and offers to reload the latest record.
 */
import { useState } from 'react';
import { Alert, Button, Drawer, Flex, Form, Input, Switch } from 'antd';
import { assignableRoles } from '../../domain/access/permissions.ts';
import type { Role, User } from '../api/types.ts';
import { usersApi, type UserPatch } from '../api/users.ts';
import { ApiError } from '../api/client.ts';
import { fieldErrorsFrom } from '../api/fieldErrors.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { roleUnitRule } from './roleUnitRule.ts';
import { PASSWORD_MIN_LENGTH, passwordRule } from './passwordRule.ts';

const USERNAME_PATTERN = /^[a-z0-9._-]{3,60}$/;

interface UserFormValues {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  role?: Role;
  unitCode?: string | null;
  password?: string;
  active: boolean;
}

function toValues(user: User | null): UserFormValues {
  if (!user) return { username: '', fullName: '', active: true };
  return {
    username: user.username,
    fullName: user.fullName,
    email: user.email ?? undefined,
    phone: user.phone ?? undefined,
    role: user.role,
    unitCode: user.unitCode,
    active: user.active,
  };
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

export function UserFormDrawer({ user: initial, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: (user: User) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useSignedIn().user;
  const [form] = Form.useForm<UserFormValues>();
  const [user, setUser] = useState<User | null>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const rule = roleUnitRule(role);
  const isEdit = user !== null;
  const roles = assignableRoles(me.role);
  const rootCode = me.role === 'national_admin' ? null : me.provinceCode;

  const save = async (values: UserFormValues) => {
    setBusy(true);
    setError(null);
    const unitCode = rule.tiers.length === 0 ? null : (values.unitCode ?? null);
    try {
      let saved: User;
      if (user) {
        const patch: UserPatch = {
          version: user.version,
          fullName: values.fullName.trim(),
          role: values.role,
          unitCode,
          active: values.active,
          email: blankToNull(values.email),
          phone: blankToNull(values.phone),
        };
        if (values.password) patch.password = values.password;
        saved = (await usersApi.update(user.id, patch)).user;
      } else {
        saved = (
          await usersApi.create({
            username: values.username.trim(),
            fullName: values.fullName.trim(),
            password: values.password ?? '',
            role: values.role as Role,
            unitCode: unitCode ?? undefined,
            email: blankToNull(values.email) ?? undefined,
            phone: blankToNull(values.phone) ?? undefined,
          })
        ).user;
      }
      onSaved(saved);
    } catch (err) {
      setError(err);
      const fields = fieldErrorsFrom(err);
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof UserFormValues, errors: f.errors })));
    } finally {
      setBusy(false);
    }
  };

  const reloadLatest = async () => {
    if (!user) return;
    try {
      const fresh = (await usersApi.get(user.id)).user;
      setUser(fresh);
      form.setFieldsValue({ ...toValues(fresh), password: undefined });
      setError(null);
    } catch (err) {
      setError(err);
    }
  };

  const conflict = error instanceof ApiError && error.code === 'conflict';

  return (
    <Drawer
      open
      size={560}
      title={isEdit ? `${t('users.editTitle')}: ${user.username}` : t('users.createTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="user-form"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="user-form-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {error != null && (
        <Alert
          type={conflict ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="user-form-error"
          title={conflict ? t('users.conflictTitle') : errorMessage(error, i18n)}
          description={conflict ? errorMessage(error, i18n) : undefined}
          action={
            conflict ? (
              <Button size="small" onClick={() => void reloadLatest()}>
                {t('users.conflictReload')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={toValues(initial)}
        onFinish={(v) => void save(v)}
        onValuesChange={(changed) => {
          if ('role' in changed) form.setFieldValue('unitCode', null);
        }}
      >
        <Form.Item
          name="username"
          label={t('users.field.username')}
          extra={isEdit ? undefined : t('users.hint.username')}
          rules={
            isEdit
              ? []
              : [
                  { required: true, whitespace: true, message: t('users.validation.usernameRequired') },
                  { pattern: USERNAME_PATTERN, message: t('users.validation.usernameFormat') },
                ]
          }
        >
          <Input disabled={isEdit} autoComplete="off" />
        </Form.Item>
        <Form.Item name="fullName" label={t('users.field.fullName')} rules={[{ required: true, whitespace: true, message: t('users.validation.fullNameRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="email" label={t('users.field.email')} style={{ flex: 1 }} rules={[{ type: 'email', message: t('users.validation.emailFormat') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label={t('users.field.phone')} style={{ flex: 1 }}>
            <Input autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.Item name="role" label={t('users.field.role')} rules={[{ required: true, message: t('users.validation.roleRequired') }]}>
          <RoleSelect roles={roles} data-testid="user-form-role" />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t('users.field.unit')}
          extra={t(rule.hint)}
          rules={rule.required ? [{ required: true, message: t('users.validation.unitRequired') }] : []}
          hidden={role !== undefined && rule.tiers.length === 0}
        >
          <UnitPicker layout="2025" selectableTiers={rule.tiers} rootCode={rootCode} disabled={!role} data-testid="user-form-unit" />
        </Form.Item>
        <Form.Item
          name="password"
          label={isEdit ? t('users.field.newPassword') : t('users.field.password')}
          extra={isEdit ? t('users.hint.passwordKeep') : undefined}
          rules={[
            ...(isEdit ? [] : [{ required: true, message: t('users.validation.passwordRequired') }]),
            passwordRule(t('users.validation.passwordRule', { min: PASSWORD_MIN_LENGTH })),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {isEdit && (
          <Form.Item name="active" label={t('users.field.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
