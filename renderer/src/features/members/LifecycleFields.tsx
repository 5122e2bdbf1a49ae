/** The detail boxes of each kind of lifecycle event (EVENT_DETAIL_FIELDS), in the event dialog. */
import { AutoComplete, Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { DISCIPLINE_FORMS, type Organization } from '@shared/domain/types';
import { DISCIPLINE_FORM_LABELS, MEMBER_STATUS_LABELS, TRANSFER_KIND_LABELS } from '@shared/domain/labels';
import { canAttend } from '@shared/domain/memberRules';
import { vi } from '../../i18n/vi';
import { OrgPicker } from '../organizations/OrgPicker';
import type { OrgIndex } from '../organizations/useOrganizations';
import { DateTextInput } from './DateTextInput';
import type { DialogKind, EventFormValues } from './recordEvent';

const t = vi.lifecycle.fields;

const half = (node: React.ReactNode, key: string) => (
  <Col xs={24} md={12} key={key}>
    {node}
  </Col>
);

/** Official or temporary: asked by both transfer dialogs. */
const transferKindItem = (
  <Form.Item name="transferKind" label={t.transferKind}>
    <Radio.Group
      options={(['official', 'temporary'] as const).map((value) => ({
        value,
        label: TRANSFER_KIND_LABELS[value],
      }))}
    />
  </Form.Item>
);

/** "Đã đóng đảng phí đến hết tháng", from the transfer letter; required when the ward issues it. */
function duesPaidItem(required: boolean) {
  return (
    <Form.Item name="duesPaidThrough" label={t.duesPaidThrough} required={required}>
      <Input placeholder="mm/yyyy" style={{ width: 150 }} maxLength={10} />
    </Form.Item>
  );
}

function TransferFields({
  orgs,
  currentOrganizationId,
}: {
  orgs: OrgIndex | undefined;
  currentOrganizationId: string;
}) {
  const destination = Form.useWatch<EventFormValues['destination']>('destination');
  const kind = Form.useWatch<EventFormValues['transferKind']>('transferKind');
  const allowed = (org: Organization) => canAttend(org) && org.id !== currentOrganizationId;
  const current = orgs?.byId.get(currentOrganizationId)?.name;
  return (
    <Row gutter={16}>
      {current && (
        <Col span={24}>
          <Typography.Paragraph type="secondary" data-testid="transfer-from">
            {t.currentOrganization} <Typography.Text strong>{current}</Typography.Text>
          </Typography.Paragraph>
        </Col>
      )}
      {half(
        <Form.Item name="destination" label={t.destination}>
          <Radio.Group
            options={[
              { value: 'inside', label: t.inside },
              { value: 'outside', label: t.outside },
            ]}
          />
        </Form.Item>,
        'destination',
      )}
      {half(transferKindItem, 'kind')}
      <Col span={24}>
        {destination === 'outside' ? (
          <Form.Item name="toExternal" label={t.toExternal} required>
            <Input placeholder={t.toExternalPlaceholder} maxLength={200} />
          </Form.Item>
        ) : (
          <Form.Item name="toOrganizationId" label={t.toOrganization} required>
            {orgs && <OrgPicker index={orgs} isAllowed={allowed} ariaLabel={t.toOrganization} />}
          </Form.Item>
        )}
      </Col>
      {half(duesPaidItem(true), 'dues')}
      {kind === 'temporary' &&
        half(
          <Form.Item name="temporaryUntil" label={t.temporaryUntil}>
            <DateTextInput />
          </Form.Item>,
          'until',
        )}
    </Row>
  );
}

function TransferInFields({ orgs }: { orgs: OrgIndex | undefined }) {
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item name="toOrganizationId" label={t.receivingOrganization} required>
          {orgs && <OrgPicker index={orgs} isAllowed={canAttend} ariaLabel={t.receivingOrganization} />}
        </Form.Item>
      </Col>
      {half(
        <Form.Item name="fromExternal" label={t.fromExternal}>
          <Input maxLength={200} />
        </Form.Item>,
        'from',
      )}
      {half(
        <Form.Item name="arrivalStatus" label={t.arrivalStatus}>
          <Radio.Group
            options={(['official', 'probationary'] as const).map((value) => ({
              value,
              label: MEMBER_STATUS_LABELS[value],
            }))}
          />
        </Form.Item>,
        'arrival',
      )}
      {half(transferKindItem, 'kind')}
      {half(duesPaidItem(false), 'dues')}
    </Row>
  );
}

const reason = (required = true) => (
  <Form.Item name="reason" label={t.reason} required={required}>
    <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
  </Form.Item>
);

interface Props {
  kind: DialogKind;
  orgs: OrgIndex | undefined;
  currentOrganizationId: string;
  badgeMilestones: readonly number[];
  deceased: boolean;
}

export function LifecycleFields({ kind, orgs, currentOrganizationId, badgeMilestones, deceased }: Props) {
  switch (kind) {
    case 'transfer':
      return <TransferFields orgs={orgs} currentOrganizationId={currentOrganizationId} />;
    case 'transferIn':
      return <TransferInFields orgs={orgs} />;
    case 'exemption':
      return (
        <>
          {reason()}
          <Row gutter={16}>
            {half(
              <Form.Item name="requestedOn" label={t.requestedOn} required>
                <DateTextInput />
              </Form.Item>,
              'requested',
            )}
            {half(
              <Form.Item name="medicalEvidence" label={t.medicalEvidence}>
                <Input placeholder={t.medicalEvidencePlaceholder} maxLength={300} />
              </Form.Item>,
              'medical',
            )}
          </Row>
        </>
      );
    case 'exemptionEnded':
      return (
        <Form.Item name="requestedOn" label={t.requestedOn}>
          <DateTextInput />
        </Form.Item>
      );
    case 'removedFromRolls':
    case 'expelled':
      return reason();
    case 'resigned':
      return (
        <>
          {reason()}
          <Form.Item name="requestedOn" label={t.requestedOn}>
            <DateTextInput />
          </Form.Item>
        </>
      );
    case 'deceased':
      return (
        <Form.Item name="causeOfDeath" label={t.causeOfDeath}>
          <Input maxLength={300} />
        </Form.Item>
      );
    case 'award':
      return (
        <Row gutter={16}>
          {half(
            <Form.Item name="awardName" label={t.awardName}>
              <AutoComplete options={t.awardSuggestions.map((value) => ({ value }))} maxLength={200} />
            </Form.Item>,
            'name',
          )}
          {half(
            <Form.Item name="badgeYears" label={t.badgeYears}>
              <Select
                allowClear
                placeholder={t.noBadge}
                options={badgeMilestones.map((years) => ({ value: years, label: t.badgeOption(years) }))}
              />
            </Form.Item>,
            'badge',
          )}
          {deceased && (
            <Col span={24}>
              <Form.Item name="posthumous" valuePropName="checked">
                <Checkbox>{t.posthumous}</Checkbox>
              </Form.Item>
            </Col>
          )}
        </Row>
      );
    case 'discipline':
      return (
        <>
          <Form.Item name="disciplineForm" label={t.disciplineForm} required>
            <Radio.Group
              options={DISCIPLINE_FORMS.map((value) => ({ value, label: DISCIPLINE_FORM_LABELS[value] }))}
            />
          </Form.Item>
          {reason()}
        </>
      );
    case 'readmission':
      return (
        <Form.Item name="toOrganizationId" label={t.readmissionOrganization} required>
          {orgs && <OrgPicker index={orgs} isAllowed={canAttend} ariaLabel={t.readmissionOrganization} />}
        </Form.Item>
      );
    case 'madeOfficial':
    case 'temporaryReturn':
      return null;
  }
}
