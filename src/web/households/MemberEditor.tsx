/**
 * Thành viên hộ: an editable table, one row per member with the identity fields (name, date or year of
 * birth, sex, ethnicity, 12-digit personal identification number, relation to the head) and, under each
 * row, the member's facts for the classification (MemberFactsPanel). A saved member is never deleted:
 * "Rời hộ" records a reason and the server keeps the person as left.
 */
import { useState } from 'react';
import { AutoComplete, Button, Card, DatePicker, Flex, Input, Modal, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, UndoOutlined, UserDeleteOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../i18n/useI18n.ts';
import { DATE_FORMAT, toIsoDate } from '../format/format.ts';
import { ETHNICITIES, RELATIONS } from './codes.ts';
import { emptyMember, type Facts, type MemberDraft } from './draft.ts';
import { MEMBER_LEFT_REASONS, type MemberLeftReason } from './api.ts';
import type { DraftErrors } from './validate.ts';
import { CellError } from './CellError.tsx';
import { MemberFactsPanel } from './MemberFactsPanel.tsx';

export interface MemberEditorProps {
  members: MemberDraft[];
  onChange: (members: MemberDraft[]) => void;
  errors: DraftErrors;
  disabled?: boolean;
}

export function MemberEditor({ members, onChange, errors, disabled }: MemberEditorProps) {
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const [leaving, setLeaving] = useState<MemberDraft | null>(null);
  const [leaveReason, setLeaveReason] = useState<MemberLeftReason>('moved_out');
  const [leaveDate, setLeaveDate] = useState<Dayjs | null>(null);

  const update = (key: string, patch: Partial<MemberDraft>) => onChange(members.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  const updateFacts = (key: string, patch: Facts) =>
    onChange(members.map((m) => (m.key === key ? { ...m, facts: { ...m.facts, ...patch } } : m)));
  const err = (m: MemberDraft, field: string) => errors[`${m.key}.${field}`];
  const status = (m: MemberDraft, field: string) => (err(m, field) ? ('error' as const) : undefined);
  const head = members.find((m) => m.relation === 'head' && !m.leaving);

  const addMember = () => {
    const m = emptyMember(undefined, head?.ethnicity);
    onChange([...members, m]);
  };

  return (
    <Card
      size="small"
      title={t('member.title')}
      data-testid="member-editor"
      extra={
        !disabled && (
          <Button size="small" icon={<PlusOutlined />} onClick={addMember} data-testid="member-add">
            {t('member.add')}
          </Button>
        )
      }
    >
      {errors.members && (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', marginBottom: 8 }} data-testid="member-errors">
          {errors.members}
        </Typography.Text>
      )}
      <Table<MemberDraft>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={members}
        rowClassName={(m) => (m.leaving ? 'member-leaving' : '')}
        onRow={(m) => ({ 'data-testid': `member-row-${members.indexOf(m)}`, style: m.leaving ? { opacity: 0.55 } : undefined }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          // Every member's facts are shown under their row; a row can be folded away.
          expandedRowKeys: members.map((m) => m.key).filter((k) => !collapsed.includes(k)),
          onExpand: (open, m) => setCollapsed((c) => (open ? c.filter((k) => k !== m.key) : [...c, m.key])),
          expandedRowRender: (m) => (
            <MemberFactsPanel member={m} index={members.indexOf(m)} disabled={disabled || !!m.leaving} onFacts={(patch) => updateFacts(m.key, patch)} />
          ),
        }}
        columns={[
          { title: t('member.col.no'), key: 'no', width: 38, align: 'center', render: (_, _m, i) => i + 1 },
          {
            title: t('member.col.fullName'),
            key: 'fullName',
            minWidth: 140,
            render: (_, m) => (
              <CellError error={err(m, 'fullName')}>
                <Input
                  size="small"
                  disabled={disabled || !!m.leaving}
                  status={status(m, 'fullName')}
                  value={m.fullName}
                  onChange={(e) => update(m.key, { fullName: e.target.value })}
                  data-testid={`member-${members.indexOf(m)}-fullName`}
                />
                {m.leaving && <Tag style={{ marginTop: 2 }}>{t(`member.leftReason.${m.leaving.reason}`)}</Tag>}
              </CellError>
            ),
          },
          {
            title: <Tooltip title={t('member.col.birthHint')}>{t('member.col.birth')}</Tooltip>,
            key: 'birth',
            width: 110,
            render: (_, m) => (
              <CellError error={err(m, 'birth')}>
                <Input
                  size="small"
                  placeholder={t('member.birthPlaceholder')}
                  disabled={disabled || !!m.leaving}
                  status={status(m, 'birth')}
                  value={m.birth}
                  onChange={(e) => update(m.key, { birth: e.target.value })}
                  data-testid={`member-${members.indexOf(m)}-birth`}
                />
              </CellError>
            ),
          },
          {
            title: t('member.col.sex'),
            key: 'sex',
            width: 70,
            render: (_, m) => (
              <CellError error={err(m, 'sex')}>
                <Select
                  size="small"
                  style={{ width: '100%' }}
                  disabled={disabled || !!m.leaving}
                  status={status(m, 'sex')}
                  value={m.sex}
                  placeholder="—"
                  onChange={(sex) => update(m.key, { sex })}
                  options={[
                    { value: 'male', label: t('sex.male') },
                    { value: 'female', label: t('sex.female') },
                  ]}
                  data-testid={`member-${members.indexOf(m)}-sex`}
                />
              </CellError>
            ),
          },
          {
            title: t('member.col.ethnicity'),
            key: 'ethnicity',
            width: 90,
            render: (_, m) => (
              <AutoComplete
                size="small"
                style={{ width: '100%' }}
                disabled={disabled || !!m.leaving}
                value={m.ethnicity}
                onChange={(v: string) => update(m.key, { ethnicity: v })}
                options={ETHNICITIES.map((e) => ({ value: e }))}
                showSearch={{ filterOption: (input, option) => (option?.value ?? '').toLowerCase().startsWith(input.toLowerCase()) }}
                data-testid={`member-${members.indexOf(m)}-ethnicity`}
              />
            ),
          },
          {
            title: t('member.col.citizenId'),
            key: 'citizenId',
            width: 144,
            render: (_, m) => (
              <CellError error={err(m, 'citizenId')}>
                <Input
                  size="small"
                  inputMode="numeric"
                  maxLength={16}
                  disabled={disabled || !!m.leaving}
                  status={status(m, 'citizenId')}
                  value={m.citizenId}
                  onChange={(e) => update(m.key, { citizenId: e.target.value })}
                  data-testid={`member-${members.indexOf(m)}-citizenId`}
                />
              </CellError>
            ),
          },
          {
            title: t('member.col.relation'),
            key: 'relation',
            width: 106,
            render: (_, m) => (
              <CellError error={err(m, 'relation')}>
                <Select
                  size="small"
                  style={{ width: '100%' }}
                  disabled={disabled || !!m.leaving}
                  status={status(m, 'relation')}
                  value={m.relation}
                  placeholder="—"
                  onChange={(relation) => update(m.key, { relation })}
                  options={RELATIONS.map((r) => ({ value: r, label: t(`memberRelation.${r}`) }))}
                  data-testid={`member-${members.indexOf(m)}-relation`}
                />
              </CellError>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 40,
            align: 'center',
            render: (_, m) =>
              disabled ? null : m.leaving ? (
                <Tooltip title={t('member.undoLeave')}>
                  <Button size="small" type="text" icon={<UndoOutlined />} onClick={() => update(m.key, { leaving: undefined })} />
                </Tooltip>
              ) : m.id === undefined ? (
                <Tooltip title={t('member.remove')}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => onChange(members.filter((x) => x.key !== m.key))}
                    data-testid={`member-${members.indexOf(m)}-remove`}
                  />
                </Tooltip>
              ) : (
                <Tooltip title={t('member.leave')}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<UserDeleteOutlined />}
                    onClick={() => {
                      setLeaveReason('moved_out');
                      setLeaveDate(null);
                      setLeaving(m);
                    }}
                  />
                </Tooltip>
              ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
        {t('member.hint')}
      </Typography.Text>
      <Modal
        open={leaving !== null}
        title={t('member.leaveTitle', { name: leaving?.fullName ?? '' })}
        okText={t('member.leave')}
        cancelText={t('common.cancel')}
        onCancel={() => setLeaving(null)}
        onOk={() => {
          if (leaving) update(leaving.key, { leaving: { reason: leaveReason, date: toIsoDate(leaveDate) } });
          setLeaving(null);
        }}
      >
        <Flex vertical gap={8}>
          <span>{t('member.leaveReason')}</span>
          <Select<MemberLeftReason>
            value={leaveReason}
            onChange={setLeaveReason}
            options={MEMBER_LEFT_REASONS.map((r) => ({ value: r, label: t(`member.leftReason.${r}`) }))}
          />
          <span>{t('member.leaveDate')}</span>
          <DatePicker format={DATE_FORMAT} value={leaveDate} onChange={setLeaveDate} />
          {leaving?.relation === 'head' && <Typography.Text type="warning">{t('member.leaveHeadHint')}</Typography.Text>}
        </Flex>
      </Modal>
    </Card>
  );
}
