/**
 * The boxes of the member form, grouped like the paper file: Thông tin chung, Đảng, Trình độ,
 * Công tác. Labels are the fields' Vietnamese names (shared/domain/labels.ts); the rules that judge
 * the values live in shared/domain/memberRules.ts and are run on save.
 */
import { Card, Checkbox, Col, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { ARMED_FORCES_LABELS, MEMBER_FIELD_LABELS, SEX_LABELS } from '@shared/domain/labels';
import { offeredEntries, canAttend } from '@shared/domain/memberRules';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import type { CodeList } from '@shared/domain/codeLists';
import type { Member } from '@shared/domain/types';
import { foldForSearch } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { useSetting } from '../../db/useSetting';
import { OrgPicker } from '../organizations/OrgPicker';
import type { OrgIndex } from '../organizations/useOrganizations';
import { DateTextInput } from './DateTextInput';
import { OfficialDateHint } from './OfficialDateHint';

const t = vi.memberForm;
const L = MEMBER_FIELD_LABELS;

function CodeSelect({
  list,
  value,
  onChange,
  id,
}: {
  list: CodeList;
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const options = offeredEntries(list, value).map((entry) => ({ value: entry.code, label: entry.label }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      allowClear
      showSearch={{
        filterOption: (input, option) =>
          foldForSearch(String(option?.label ?? '')).includes(foldForSearch(input)),
      }}
      placeholder={t.choose}
    />
  );
}

type Field = keyof Member;

const item = (
  name: Field,
  input: React.ReactNode,
  extra: { required?: boolean; span?: number; help?: string } = {},
) => (
  <Col xs={24} md={12} xl={extra.span ?? 8} key={name}>
    <Form.Item name={name} label={L[name]} required={extra.required} extra={extra.help}>
      {input}
    </Form.Item>
  </Col>
);

const text = (
  name: Field,
  extra?: { required?: boolean; span?: number; help?: string; placeholder?: string },
) => item(name, <Input maxLength={200} placeholder={extra?.placeholder} />, extra);

const date = (name: Field, extra?: { required?: boolean; span?: number; help?: string }) =>
  item(name, <DateTextInput />, extra);

function AddressItem({ name, withDetail }: { name: Field; withDetail: boolean }) {
  return (
    <Col xs={24} xl={withDetail ? 24 : 12}>
      <Form.Item label={L[name]}>
        <Flex gap={8} wrap>
          {withDetail && (
            <Form.Item name={[name, 'detail']} noStyle>
              <Input
                aria-label={`${L[name]}: ${t.address.detail}`}
                placeholder={t.address.detail}
                style={{ flex: 2, minWidth: 220 }}
              />
            </Form.Item>
          )}
          {(['commune', 'district', 'province'] as const).map((part) => (
            <Form.Item key={part} name={[name, part]} noStyle>
              <Input
                aria-label={`${L[name]}: ${t.address[part]}`}
                placeholder={t.address[part]}
                style={{ flex: 1, minWidth: 140 }}
              />
            </Form.Item>
          ))}
        </Flex>
      </Form.Item>
    </Col>
  );
}

export function GeneralSection() {
  const ethnicGroups = useSetting(SETTINGS.ethnicGroups);
  const religions = useSetting(SETTINGS.religions);
  return (
    <Card title={t.sections.general} size="small">
      <Row gutter={16}>
        {text('fullName', { required: true, placeholder: t.namePlaceholder })}
        {text('birthName')}
        {text('alias')}
        {item(
          'sex',
          <Radio.Group
            options={(['male', 'female'] as const).map((value) => ({ value, label: SEX_LABELS[value] }))}
          />,
          { required: true },
        )}
        {date('birthDate', { required: true, help: t.partialDateHelp })}
        {item('ethnicity', <CodeSelect list={ethnicGroups} />, { span: 4 })}
        {item('religion', <CodeSelect list={religions} />, { span: 4 })}
        {text('citizenId', { placeholder: t.citizenIdPlaceholder })}
        {text('phone')}
        <AddressItem name="birthPlace" withDetail={false} />
        <AddressItem name="hometown" withDetail={false} />
        <AddressItem name="permanentAddress" withDetail />
        <AddressItem name="temporaryAddress" withDetail />
      </Row>
    </Card>
  );
}

export function PartySection({
  orgs,
  editing,
  probationary,
}: {
  orgs: OrgIndex | undefined;
  editing: boolean;
  probationary: boolean;
}) {
  return (
    <Card title={t.sections.party} size="small">
      <Row gutter={16}>
        {item(
          'organizationId',
          orgs ? (
            <OrgPicker index={orgs} isAllowed={canAttend} ariaLabel={L.organizationId} />
          ) : (
            <Select loading />
          ),
          { required: true, span: 16, help: editing ? t.organizationEditHelp : undefined },
        )}
        {date('admissionVoteDate')}
        {text('admissionDecisionNumber')}
        {date('admissionDecisionDate')}
        {date('joinedOn', { required: true, help: t.joinedOnHelp })}
        {text('admissionCeremonyPlace', { span: 16 })}
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="officialOn"
            label={L.officialOn}
            extra={<OfficialDateHint editing={editing} probationary={probationary} />}
          >
            <DateTextInput disabled={editing && probationary} />
          </Form.Item>
        </Col>
        {text('officialDecisionNumber')}
        {text('partyCardNumber')}
        {text('dossierNumber', { placeholder: t.dossierPlaceholder })}
        {text('admissionExceptionNote', { span: 16, help: t.exceptionHelp })}
      </Row>
    </Card>
  );
}

export function EducationSection() {
  const generalEducation = useSetting(SETTINGS.generalEducation);
  const qualifications = useSetting(SETTINGS.professionalQualifications);
  const titles = useSetting(SETTINGS.academicTitles);
  const theory = useSetting(SETTINGS.politicalTheoryLevels);
  return (
    <Card title={t.sections.education} size="small">
      <Row gutter={16}>
        {item('generalEducation', <CodeSelect list={generalEducation} />)}
        {item('professionalQualification', <CodeSelect list={qualifications} />)}
        {text('major')}
        {item('academicTitle', <CodeSelect list={titles} />)}
        {item('politicalTheory', <CodeSelect list={theory} />)}
        {text('stateManagement')}
        {text('foreignLanguages')}
        {text('itSkill')}
        {text('ethnicMinorityLanguage')}
      </Row>
    </Card>
  );
}

export function WorkSection() {
  return (
    <Card title={t.sections.work} size="small">
      <Row gutter={16}>
        {text('occupationBeforeAdmission')}
        {text('occupation')}
        {text('workplace')}
        {text('partyPosts')}
        {text('governmentPosts')}
        {text('massOrganizationPosts')}
        {item(
          'armedForces',
          <Select
            allowClear
            placeholder={t.armedForcesNone}
            options={(['army', 'police'] as const).map((value) => ({
              value,
              label: ARMED_FORCES_LABELS[value],
            }))}
          />,
        )}
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="retired" valuePropName="checked" label={L.retired}>
            <Checkbox>{t.retired}</Checkbox>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={L.notes}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
