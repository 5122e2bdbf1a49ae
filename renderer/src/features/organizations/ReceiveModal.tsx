/**
 * "Tiếp nhận tổ chức": a whole organization arrives under the selected one with its members. The
 * organization, the members and each member's transfer-in event are written in ONE commit; a wrong
 * row is named and nothing is saved.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Col, DatePicker, Divider, Form, Input, Modal, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { childTypesOf } from '@shared/domain/organizationChanges';
import { isBlankRow, type RowProblem } from '@shared/domain/orgReceipt';
import type { Organization } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { nextSortOrder, receiveOrganization } from './actions';
import { errorText } from './errors';
import {
  DATE_FORMAT,
  fromFormValues,
  ISO_FORMAT,
  OrgFields,
  syncGrassroots,
  toFormValues,
  type OrgFormValues,
} from './OrgFields';
import { newOrganization } from './OrgFormModal';
import { blankRow, ReceiptMembersTable, type EditableRow } from './ReceiptMembersTable';
import type { OrgIndex } from './useOrganizations';

const t = vi.organizations.receive;

interface ReceiveFormValues extends OrgFormValues {
  sendingCommittee: string;
  receivedOn: Dayjs | null;
  decisionNumber?: string;
}

export function ReceiveModal({
  parent,
  index,
  onClose,
  onSaved,
}: {
  parent: Organization;
  index: OrgIndex;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ReceiveFormValues>();
  const types = childTypesOf(parent.type);
  const [base] = useState(() => ({
    ...newOrganization(
      parent,
      types.includes('grassrootsBranch') ? 'grassrootsBranch' : (types[0] ?? 'branch'),
      nextSortOrder(parent.id, index.byId),
    ),
    origin: 'receivedFromOtherCommittee' as const,
  }));
  const [rows, setRows] = useState<EditableRow[]>(() => [blankRow(), blankRow(), blankRow()]);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (values: ReceiveFormValues) => {
    setError(null);
    setProblems([]);
    setSaving(true);
    try {
      const organization = fromFormValues({ ...values, origin: 'receivedFromOtherCommittee' }, base);
      const result = await receiveOrganization(store, {
        organization,
        sendingCommittee: values.sendingCommittee,
        receivedOn: (values.receivedOn ?? dayjs()).format(ISO_FORMAT),
        decisionNumber: values.decisionNumber ?? '',
        rows,
      });
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      void message.success(t.done(organization.name, result.plan.members.length));
      onSaved(organization.id);
    } catch (failed) {
      setError(errorText(failed));
    } finally {
      setSaving(false);
    }
  };

  const filled = rows.filter((row) => !isBlankRow(row)).length;
  return (
    <Modal
      open
      title={t.title(parent.name)}
      width={1040}
      okText={t.confirm}
      cancelText={vi.organizations.actions.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
    >
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Form<ReceiveFormValues>
        form={form}
        layout="vertical"
        name="receive"
        initialValues={{ ...toFormValues(base), receivedOn: dayjs(), sendingCommittee: '' }}
        onValuesChange={(changed: Partial<ReceiveFormValues>) => {
          setError(null);
          syncGrassroots(form, changed);
        }}
        onFinish={(values) => void save(values)}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="sendingCommittee"
              label={t.sendingCommittee}
              rules={[{ required: true, whitespace: true, message: t.sendingCommitteeRequired }]}
            >
              <Input maxLength={200} placeholder={t.sendingCommitteePlaceholder} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="receivedOn"
              label={t.receivedOn}
              rules={[{ required: true, message: t.receivedOnRequired }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="decisionNumber" label={t.decisionNumber}>
              <Input maxLength={80} placeholder={vi.organizations.form.decisionPlaceholder} />
            </Form.Item>
          </Col>
        </Row>
        <OrgFields typeOptions={types} showOrigin={false} />
      </Form>
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t.membersTitle} · {t.memberCount(filled)}
      </Divider>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t.rowsInvalid}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p) => (
                <li key={p.row}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <ReceiptMembersTable
        rows={rows}
        onChange={(next) => {
          setProblems([]);
          setRows(next);
        }}
        invalidRows={new Set(problems.map((p) => p.row))}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t.officialHint}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
