import { Alert, Button, Flex, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { formatDateVi } from '@shared/domain/dates';
import type { DuplicateAction, ImportPlan, PlannedRow } from '@shared/excel/importRows';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';
import { rowOutcome, type Choices } from './importService';

const t = vi.excel.import;
type Filter = keyof typeof t.filters;

interface Props {
  plan: ImportPlan;
  choices: Choices;
  onChoice: (row: number, action: DuplicateAction) => void;
  organizationName: (id: string) => string;
  importing: boolean;
  onImport: () => void;
  onDownloadErrors: () => void;
  error: string | null;
}

function stateTag(row: PlannedRow) {
  if (row.errors.length > 0) return <Tag color="red">{t.states.error}</Tag>;
  if (row.duplicate) return <Tag color="orange">{t.states.duplicate}</Tag>;
  if (row.warnings.length > 0) return <Tag color="gold">{t.states.warning}</Tag>;
  return <Tag color="green">{t.states.good}</Tag>;
}

function Issues({ row }: { row: PlannedRow }) {
  const lines = [
    ...row.errors.map((issue) => ({ type: 'danger' as const, text: issue.message })),
    ...(row.duplicate?.messages ?? []).map((text) => ({ type: 'warning' as const, text })),
    ...row.warnings.map((issue) => ({ type: 'warning' as const, text: issue.message })),
  ];
  return (
    <div className="excel-issues">
      {lines.map((line, i) => (
        <Typography.Text key={i} type={line.type} style={{ display: 'block' }}>
          {line.text}
        </Typography.Text>
      ))}
    </div>
  );
}

export function PreviewStep({ plan, choices, onChoice, organizationName, importing, onImport, onDownloadErrors, error }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const counts = useMemo(() => {
    let good = 0;
    let errors = 0;
    let duplicates = 0;
    for (const row of plan.rows) {
      if (row.errors.length > 0) errors += 1;
      else if (row.duplicate) duplicates += 1;
      const outcome = rowOutcome(row, choices);
      if (outcome === 'create' || outcome === 'update') good += 1;
    }
    return { good, errors, duplicates };
  }, [plan, choices]);
  const shown = useMemo(
    () =>
      plan.rows.filter((row) => {
        if (filter === 'errors') return row.errors.length > 0;
        if (filter === 'duplicates') return row.errors.length === 0 && row.duplicate;
        if (filter === 'good') return ['create', 'update'].includes(rowOutcome(row, choices));
        return true;
      }),
    [plan, filter, choices],
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={counts.errors > 0 ? 'warning' : 'success'}
        showIcon
        data-testid="import-summary"
        title={t.summary(
          formatCount(plan.rows.length),
          formatCount(counts.good),
          formatCount(counts.errors),
          formatCount(counts.duplicates),
        )}
        description={plan.footerRows.length > 0 ? t.footerRows(plan.footerRows.length) : undefined}
      />
      {error && <Alert type="error" showIcon role="alert" title={t.importFailed} description={error} />}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={(Object.keys(t.filters) as Filter[]).map((key) => ({ value: key, label: t.filters[key] }))}
        />
        <Space>
          <Button icon={<DownloadOutlined />} disabled={counts.errors === 0} onClick={onDownloadErrors}>
            {t.downloadErrors}
          </Button>
          <Button type="primary" size="large" disabled={counts.good === 0} loading={importing} onClick={onImport}>
            {importing ? t.importing : t.importNow(formatCount(counts.good))}
          </Button>
        </Space>
      </Flex>
      <Table<PlannedRow>
        size="small"
        rowKey="row"
        dataSource={shown}
        data-testid="preview-table"
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t.nothingToImport }}
        columns={[
          { title: t.columns.row, dataIndex: 'row', width: 56 },
          { title: t.columns.name, width: 160, render: (_, row) => <strong>{row.draft.fullName}</strong> },
          { title: t.columns.birthDate, width: 112, render: (_, row) => formatDateVi(row.draft.birthDate) },
          {
            title: t.columns.organization,
            width: 160,
            ellipsis: true,
            render: (_, row) => (row.draft.organizationId ? organizationName(row.draft.organizationId) : ''),
          },
          { title: t.columns.state, width: 90, render: (_, row) => stateTag(row) },
          { title: t.columns.issues, render: (_, row) => <Issues row={row} /> },
          {
            title: t.columns.action,
            width: 170,
            render: (_, row) =>
              row.errors.length === 0 && row.duplicate ? (
                <Select<DuplicateAction>
                  style={{ width: '100%' }}
                  aria-label={`${t.columns.action} ${row.row}`}
                  value={choices.get(row.row) ?? row.duplicate.actions[0]}
                  onChange={(action) => onChoice(row.row, action)}
                  options={row.duplicate.actions.map((action) => ({ value: action, label: t.actions[action] }))}
                />
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
