import { memo } from 'react';
import { Button, Col, Row, Select, TreeSelect } from 'antd';
import type { RegisterFilter } from '@shared/reports/register';
import { MEMBER_STATUSES, SEXES, type MemberStatus, type Sex } from '@shared/domain/types';
import { MEMBER_STATUS_SHORT_LABELS, SEX_LABELS } from '@shared/domain/labels';
import { activeEntries, type CodeList } from '@shared/domain/codeLists';
import type { DateBand, NumberBand } from '@shared/domain/settings';
import { vi } from '../../../i18n/vi';

export interface OrgTreeNode {
  value: string;
  title: string;
  children?: OrgTreeNode[];
}

export interface FilterOptions {
  organizationTree: OrgTreeNode[];
  ageBands: readonly NumberBand[];
  admissionPeriodBands: readonly DateBand[];
  ethnicGroups: CodeList;
  religions: CodeList;
  generalEducation: CodeList;
  politicalTheory: CodeList;
}

/** What the user chose besides the search text; the page expands the organization to its sub-tree. */
export type RegisterChoice = Omit<RegisterFilter, 'organizationIds' | 'query'> & { organizationId?: string };

const f = vi.register.filters;

/** The filters that pick codes from a code list: one multiple select each. */
const CODE_FILTERS = [
  { key: 'ethnicities', label: f.ethnicity, list: 'ethnicGroups' },
  { key: 'religions', label: f.religion, list: 'religions' },
  { key: 'generalEducation', label: f.generalEducation, list: 'generalEducation' },
  { key: 'politicalTheory', label: f.politicalTheory, list: 'politicalTheory' },
] as const satisfies readonly { key: keyof RegisterChoice; label: string; list: keyof FilterOptions }[];

function codeOptions(list: CodeList) {
  return activeEntries(list).map((e) => ({ value: e.code, label: e.label }));
}

function bandOptions(bands: readonly { label: string }[]) {
  return bands.map((band, index) => ({ value: index, label: band.label }));
}

/** The filter bar. Memoized: typing in the search box must not re-render a dozen selects. */
export const RegisterFilters = memo(function RegisterFilters({
  choice,
  onChange,
  options,
}: {
  choice: RegisterChoice;
  onChange: (choice: RegisterChoice) => void;
  options: FilterOptions;
}) {
  const set = <K extends keyof RegisterChoice>(key: K, value: RegisterChoice[K]) =>
    onChange({ ...choice, [key]: value });
  const common = { allowClear: true, style: { width: '100%' } } as const;
  return (
    <div>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={8}>
          <TreeSelect
            {...common}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll={false}
            placeholder={f.organization}
            aria-label={f.organization}
            value={choice.organizationId}
            treeData={options.organizationTree}
            onChange={(value?: string) => set('organizationId', value)}
          />
        </Col>
        <Col xs={12} lg={4}>
          <Select<MemberStatus[]>
            {...common}
            mode="multiple"
            maxTagCount="responsive"
            placeholder={f.statusDefault}
            aria-label={f.status}
            value={choice.statuses ? [...choice.statuses] : []}
            options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_SHORT_LABELS[s] }))}
            onChange={(value) => set('statuses', value)}
          />
        </Col>
        <Col xs={12} lg={3}>
          <Select<Sex>
            {...common}
            placeholder={f.sex}
            aria-label={f.sex}
            value={choice.sex}
            options={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))}
            onChange={(value) => set('sex', value)}
          />
        </Col>
        <Col xs={12} lg={3}>
          <Select<number>
            {...common}
            placeholder={f.ageBand}
            aria-label={f.ageBand}
            value={choice.ageBand}
            options={bandOptions(options.ageBands)}
            onChange={(value) => set('ageBand', value)}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Select<number>
            {...common}
            placeholder={f.admissionPeriod}
            aria-label={f.admissionPeriod}
            value={choice.admissionPeriod}
            options={bandOptions(options.admissionPeriodBands)}
            onChange={(value) => set('admissionPeriod', value)}
          />
        </Col>
        {CODE_FILTERS.map(({ key, label, list }) => (
          <Col xs={12} lg={5} key={key}>
            <Select<string[]>
              {...common}
              mode="multiple"
              maxTagCount="responsive"
              showSearch
              optionFilterProp="label"
              placeholder={label}
              aria-label={label}
              value={choice[key] ? [...choice[key]] : []}
              options={codeOptions(options[list])}
              onChange={(value) => set(key, value)}
            />
          </Col>
        ))}
        <Col xs={24} lg={4}>
          <Button block onClick={() => onChange({})}>
            {vi.register.clearFilters}
          </Button>
        </Col>
      </Row>
    </div>
  );
});
