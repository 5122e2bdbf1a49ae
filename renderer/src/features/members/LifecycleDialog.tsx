/**
 * One dialog per kind of lifecycle event: date (today by default), decision number, issuing body (the
 * ward committee by default), note, and the kind's details. The shared rules judge it; a refusal is
 * shown with its Vietnamese reason and nothing is written; a success is one commit of the event and
 * the member's new state.
 */
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Col, Form, Input, Modal, Row, Skeleton } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { addMonths, formatDateVi, isFullIsoDate, todayIso } from '@shared/domain/dates';
import { currentState, issuingBodyName } from '@shared/domain/lifecycle';
import { resolveSetting } from '@shared/domain/settings';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { toUpperName } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { useSetting } from '../../db/useSetting';
import { findWard } from '../organizations/queries';
import { useOrganizations } from '../organizations/useOrganizations';
import { DateTextInput } from './DateTextInput';
import { LifecycleFields } from './LifecycleFields';
import { confirmWarnings } from './confirmWarnings';
import { useStoredSettingVersions, type StoredEvent, type StoredMember } from './memberQueries';
import { eventFromForm, judgeEvent, type DialogKind, type EventFormValues } from './recordEvent';

const t = vi.lifecycle;

interface Props {
  kind: DialogKind;
  member: StoredMember;
  events: readonly StoredEvent[];
  onClose: () => void;
}

function defaults(
  kind: DialogKind,
  member: StoredMember,
  events: readonly StoredEvent[],
  issuedBy: string,
  months: number,
): EventFormValues {
  const today = todayIso();
  let date = today;
  if (kind === 'madeOfficial') {
    const start = currentState(member, events).probationStartedOn;
    const due = start && isFullIsoDate(start) ? addMonths(start, months) : undefined;
    if (due && due <= today) date = due;
  }
  return {
    date: formatDateVi(date),
    issuedBy,
    destination: 'inside',
    transferKind: 'official',
    arrivalStatus: 'official',
    posthumous: member.status === 'deceased',
  };
}

export function LifecycleDialog({ kind, member, events, onClose }: Props) {
  const store = useStore();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<EventFormValues>();
  const orgs = useOrganizations();
  const settings = useStoredSettingVersions();
  const ward = useLiveQuery(async () => (await findWard(store.db)) ?? null, [store]);
  const badgeMilestones = useSetting(SETTINGS.badgeMilestones);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const probationStart = currentState(member, events).probationStartedOn ?? member.joinedOn;
  const probationMonths = resolveSetting(
    SETTINGS.probationMonths,
    settings?.[SETTINGS.probationMonths.key],
    isFullIsoDate(probationStart) ? probationStart : todayIso(),
  );
  const ready = ward !== undefined && settings !== undefined && orgs !== undefined;
  // The branch decides an exemption by resolution; everything else is decided by the ward committee.
  const issuerOrg = kind === 'exemption' ? orgs?.byId.get(member.organizationId)?.name : ward?.name;
  const issuer = typeof issuerOrg === 'string' ? issuingBodyName(issuerOrg) : '';
  const initial = useMemo(
    () => defaults(kind, member, events, issuer, probationMonths),
    [kind, member, events, issuer, probationMonths],
  );
  const title =
    kind === 'award' && member.status === 'deceased' ? t.actions.posthumousAward : t.actions[kind];

  const submit = async () => {
    setRefusal(null);
    const values = form.getFieldsValue(true) as EventFormValues;
    const event = eventFromForm(kind, values, member);
    const judgement = judgeEvent(store, event, member, events, {
      today: todayIso(),
      rules: { probationMonths },
      badgeMilestones,
    });
    if (!judgement.ok) {
      const byField = new Map<string, string[]>();
      for (const issue of judgement.errors)
        byField.set(issue.field, [...(byField.get(issue.field) ?? []), issue.message]);
      form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof EventFormValues, errors })));
      if (judgement.refusal) setRefusal(judgement.refusal);
      else if (judgement.errors.length) setRefusal(t.fixErrors);
      return;
    }
    if (judgement.warnings.length > 0 && !(await confirmWarnings(modal, judgement.warnings))) return;
    setSaving(true);
    try {
      await judgement.ops();
      void message.success(t.saved(title));
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
      title={`${title}: ${toUpperName(member.fullName)}`}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t.cancel}
        </Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => form.submit()}>
          {t.save}
        </Button>,
      ]}
    >
      {!ready ? (
        <Skeleton active />
      ) : (
        <Form<EventFormValues>
          form={form}
          name={`event-${kind}`}
          layout="vertical"
          initialValues={initial}
          onFinish={() => void submit()}
          onValuesChange={(changed: Partial<EventFormValues>) => {
            setRefusal(null);
            form.setFields(
              Object.keys(changed).map((name) => ({ name: name as keyof EventFormValues, errors: [] })),
            );
          }}
        >
          {kind === 'deceased' ||
          kind === 'removedFromRolls' ||
          kind === 'expelled' ||
          kind === 'resigned' ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t.endsMembership} />
          ) : null}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="date" label={t.dateLabels[kind]} required>
                <DateTextInput />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="decisionNumber"
                label={
                  kind === 'transfer' || kind === 'transferIn'
                    ? t.fields.letterNumber
                    : kind === 'exemption'
                      ? t.fields.resolutionNumber
                      : t.fields.decisionNumber
                }
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <LifecycleFields
            kind={kind}
            orgs={orgs}
            currentOrganizationId={member.organizationId}
            badgeMilestones={badgeMilestones}
            deceased={member.status === 'deceased'}
          />
          <Form.Item name="issuedBy" label={t.fields.issuedBy}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label={t.fields.note}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
          {refusal && <Alert type="error" showIcon role="alert" title={t.refused} description={refusal} />}
        </Form>
      )}
    </Modal>
  );
}
