import { useEffect, useState } from 'react';
import type { FileFilter } from '@shared/platform';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Button, Card, Popconfirm, Progress, Space, Spin, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { backupText as t } from '../../i18n/backup';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { getPlatform } from '../../platform';
import { readOffice, type OfficeState } from '../sync/office';
import { formatBytes, formatDateTime } from '../sync/display';
import { listBackups, removeBackup, takeBackup, type BackupListItem, type CatalogEntry } from './backups';
import { backupErrorMessage } from './errors';
import { RestorePanel, type RestoreSource } from './RestorePanel';

/** "Lý do" of a backup in the list. */
export function reasonText(entry: CatalogEntry | null): string {
  if (!entry) return t.reason.unknown;
  if (entry.reason === 'beforeImport') return t.reason.beforeImport(entry.note ?? '');
  if (entry.reason === 'beforeRestore') return t.reason.beforeRestore;
  return t.reason.manual;
}

export function countsText(counts: Record<string, number>): string {
  return t.counts(counts.members ?? 0, counts.organizations ?? 0, counts.memberEvents ?? 0);
}

const BACKUP_FILTERS: FileFilter[] = [{ name: t.filterName, extensions: ['qldv'] }];

/** Reloads the app after a restore: the open store still has the old node id and clock. */
function reloadApp(): void {
  window.location.reload();
}

/** "Sao lưu": this laptop's backups; back up now, save one to a file, restore from one. */
export function BackupPage({ onRestored = reloadApp }: { onRestored?: () => void }) {
  const store = useStore();
  const office = useLiveQuery(async (): Promise<{ value: OfficeState | null }> => ({ value: await readOffice(store) }), [store]);
  const [items, setItems] = useState<BackupListItem[] | null>(null);
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [restoring, setRestoring] = useState<RestoreSource | null>(null);

  const [generation, setGeneration] = useState(0);
  const refresh = () => setGeneration((g) => g + 1);

  useEffect(() => {
    let live = true;
    listBackups(store, getPlatform().backups).then(
      (list) => live && setItems(list),
      (e: unknown) => {
        if (!live) return;
        setItems([]);
        setNotice({ type: 'error', text: backupErrorMessage(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [store, generation]);

  if (!office) return <Spin />;
  const current = office.value;

  const backUpNow = async () => {
    if (!current) return;
    setNotice(null);
    setBusy({ done: 0, total: 0 });
    try {
      const { version } = await getPlatform().appInfo();
      const entry = await takeBackup(store, current, {
        reason: 'manual',
        appVersion: version,
        backups: getPlatform().backups,
        onProgress: (p) => setBusy({ done: p.records, total: p.totalRecords ?? p.records }),
      });
      setNotice({ type: 'success', text: t.done(entry.name) });
    } catch (e) {
      setNotice({ type: 'error', text: `${t.failed}: ${backupErrorMessage(e)}` });
    } finally {
      setBusy(null);
      refresh();
    }
  };

  const saveAs = async (item: BackupListItem) => {
    setNotice(null);
    try {
      const bytes = await getPlatform().backups.read({ name: item.name });
      const saved = await getPlatform().saveFile({ bytes, suggestedName: item.name, filters: BACKUP_FILTERS });
      if (saved.saved) setNotice({ type: 'success', text: saved.path ? t.saved(saved.path) : t.savedNoPath });
    } catch (e) {
      setNotice({ type: 'error', text: backupErrorMessage(e) });
    }
  };

  const remove = async (item: BackupListItem) => {
    try {
      await removeBackup(store, getPlatform().backups, item.name);
    } catch (e) {
      setNotice({ type: 'error', text: backupErrorMessage(e) });
    }
    refresh();
  };

  const restoreFromList = async (item: BackupListItem) => {
    setNotice(null);
    try {
      setRestoring({ name: item.name, bytes: await getPlatform().backups.read({ name: item.name }) });
    } catch (e) {
      setNotice({ type: 'error', text: backupErrorMessage(e) });
    }
  };

  const restoreFromFile = async () => {
    setNotice(null);
    const file = await getPlatform().openFile({ filters: BACKUP_FILTERS });
    if (file) setRestoring({ name: file.name, bytes: file.bytes });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <div className="page-header">
          <Typography.Title level={2}>{vi.nav.backup}</Typography.Title>
        </div>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
      </div>
      {!current && <Alert type="info" showIcon title={t.needOffice} />}
      {notice && <Alert type={notice.type} showIcon title={notice.text} role={notice.type === 'error' ? 'alert' : 'status'} closable={{ onClose: () => setNotice(null) }} />}
      {restoring ? (
        <RestorePanel
          source={restoring}
          office={current}
          onCancel={() => {
            setRestoring(null);
            refresh();
          }}
          onRestored={onRestored}
        />
      ) : (
        <>
          <Space wrap>
            <Button type="primary" icon={<SaveOutlined />} disabled={!current || busy !== null} onClick={() => void backUpNow()}>
              {t.backUpNow}
            </Button>
            <Button icon={<HistoryOutlined />} disabled={busy !== null} onClick={() => void restoreFromFile()}>
              {t.restoreFromFile}
            </Button>
          </Space>
          {busy && (
            <div>
              <Typography.Text>{t.working}</Typography.Text>
              <Progress percent={busy.total ? Math.floor((100 * busy.done) / busy.total) : 0} />
              {busy.total > 0 && <Typography.Text type="secondary">{t.progress(busy.done, busy.total)}</Typography.Text>}
            </div>
          )}
          <Card title={t.listTitle}>
            <Table<BackupListItem>
              rowKey="name"
              size="middle"
              loading={items === null}
              dataSource={items ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t.empty }}
              columns={[
                { title: t.columns.at, key: 'at', render: (_, item) => formatDateTime(item.entry?.at ?? item.modifiedAt) },
                {
                  title: t.columns.kind,
                  key: 'kind',
                  render: (_, item) => (item.kind === 'auto' ? <Tag>{t.kind.auto}</Tag> : <Tag color="blue">{t.kind.manual}</Tag>),
                },
                { title: t.columns.reason, key: 'reason', render: (_, item) => reasonText(item.entry) },
                { title: t.columns.counts, key: 'counts', render: (_, item) => (item.entry ? countsText(item.entry.counts) : '—') },
                { title: t.columns.size, key: 'size', render: (_, item) => formatBytes(item.size) },
                {
                  title: t.columns.actions,
                  key: 'actions',
                  render: (_, item) => (
                    <Space wrap size="small">
                      <Button size="small" icon={<CloudDownloadOutlined />} onClick={() => void saveAs(item)}>
                        {t.saveAs}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => void restoreFromList(item)}
                      >
                        {t.restore}
                      </Button>
                      <Popconfirm title={t.removeConfirm} okText={t.removeOk} cancelText={t.cancel} onConfirm={() => void remove(item)}>
                        <Button size="small" type="text">
                          {t.remove}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
