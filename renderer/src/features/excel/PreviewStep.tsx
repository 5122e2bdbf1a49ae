import { Alert, Button, Checkbox, Flex, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { formatDateVi } from '@shared/domain/dates';
import type { DuplicateAction, ImportPlan, PlannedRow } from '@shared/excel/importRows';
import { fieldLabel, type MemberUpdate } from '@shared/excel/memberUpdates';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';
import { formatFieldValue, useLookups, type Lookups } from '../members/fieldFormat';
import { chooseForAll, rowOutcome, type Choices } from './importService';

const t = vi.excel.import;
type Filter = keyof typeof t.filters;

interface Props {
  plan: ImportPlan;
  choices: Choices;
  onChoices: (choices: Map<number, DuplicateAction>) => void;
  /** Whether updates clear the fields the sheet leaves empty. */
  clearEmpty: boolean;
  onClearEmpty: (clear: boolean) => void;
  organizationName: (id: string) => string;
  importing: boolean;
  onImport: () => void;
  onDownloadErrors: () => void;
  error: string | null;
}

const u = t.updates;

function stateTag(row: PlannedRow, choices: Choices) {
  if (rowOutcome(row, choices) === 'invalid') return <Tag color="red">{t.states.error}</Tag>;
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

/** One line of the change list: a field, its stored value and the sheet's. */
interface ChangeLine {
  key: string;
  field: string;
  old: unknown;
  new: unknown;
  kind: 'change' | 'clear' | 'kept';
  reason?: string;
}

function changeLines(update: MemberUpdate): ChangeLine[] {
  return [
    ...update.changes.map((c) => ({ key: c.field, field: c.field, old: c.old, new: c.new, kind: 'change' as const })),
    ...update.clears.map((c) => ({ key: c.field, field: c.field, old: c.old, new: undefined, kind: 'clear' as const })),
    ...update.kept.map((c) => ({ key: c.field, field: c.field, old: c.old, new: c.new, kind: 'kept' as const, reason: c.reason })),
  ];
}

/** The preview of an update: each field, stored value → the sheet's, for the user to check before choosing. */
function UpdateChanges({ row, clearEmpty, lookups }: { row: PlannedRow; clearEmpty: boolean; lookups: Lookups }) {
  const lines = changeLines(row.update!);
  const value = (field: string, v: unknown) => formatFieldValue(field, v, lookups) || vi.memberFile.emptyValue;
  return (
    <Table<ChangeLine>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={lines}
      data-testid={`changes-${row.row}`}
      locale={{ emptyText: u.changeCount(0) }}
      columns={[
        { title: u.field, width: 200, render: (_, line) => <strong>{fieldLabel(line.field)}</strong> },
        { title: u.old, render: (_, line) => (line.kind === 'change' || (line.kind === 'clear' && clearEmpty) ? <del>{value(line.field, line.old)}</del> : value(line.field, line.old)) },
        {
          title: u.new,
          render: (_, line) => {
            if (line.kind === 'clear') return <Typography.Text type="secondary">{clearEmpty ? u.cleared : u.keptEmpty}</Typography.Text>;
            if (line.kind === 'kept')
              return (
                <span>
                  {value(line.field, line.new)} <Tag>{u.notApplied}</Tag>
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {line.reason}
                  </Typography.Text>
                </span>
              );
            return <Typography.Text strong>{value(line.field, line.new)}</Typography.Text>;
          },
        },
      ]}
    />
  );
}

export function PreviewStep({ plan, choices, onChoices, clearEmpty, onClearEmpty, organizationName, importing, onImport, onDownloadErrors, error }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const lookups = useLookups();
  const onChoice = (row: number, action: DuplicateAction) => onChoices(new Map(choices).set(row, action));
  const counts = useMemo(() => {
    let good = 0;
    let updates = 0;
    let errors = 0;
    let duplicates = 0;
    let updatable = 0;
    let creatable = 0;
    let clears = 0;
    for (const row of plan.rows) {
      const outcome = rowOutcome(row, choices, clearEmpty);
      if (outcome === 'invalid') errors += 1;
      else if (row.duplicate) duplicates += 1;
      if (outcome === 'create' || outcome === 'update') good += 1;
      if (outcome === 'update') updates += 1;
      if (row.duplicate?.actions.includes('update')) updatable += 1;
      if (row.duplicate?.actions.includes('create')) creatable += 1;
      if (outcome === 'update') clears += row.update!.clears.length;
    }
    return { good, updates, errors, duplicates, updatable, creatable, clears };
  }, [plan, choices, clearEmpty]);
  const shown = useMemo(
    () =>
      plan.rows.filter((row) => {
        const outcome = rowOutcome(row, choices, clearEmpty);
        if (filter === 'errors') return outcome === 'invalid';
        if (filter === 'duplicates') return outcome !== 'invalid' && row.duplicate;
        if (filter === 'changed') return (row.update?.changes.length ?? 0) > 0 || (row.update?.clears.length ?? 0) > 0;
        if (filter === 'good') return outcome === 'create' || outcome === 'update';
        return true;
      }),
    [plan, filter, choices, clearEmpty],
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
      {(counts.updatable > 0 || counts.creatable > 0) && (
        <Alert
          type="info"
          data-testid="update-choices"
          title={u.title}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>{u.hint}</Typography.Text>
              <Space wrap>
                {counts.updatable > 0 && (
                  <Button onClick={() => onChoices(chooseForAll(plan, choices, 'update'))}>{u.allUpdate}</Button>
                )}
                {counts.creatable > 0 && (
                  <Button onClick={() => onChoices(chooseForAll(plan, choices, 'create'))}>{u.allCreate}</Button>
                )}
                <Button onClick={() => onChoices(chooseForAll(plan, choices, 'skip'))}>{u.allSkip}</Button>
              </Space>
              {plan.rows.some((row) => (row.update?.clears.length ?? 0) > 0) && (
                <Checkbox checked={clearEmpty} onChange={(event) => onClearEmpty(event.target.checked)}>
                  {u.clearEmpty}
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {u.clearEmptyHint(formatCount(counts.clears))}
                  </Typography.Text>
                </Checkbox>
              )}
            </Space>
          }
        />
      )}
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
            {importing ? t.importing : t.importNow(counts.good - counts.updates, counts.updates, formatCount)}
          </Button>
        </Space>
      </Flex>
      <Table<PlannedRow>
        size="small"
        rowKey="row"
        dataSource={shown}
        data-testid="preview-table"
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (row) => row.update !== undefined,
          expandedRowRender: (row) => <UpdateChanges row={row} clearEmpty={clearEmpty} lookups={lookups} />,
        }}
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
          { title: t.columns.state, width: 90, render: (_, row) => stateTag(row, choices) },
          {
            title: t.columns.issues,
            render: (_, row) => (
              <>
                <Issues row={row} />
                {row.update && row.update.changes.length + row.update.clears.length > 0 && (
                  <Tag color="blue">{u.changeCount(row.update.changes.length + (clearEmpty ? row.update.clears.length : 0))}</Tag>
                )}
              </>
            ),
          },
          {
            title: t.columns.action,
            width: 170,
            render: (_, row) =>
              row.duplicate && row.duplicate.actions.length > 1 ? (
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
