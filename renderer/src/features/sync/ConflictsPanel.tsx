import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App as AntApp, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { StoredSyncConflict } from '../../db/database';
import { syncText as t } from '../../i18n/sync';
import { useStore } from '../../app/StoreContext';
import { dismissConflict, keepConflictValue, openConflicts } from '../../db/sync';
import {
  deviceOf,
  fieldLabel,
  formatDateTime,
  formatValue,
  loadNameBook,
  recordLabel,
  stampTime,
  tableLabel,
  type NameBook,
} from './display';
import { errorMessage } from './errors';

interface Row {
  conflict: StoredSyncConflict;
  label: string;
}

function Side({
  title,
  value,
  device,
  at,
  winner,
  onKeep,
  busy,
}: {
  title: string;
  value: string;
  device: string;
  at: string;
  winner: boolean;
  onKeep: () => void;
  busy: boolean;
}) {
  return (
    <div
      style={{
        flex: 1,
        minWidth: 220,
        padding: 12,
        border: '1px solid #e5e5e5',
        borderRadius: 6,
        background: winner ? '#f6ffed' : '#fff',
      }}
    >
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 15, fontWeight: 600, margin: '4px 0' }}>{value}</div>
      <Typography.Text type="secondary">{t.conflicts.by(device, at)}</Typography.Text>
      {!winner && (
        <div style={{ marginTop: 8 }}>
          <Button size="small" onClick={onKeep} disabled={busy}>
            {t.conflicts.keep}
          </Button>
        </div>
      )}
    </div>
  );
}

/** "Xung đột": concurrent edits of one field, both values, both laptops and both times. */
export function ConflictsPanel() {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = useLiveQuery(async (): Promise<{ rows: Row[]; names: NameBook }> => {
    const list = await openConflicts(store);
    const memberIds = list.filter((c) => c.table === 'members').map((c) => c.recordId);
    const names = await loadNameBook(store, memberIds);
    const rows: Row[] = [];
    for (const conflict of list) {
      const table = conflict.table as
        'organizations' | 'members' | 'memberEvents' | 'memberPhotos' | 'settings';
      const record = await store.db.syncedTable(table).get(conflict.recordId);
      rows.push({
        conflict,
        label: `${tableLabel(table)}: ${recordLabel(table, record, names) || conflict.recordId}`,
      });
    }
    return { rows, names };
  }, [store]);

  if (!data) return null;
  const { rows, names } = data;

  const act = async (seq: number, work: () => Promise<void>, done: string) => {
    setBusy(seq);
    setError(null);
    try {
      await work();
      void message.success(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t.tabs.conflicts}>
      <Typography.Paragraph type="secondary">{t.conflicts.intro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {rows.length === 0 ? (
        <Empty description={t.conflicts.none} />
      ) : (
        <List
          dataSource={rows}
          renderItem={({ conflict: c, label }) => {
            const seq = c.seq!;
            const value = (v: unknown) => formatValue(c.table, c.field, v, names);
            const local = (
              <Side
                title={c.winner === 'local' ? t.conflicts.current : t.conflicts.other}
                value={value(c.localValue)}
                device={deviceOf(c.localNodeId, names)}
                at={stampTime(c.localStamp)}
                winner={c.winner === 'local'}
                busy={busy === seq}
                onKeep={() => void act(seq, () => keepConflictValue(store, seq, 'local'), t.conflicts.kept)}
              />
            );
            const incoming = (
              <Side
                title={c.winner === 'incoming' ? t.conflicts.current : t.conflicts.other}
                value={value(c.incomingValue)}
                device={deviceOf(c.incomingNodeId, names)}
                at={stampTime(c.incomingStamp)}
                winner={c.winner === 'incoming'}
                busy={busy === seq}
                onKeep={() =>
                  void act(seq, () => keepConflictValue(store, seq, 'incoming'), t.conflicts.kept)
                }
              />
            );
            return (
              <List.Item data-testid="sync-conflict">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{label}</Typography.Text>
                    <Tag>{fieldLabel(c.table, c.field)}</Tag>
                    <Typography.Text type="secondary">
                      {t.conflicts.detected}: {formatDateTime(c.detectedAt)}
                    </Typography.Text>
                  </Space>
                  <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                    {c.winner === 'local' ? [local, incoming] : [incoming, local]}
                  </div>
                  <Button
                    size="small"
                    type="link"
                    style={{ paddingLeft: 0 }}
                    disabled={busy === seq}
                    onClick={() => void act(seq, () => dismissConflict(store, seq), t.conflicts.dismissed)}
                  >
                    {t.conflicts.dismiss}
                  </Button>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
