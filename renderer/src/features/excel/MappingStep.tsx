import { Alert, Button, Card, Select, Space, Table, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { formatDateVi } from '@shared/domain/dates';
import { canAttend } from '@shared/domain/memberRules';
import type { Organization } from '@shared/domain/types';
import { cellText, type SheetCell } from '@shared/excel/cells';
import { mappingProblems, type ColumnMapping, type ImportField } from '@shared/excel/headings';
import { vi } from '../../i18n/vi';
import type { OrgTreeNode } from '../members/register/RegisterFilters';
import { columnLetter, IMPORT_FIELD_OPTIONS, importFieldLabel } from './fieldLabels';

const t = vi.excel.import;

interface Props {
  headings: readonly string[];
  /** The first data rows, for the samples. */
  samples: readonly (readonly SheetCell[])[];
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
  organizationTree: OrgTreeNode[];
  organizations: readonly Organization[];
  targetOrganizationId: string | undefined;
  onTarget: (id: string | undefined) => void;
  checking: boolean;
  /** What the check has done so far (rows checked), shown on the button while it runs. */
  checkingText?: string | undefined;
  onNext: () => void;
}

function sampleText(cell: SheetCell): string {
  if (cell instanceof Date) return formatDateVi(cellText(cell));
  return cellText(cell);
}

/** Only branches take members: other organizations show in the tree but cannot be picked. */
function attendableTree(nodes: OrgTreeNode[], byId: ReadonlyMap<string, Organization>): OrgTreeNode[] {
  return nodes.map((node) => {
    const org = byId.get(node.value);
    return {
      ...node,
      ...(!(org && canAttend(org)) && { selectable: false, disabled: false }),
      ...(node.children && { children: attendableTree(node.children, byId) }),
    };
  });
}

export function MappingStep(props: Props) {
  const { headings, samples, mapping, onMapping } = props;
  const problems = mappingProblems(mapping, importFieldLabel);
  const hasOrgColumn = mapping.includes('organization');
  const tree = useMemo(
    () => attendableTree(props.organizationTree, new Map(props.organizations.map((o) => [o.id, o]))),
    [props.organizationTree, props.organizations],
  );
  const rows = headings.map((heading, column) => ({
    key: column,
    column,
    heading,
    sample: samples
      .map((row) => sampleText(row[column]))
      .filter(Boolean)
      .slice(0, 2)
      .join('; '),
  }));
  const setField = (column: number, field: ImportField | null) => {
    const next = [...mapping];
    next[column] = field;
    onMapping(next);
  };
  const noTarget = !hasOrgColumn && !props.targetOrganizationId;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t.mappingHint}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="mapping-table"
        columns={[
          { title: t.columnLetter, dataIndex: 'column', width: 60, render: (c: number) => columnLetter(c) },
          { title: t.heading, dataIndex: 'heading', width: 260 },
          { title: t.sample, dataIndex: 'sample', ellipsis: true },
          {
            title: t.target,
            width: 280,
            render: (_, row) => (
              <Select<ImportField | ''>
                style={{ width: '100%' }}
                aria-label={`${t.target} ${columnLetter(row.column)}`}
                value={mapping[row.column] ?? ''}
                onChange={(value) => setField(row.column, value === '' ? null : value)}
                options={[{ value: '', label: t.notImported }, ...IMPORT_FIELD_OPTIONS]}
                showSearch={{ optionFilterProp: 'label' }}
              />
            ),
          },
        ]}
      />
      <Card size="small" title={t.organizationTitle}>
        <Typography.Paragraph type="secondary">{t.organizationHint}</Typography.Paragraph>
        <TreeSelect
          style={{ width: 420 }}
          aria-label={t.organizationTitle}
          placeholder={t.organizationPlaceholder}
          treeData={tree}
          treeDefaultExpandAll
          allowClear
          showSearch
          treeNodeFilterProp="title"
          value={props.targetOrganizationId}
          onChange={(value: string | undefined) => props.onTarget(value)}
        />
      </Card>
      {problems.map((problem) => (
        <Alert key={problem} type="error" showIcon title={problem} />
      ))}
      <Button
        type="primary"
        size="large"
        disabled={problems.length > 0 || noTarget}
        loading={props.checking}
        onClick={props.onNext}
      >
        {props.checking ? (props.checkingText ?? t.checking) : t.toPreview}
      </Button>
    </Space>
  );
}
