/**
 * "Sửa" on an event of the timeline: its date, decision number, issuing body and note, judged on
 * the whole history (eventCorrections.ts). A refusal is shown and nothing is written.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { formatDateVi, todayIso } from '@shared/domain/dates';
import { MEMBER_EVENT_TYPE_LABELS } from '@shared/domain/labels';
import type { LifecycleRules } from '@shared/domain/lifecycle';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { useSetting } from '../../db/useSetting';
import { DateTextInput, dateFromText } from './DateTextInput';
import { correctEvent } from './eventCorrections';
import type { StoredEvent, StoredMember } from './memberQueries';

const t = vi.memberFile.correction;

interface Values {
  date?: string;
  decisionNumber?: string;
  issuedBy?: string;
  note?: string;
}

export function EventCorrectionDialog({
  member,
  events,
  event,
  rules,
  onClose,
}: {
  member: StoredMember;
  events: readonly StoredEvent[];
  event: StoredEvent;
  rules: LifecycleRules;
  onClose: () => void;
}) {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const badgeMilestones = useSetting(SETTINGS.badgeMilestones);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const label = MEMBER_EVENT_TYPE_LABELS[event.type];

  const save = async (values: Values) => {
    setRefusal(null);
    const date = dateFromText(values.date);
    if (!date) {
      form.setFields([{ name: 'date', errors: [t.dateRequired] }]);
      return;
    }
    setSaving(true);
    try {
      await correctEvent(
        store,
        member,
        events,
        event.id,
        {
          date,
          decisionNumber: values.decisionNumber?.trim() || undefined,
          issuedBy: values.issuedBy?.trim() || undefined,
          note: values.note?.trim() || undefined,
        },
        rules,
        { today: todayIso(), badgeMilestones },
      );
      void message.success(t.saved);
      onClose();
    } catch (failed) {
      setRefusal(failed instanceof Error ? failed.message : String(failed));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t.editTitle(label, formatDateVi(event.date))}
      okText={vi.lifecycle.save}
      cancelText={vi.lifecycle.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.editHint}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="event-correction"
        initialValues={{
          date: formatDateVi(event.date),
          decisionNumber: event.decisionNumber,
          issuedBy: event.issuedBy,
          note: event.note,
        }}
        onFinish={(values) => void save(values)}
        onValuesChange={() => setRefusal(null)}
      >
        <Form.Item name="date" label={t.dateLabel} required>
          <DateTextInput />
        </Form.Item>
        <Form.Item name="decisionNumber" label={vi.lifecycle.fields.decisionNumber}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuedBy" label={vi.lifecycle.fields.issuedBy}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={vi.lifecycle.fields.note}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={t.refused} description={refusal} />}
    </Modal>
  );
}
