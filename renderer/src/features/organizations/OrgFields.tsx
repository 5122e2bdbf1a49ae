/**
 * The fields of an organization, shared by "Thêm tổ chức", "Sửa" and "Tiếp nhận tổ chức", and the
 * conversions between a record and what the form holds (dates as dayjs, text normalized on the way
 * back, an emptied field cleared).
 */
import { Col, DatePicker, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isFullIsoDate } from '@shared/domain/dates';
import { ORG_CATEGORY_LABELS, ORG_ORIGIN_LABELS, ORG_TYPE_LABELS } from '@shared/domain/labels';
import {
  ORG_CATEGORIES,
  ORG_ORIGINS,
  isGrassrootsType,
  type OrgCategory,
  type OrgOrigin,
  type Organization,
  type OrgType,
} from '@shared/domain/types';
import { normalizeText } from '@shared/text/vi';
import { vi } from '../../i18n/vi';

const t = vi.organizations;
export const DATE_FORMAT = 'DD/MM/YYYY';
export const ISO_FORMAT = 'YYYY-MM-DD';
export const DEFAULT_TERM = '2025–2030';

export interface OrgFormValues {
  name: string;
  shortName?: string;
  type: OrgType;
  category: OrgCategory;
  isGrassroots: boolean;
  foundedOn?: Dayjs | null;
  foundingDecisionNumber?: string;
  origin: OrgOrigin;
  originNote?: string;
  term?: string;
  notes?: string;
}

const clean = (text: string | undefined) => normalizeText(text ?? '') || undefined;

export function toFormValues(org: Organization): OrgFormValues {
  return {
    name: org.name,
    shortName: org.shortName,
    type: org.type,
    category: org.category,
    isGrassroots: org.isGrassroots,
    foundedOn: org.foundedOn && isFullIsoDate(org.foundedOn) ? dayjs(org.foundedOn) : null,
    foundingDecisionNumber: org.foundingDecisionNumber,
    origin: org.origin,
    originNote: org.originNote,
    term: org.term,
    notes: org.notes,
  };
}

/**
 * The record after the form: the form's fields over `base`. A partial founding date from an old
 * record (the picker shows only full dates) is kept unless the user picks a new one.
 */
export function fromFormValues(values: OrgFormValues, base: Organization): Organization {
  const foundedOn = values.foundedOn
    ? values.foundedOn.format(ISO_FORMAT)
    : base.foundedOn && !isFullIsoDate(base.foundedOn)
      ? base.foundedOn
      : undefined;
  return {
    ...base,
    name: normalizeText(values.name ?? ''),
    shortName: clean(values.shortName),
    type: values.type,
    category: values.category,
    isGrassroots: values.isGrassroots,
    foundedOn,
    foundingDecisionNumber: clean(values.foundingDecisionNumber),
    origin: values.origin,
    originNote: clean(values.originNote),
    term: clean(values.term),
    notes: clean(values.notes),
  };
}

/** Keeps "tổ chức cơ sở đảng" in step with the type when the type changes (the office may override). */
export function syncGrassroots(form: Pick<FormInstance, 'setFieldValue'>, changed: { type?: OrgType }): void {
  if (changed.type) form.setFieldValue('isGrassroots', isGrassrootsType(changed.type));
}

export function OrgFields({
  typeOptions,
  showOrigin,
}: {
  typeOptions: readonly OrgType[];
  showOrigin: boolean;
}) {
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item
            name="name"
            label={t.fields.name}
            rules={[{ required: true, whitespace: true, message: t.form.nameRequired }]}
          >
            <Input maxLength={200} placeholder={t.form.namePlaceholder} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shortName" label={t.fields.shortName}>
            <Input maxLength={80} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={9}>
          <Form.Item name="type" label={t.fields.type} rules={[{ required: true }]}>
            <Select options={typeOptions.map((type) => ({ value: type, label: ORG_TYPE_LABELS[type] }))} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="category" label={t.fields.category} rules={[{ required: true }]}>
            <Select options={ORG_CATEGORIES.map((c) => ({ value: c, label: ORG_CATEGORY_LABELS[c] }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="isGrassroots" label={t.fields.isGrassroots} valuePropName="checked">
            <Switch checkedChildren={t.yes} unCheckedChildren={t.no} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="foundedOn" label={t.fields.foundedOn}>
            <DatePicker format={DATE_FORMAT} placeholder={t.form.datePlaceholder} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="foundingDecisionNumber" label={t.fields.foundingDecisionNumber}>
            <Input maxLength={80} placeholder={t.form.decisionPlaceholder} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="term" label={t.fields.term}>
            <Input maxLength={40} placeholder={t.form.termPlaceholder} />
          </Form.Item>
        </Col>
      </Row>
      {showOrigin && (
        <Row gutter={16}>
          <Col span={9}>
            <Form.Item name="origin" label={t.fields.origin} rules={[{ required: true }]}>
              <Select options={ORG_ORIGINS.map((o) => ({ value: o, label: ORG_ORIGIN_LABELS[o] }))} />
            </Form.Item>
          </Col>
          <Col span={15}>
            <Form.Item name="originNote" label={t.fields.originNote}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="notes" label={t.fields.notes}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
    </>
  );
}
