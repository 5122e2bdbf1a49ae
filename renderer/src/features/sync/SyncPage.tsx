import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Badge, Space, Spin, Tabs, Typography } from 'antd';
import { syncText as t } from '../../i18n/sync';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { readOffice, type OfficeState } from './office';
import { OfficePanel } from './OfficePanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { StatusPanel } from './StatusPanel';

/** "Đồng bộ": the office key, export, import with its preview, conflicts and the status of the laptops. */
export function SyncPage() {
  const store = useStore();
  const office = useLiveQuery(
    async (): Promise<{ value: OfficeState | null }> => ({ value: await readOffice(store) }),
    [store],
  );
  const openCount = useLiveQuery(() => store.db.syncConflicts.where('resolved').equals(0).count(), [store]);
  const [active, setActive] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  if (!office) return <Spin />;
  const current = office.value;
  const tab = active ?? (current ? 'status' : 'office');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <div className="page-header">
          <Typography.Title level={2}>{vi.nav.sync}</Typography.Title>
        </div>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setActive}
        destroyOnHidden
        items={[
          { key: 'status', label: t.tabs.status, children: <StatusPanel key={generation} /> },
          {
            key: 'import',
            label: t.tabs.import,
            children: <ImportPanel office={current} onShowConflicts={() => setActive('conflicts')} />,
          },
          { key: 'export', label: t.tabs.export, children: <ExportPanel office={current} /> },
          {
            key: 'conflicts',
            label: (
              <Space size={6}>
                {t.tabs.conflicts}
                <Badge count={openCount ?? 0} size="small" />
              </Space>
            ),
            children: <ConflictsPanel />,
          },
          {
            key: 'office',
            label: t.tabs.office,
            children: (
              <OfficePanel
                office={current}
                onChanged={() => {
                  setGeneration((g) => g + 1);
                  setActive('status');
                }}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
