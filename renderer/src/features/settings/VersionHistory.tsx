/** The versions of one setting, newest first, so the office sees what applied when. */
import { Table, Tag } from 'antd';
import { formatDateVi } from '@shared/domain/dates';
import { vi } from '../../i18n/vi';
import type { VersionInHistory, VersionStatus } from './settingRows';
import { summarizeValue } from './valueSummary';

const STATUS: Record<VersionStatus, { label: string; color?: string }> = {
  current: { label: vi.rules.statusCurrent, color: 'green' },
  upcoming: { label: vi.rules.statusUpcoming, color: 'blue' },
  replaced: { label: vi.rules.statusReplaced },
};

export function OriginTag({ origin }: { origin: 'default' | 'stored' }) {
  return origin === 'stored' ? (
    <Tag color="orange">{vi.rules.originStored}</Tag>
  ) : (
    <Tag>{vi.rules.originDefault}</Tag>
  );
}

export function VersionHistory({ history }: { history: readonly VersionInHistory[] }) {
  return (
    <Table<VersionInHistory>
      size="small"
      pagination={false}
      rowKey="effectiveFrom"
      dataSource={[...history]}
      data-testid="version-history"
      columns={[
        {
          title: vi.rules.columnEffectiveFrom,
          dataIndex: 'effectiveFrom',
          render: (date: string) => formatDateVi(date),
          width: 110,
        },
        { title: vi.rules.value, key: 'value', render: (_, version) => summarizeValue(version.value) },
        { title: vi.rules.columnSource, dataIndex: 'source' },
        {
          title: vi.rules.columnOrigin,
          key: 'status',
          width: 200,
          render: (_, version) => (
            <>
              <OriginTag origin={version.origin} />
              <Tag color={STATUS[version.status].color}>{STATUS[version.status].label}</Tag>
            </>
          ),
        },
      ]}
    />
  );
}
