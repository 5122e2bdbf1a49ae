import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Card, Descriptions, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { syncText as t } from '../../i18n/sync';
import { useStore } from '../../app/StoreContext';
import { sentFiles, syncStatus, type SentFile, type SyncStatus } from './transfer';
import { formatBytes, formatDateTime } from './display';
import { errorMessage } from './errors';

/** "Tình trạng": this laptop, the data digest, and each laptop that sent a file here. */
export function StatusPanel() {
  const store = useStore();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [sent, setSent] = useState<SentFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void syncStatus(store)
      .then((s) => alive && setStatus(s))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    void sentFiles(store).then((s) => alive && setSent(s));
    return () => {
      alive = false;
    };
  }, [store]);

  const deviceName = (node: string) =>
    node === store.identity.nodeId
      ? store.identity.deviceName
      : (status?.peers.find((p) => p.nodeId === node)?.deviceName ?? node.slice(0, 8));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t.status.thisLaptop}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t.office.deviceName}>
            {store.identity.deviceName} — <Link to="/cai-dat">{t.office.renameLink}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t.office.nodeId}>
            <code>{store.identity.nodeId}</code>
          </Descriptions.Item>
          <Descriptions.Item label={<Tooltip title={t.status.digestHint}>{t.status.digest}</Tooltip>}>
            {status ? (
              <Tooltip title={status.digest}>
                <code data-testid="sync-digest">{status.digest.slice(0, 8).toUpperCase()}</code>
              </Tooltip>
            ) : (
              (error ?? <Spin size="small" />)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t.status.records}>
            {status ? status.records.toLocaleString('vi-VN') : '…'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t.status.digestHint}
        </Typography.Paragraph>
      </Card>
      <Card title={t.status.peersTitle}>
        {status && status.peers.length === 0 ? (
          <Typography.Text type="secondary">{t.status.noPeers}</Typography.Text>
        ) : (
          <Table
            size="small"
            loading={!status}
            pagination={false}
            rowKey="nodeId"
            dataSource={status?.peers ?? []}
            columns={[
              {
                title: t.status.device,
                key: 'device',
                render: (_: unknown, p) => (
                  <span>
                    {p.deviceName}{' '}
                    <Typography.Text type="secondary">({p.nodeId.slice(0, 8)})</Typography.Text>
                  </span>
                ),
              },
              {
                title: t.status.lastReceived,
                key: 'received',
                render: (_: unknown, p) => formatDateTime(p.lastReceivedAt),
              },
              {
                title: t.status.lastSent,
                key: 'sent',
                render: (_: unknown, p) =>
                  p.lastSentAt
                    ? `${formatDateTime(p.lastSentAt)} (${p.lastSentKind === 'full' ? t.status.sentFull : t.status.sentDelta})`
                    : t.status.never,
              },
              {
                title: <Tooltip title={t.status.lackingHint}>{t.status.lacking}</Tooltip>,
                key: 'lacking',
                render: (_: unknown, p) => t.status.lackingValue(p.lacking),
              },
            ]}
          />
        )}
        {status && status.peers.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t.status.lackingHint}
          </Typography.Paragraph>
        )}
      </Card>
      {sent.length > 0 && (
        <Card title={t.status.sentTitle}>
          <Table
            size="small"
            rowKey="bundleId"
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            dataSource={sent}
            columns={[
              { title: t.import.exportedAt, key: 'at', render: (_: unknown, s) => formatDateTime(s.at) },
              {
                title: t.export.kind,
                key: 'kind',
                render: (_: unknown, s) =>
                  s.kind === 'full'
                    ? t.import.kindFull
                    : `${t.import.kindDelta}: ${deviceName(s.targetNodeId ?? '')}`,
              },
              {
                title: t.status.records,
                key: 'records',
                render: (_: unknown, s) => s.records.toLocaleString('vi-VN'),
              },
              {
                title: '',
                key: 'size',
                render: (_: unknown, s) => `${s.fileName} · ${formatBytes(s.bytes)}`,
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
