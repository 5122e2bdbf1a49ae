/**
 * "Danh mục và quy định": every dated setting with the value in force today, where it comes from,
 * and whether the office changed it. Stored versions are read live, so a save (or a sync) shows
 * at once.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateVi, todayIso } from '@shared/domain/dates';
import { SETTING_DEFINITIONS } from '@shared/domain/settingDefinitions';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { SettingEditor } from './SettingEditor';
import { settingRow, storedSettingsByKey, type SettingRow } from './settingRows';
import { summarizeValue } from './valueSummary';
import { OriginTag } from './VersionHistory';

export function RulesCard() {
  const store = useStore();
  const records = useLiveQuery(() => store.db.settings.toArray(), [store]);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const today = todayIso();

  const stored = useMemo(() => storedSettingsByKey(records ?? []), [records]);
  const rows = useMemo(
    () => SETTING_DEFINITIONS.map((definition) => settingRow(definition, stored.get(definition.key), today)),
    [stored, today],
  );
  const editing = rows.find((row) => row.key === editingKey);

  return (
    <Card title={vi.rules.title}>
      <Typography.Paragraph type="secondary">{vi.rules.hint}</Typography.Paragraph>
      <Table<SettingRow>
        size="small"
        rowKey="key"
        pagination={false}
        loading={records === undefined}
        dataSource={rows}
        data-testid="rules-table"
        columns={[
          {
            title: vi.rules.columnName,
            key: 'name',
            width: '26%',
            render: (_, row) => (
              <>
                <Typography.Text strong>{row.definition.label}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.definition.description}
                </Typography.Text>
              </>
            ),
          },
          {
            title: vi.rules.columnValue,
            key: 'value',
            render: (_, row) => (
              <>
                <span data-testid={`value-${row.key}`}>{summarizeValue(row.current.value)}</span>
                {row.upcoming && (
                  <>
                    <br />
                    <Tag color="blue">{vi.rules.upcomingFrom(formatDateVi(row.upcoming.effectiveFrom))}</Tag>
                  </>
                )}
              </>
            ),
          },
          {
            title: vi.rules.columnEffectiveFrom,
            key: 'effectiveFrom',
            width: 110,
            render: (_, row) => formatDateVi(row.current.effectiveFrom),
          },
          {
            title: vi.rules.columnSource,
            key: 'source',
            width: '20%',
            render: (_, row) => (
              <>
                {row.current.source}
                {row.current.note && (
                  <>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.current.note}
                    </Typography.Text>
                  </>
                )}
              </>
            ),
          },
          {
            title: vi.rules.columnOrigin,
            key: 'origin',
            width: 100,
            render: (_, row) => <OriginTag origin={row.current.origin} />,
          },
          {
            key: 'edit',
            width: 80,
            render: (_, row) => <Button onClick={() => setEditingKey(row.key)}>{vi.rules.edit}</Button>,
          },
        ]}
      />
      {editing && (
        <SettingEditor
          key={editing.key}
          row={editing}
          stored={stored.get(editing.key)}
          onClose={() => setEditingKey(null)}
        />
      )}
    </Card>
  );
}
