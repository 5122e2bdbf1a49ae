import { Alert, Collapse, Descriptions, Table, Tag, Typography, type TableProps } from 'antd';
import type { ImportPreview, PreviewChange } from '@shared/sync/preview';
import { syncText as t } from '../../i18n/sync';
import {
  deviceOf,
  fieldLabel,
  formatDateTime,
  formatValue,
  recordLabel,
  stampTime,
  tableLabel,
  type NameBook,
} from './display';

const count = (n: number) => n.toLocaleString('vi-VN');
const PAGE = { pageSize: 10, hideOnSinglePage: true, showSizeChanger: false } as const;

/** Every table of the preview: small, ten rows a page. */
function PreviewTable<T extends object>(props: TableProps<T>) {
  return <Table<T> size="small" pagination={PAGE} {...props} />;
}

/** A column that marks every row of a section (deleted in red, restored in green). */
const markColumn = (color: string, text: string, width: number) => ({
  title: '',
  key: 'mark',
  width,
  render: () => <Tag color={color}>{text}</Tag>,
});
const TABLE_ORDER = ['organizations', 'members', 'memberEvents', 'memberPhotos', 'settings'];

interface ChangeRow {
  key: string;
  record: string;
  field: string;
  old: string;
  new: string;
}

function changeRows(list: readonly PreviewChange[], names: NameBook, skipDeleted: boolean): ChangeRow[] {
  return list.flatMap((item) =>
    item.changes
      .filter((c) => !(skipDeleted && c.field === 'deleted'))
      .map((c) => ({
        key: `${item.table}:${item.id}:${c.field}`,
        record: `${tableLabel(item.table)}: ${recordLabel(item.table, item.record, names)}`,
        field: fieldLabel(item.table, c.field),
        old: formatValue(item.table, c.field, c.old, names),
        new: formatValue(item.table, c.field, c.new, names),
      })),
  );
}

/** The import preview of sync.md ("Import", step 2): what the file would do, before anything is written. */
export function PreviewView({ preview, names }: { preview: ImportPreview; names: NameBook }) {
  const { source } = preview;
  const summaryRows = TABLE_ORDER.filter((table) => preview.tables[table])
    .concat(Object.keys(preview.tables).filter((table) => !TABLE_ORDER.includes(table)))
    .map((table) => ({ key: table, table: tableLabel(table), ...preview.tables[table]! }));

  const changeColumns = [
    { title: t.import.record, dataIndex: 'record', key: 'record' },
    { title: t.import.field, dataIndex: 'field', key: 'field' },
    { title: t.import.oldValue, dataIndex: 'old', key: 'old' },
    { title: t.import.newValue, dataIndex: 'new', key: 'new' },
  ];
  const recordsRows = (list: readonly { table: string; id: string; record: Record<string, unknown> }[]) =>
    list.map((item) => ({
      key: `${item.table}:${item.id}`,
      table: tableLabel(item.table),
      record: recordLabel(item.table, item.record, names),
    }));
  const recordColumns = [
    { title: t.import.summaryTable, dataIndex: 'table', key: 'table', width: 200 },
    { title: t.import.record, dataIndex: 'record', key: 'record' },
  ];

  const sections = [];
  if (preview.deleted.length)
    sections.push({
      key: 'deleted',
      label: <Typography.Text type="danger">{t.import.deleted(preview.deleted.length)}</Typography.Text>,
      children: (
        <PreviewTable
          columns={[...recordColumns, markColumn('red', t.import.deletedMark, 80)]}
          dataSource={recordsRows(preview.deleted)}
          rowClassName={() => 'sync-row-deleted'}
        />
      ),
    });
  if (preview.conflicts.length)
    sections.push({
      key: 'conflicts',
      label: <Typography.Text type="warning">{t.import.conflicts(preview.conflicts.length)}</Typography.Text>,
      children: (
        <PreviewTable
          columns={[
            { title: t.import.record, dataIndex: 'record', key: 'record' },
            { title: t.import.field, dataIndex: 'field', key: 'field' },
            { title: t.import.localColumn, dataIndex: 'local', key: 'local' },
            { title: t.import.incomingColumn, dataIndex: 'incoming', key: 'incoming' },
            { title: t.import.winner, dataIndex: 'winner', key: 'winner' },
          ]}
          dataSource={preview.conflicts.map((item) => {
            const c = item.conflict;
            const local = formatValue(item.table, c.field, c.localValue, names);
            const incoming = formatValue(item.table, c.field, c.incomingValue, names);
            return {
              key: `${item.table}:${item.id}:${c.field}`,
              record: `${tableLabel(item.table)}: ${recordLabel(item.table, item.record, names)}`,
              field: fieldLabel(item.table, c.field),
              local: `${local} (${stampTime(c.localStamp)})`,
              incoming: `${incoming} (${stampTime(c.incomingStamp)})`,
              winner: c.winner === 'local' ? local : incoming,
            };
          })}
        />
      ),
    });
  if (preview.changed.length)
    sections.push({
      key: 'changed',
      label: t.import.changed(preview.changed.length),
      children: (
        <PreviewTable columns={changeColumns} dataSource={changeRows(preview.changed, names, false)} />
      ),
    });
  if (preview.moves.length)
    sections.push({
      key: 'moves',
      label: t.import.moves(preview.moves.length),
      children: (
        <PreviewTable
          columns={[
            { title: t.import.record, dataIndex: 'name', key: 'name' },
            { title: t.import.oldValue, dataIndex: 'from', key: 'from' },
            { title: t.import.newValue, dataIndex: 'to', key: 'to' },
          ]}
          dataSource={preview.moves.map((m) => ({
            key: m.memberId,
            name: m.fullName,
            from: formatValue('members', 'organizationId', m.from, names),
            to: formatValue('members', 'organizationId', m.to, names),
          }))}
        />
      ),
    });
  if (preview.restored.length)
    sections.push({
      key: 'restored',
      label: t.import.restored(preview.restored.length),
      children: (
        <PreviewTable
          columns={[...recordColumns, markColumn('green', t.import.restoredMark, 100)]}
          dataSource={recordsRows(preview.restored)}
        />
      ),
    });
  if (preview.created.length)
    sections.push({
      key: 'created',
      label: t.import.created(preview.created.length),
      children: <PreviewTable columns={recordColumns} dataSource={recordsRows(preview.created)} />,
    });
  if (preview.duplicates.length)
    sections.push({
      key: 'duplicates',
      label: (
        <Typography.Text type="warning">{t.import.duplicates(preview.duplicates.length)}</Typography.Text>
      ),
      children: (
        <PreviewTable
          columns={[
            { title: t.import.incomingColumn, dataIndex: 'incoming', key: 'incoming' },
            { title: t.import.localColumn, dataIndex: 'existing', key: 'existing' },
            { title: '', dataIndex: 'why', key: 'why' },
          ]}
          dataSource={preview.duplicates.map((d, i) => ({
            key: String(i),
            incoming: recordLabel('members', d.incoming, names),
            existing: d.existing.fullName,
            why: d.messages.join(' '),
          }))}
        />
      ),
    });

  return (
    <div data-testid="sync-preview">
      <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t.import.source}>
          {source.deviceName}{' '}
          <Typography.Text type="secondary">
            (
            {deviceOf(source.nodeId, names) === source.deviceName
              ? source.nodeId.slice(0, 8)
              : deviceOf(source.nodeId, names)}
            )
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t.import.exportedAt}>{formatDateTime(source.exportedAt)}</Descriptions.Item>
        <Descriptions.Item label={t.import.office}>{source.officeName}</Descriptions.Item>
        <Descriptions.Item label={t.import.kindLabel}>
          {source.kind === 'full' ? t.import.kindFull : t.import.kindDelta}
        </Descriptions.Item>
      </Descriptions>
      {preview.importedBefore && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t.import.importedBefore(formatDateTime(preview.importedBefore.at))}
        />
      )}
      {!preview.importedBefore && preview.nothingNew && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t.import.nothingNew} />
      )}
      {preview.clockWarning && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t.import.clockWarning}
          description={preview.clockWarning}
        />
      )}
      {preview.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t.import.problems}
          description={preview.problems.join(' ')}
        />
      )}
      <Table
        size="small"
        pagination={false}
        style={{ marginBottom: 12 }}
        columns={[
          { title: t.import.summaryTable, dataIndex: 'table', key: 'table' },
          { title: t.import.summaryNew, dataIndex: 'new', key: 'new', align: 'right', render: count },
          {
            title: t.import.summaryChanged,
            dataIndex: 'updated',
            key: 'updated',
            align: 'right',
            render: count,
          },
          {
            title: t.import.summaryDeleted,
            dataIndex: 'deleted',
            key: 'deleted',
            align: 'right',
            render: (n: number) =>
              n > 0 ? <Typography.Text type="danger">{count(n)}</Typography.Text> : count(n),
          },
          {
            title: t.import.summaryRestored,
            dataIndex: 'restored',
            key: 'restored',
            align: 'right',
            render: count,
          },
          {
            title: t.import.summaryUnchanged,
            dataIndex: 'unchanged',
            key: 'unchanged',
            align: 'right',
            render: count,
          },
        ]}
        dataSource={summaryRows}
      />
      {preview.arrivedDeleted > 0 && (
        <Typography.Paragraph type="secondary">
          {t.import.arrivedDeleted(preview.arrivedDeleted)}
        </Typography.Paragraph>
      )}
      {preview.upToDate > 0 && (
        <Typography.Paragraph type="secondary">{t.import.upToDate(preview.upToDate)}</Typography.Paragraph>
      )}
      {sections.length > 0 && (
        <Collapse
          items={sections}
          defaultActiveKey={sections.filter((s) => s.key !== 'created').map((s) => s.key)}
        />
      )}
    </div>
  );
}
