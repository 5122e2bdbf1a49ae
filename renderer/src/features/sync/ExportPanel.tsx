import { useEffect, useState } from 'react';
import { Alert, Button, Card, Progress, Radio, Space, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { PeerInfo } from '@shared/sync/mergeBundle';
import type { SaveFileResult } from '@shared/platform';
import { syncText as t } from '../../i18n/sync';
import { useStore } from '../../app/StoreContext';
import { readSyncState } from '../../db/sync';
import { getPlatform } from '../../platform';
import { exportSyncFile, rememberSent } from './transfer';
import type { OfficeState } from './office';
import { errorMessage } from './errors';
import { formatBytes, formatDateTime } from './display';
import { QLDV_FILTERS } from './OfficePanel';

/** Where the file went and whether it was checked, as honestly as the host can tell; then what to do. */
function savedDetails(saved: SaveFileResult): string[] {
  if (saved.path) {
    return [
      saved.verified ? t.export.savedVerified(saved.path) : t.export.savedTo(saved.path),
      t.export.hintSaved,
    ];
  }
  return saved.viaDownload ? [t.export.downloaded, t.export.hint] : [t.export.hint];
}

/** "Xuất tệp đồng bộ": a full file, or only what a known laptop lacks; saved where the user chooses. */
export function ExportPanel({ office }: { office: OfficeState | null }) {
  const store = useStore();
  const [peers, setPeers] = useState<[string, PeerInfo][]>([]);
  const [target, setTarget] = useState<string>('full');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ records: number; total: number } | null>(null);
  const [result, setResult] = useState<{
    type: 'success' | 'info' | 'error';
    text: string;
    details?: string[];
  } | null>(null);

  useEffect(() => {
    void readSyncState(store).then((s) => setPeers(Object.entries(s.peers)));
  }, [store]);

  if (!office) return <Alert type="info" showIcon title={t.export.needOffice} />;

  const run = async () => {
    setBusy(true);
    setResult(null);
    setProgress(null);
    try {
      const { version } = await getPlatform().appInfo();
      const file = await exportSyncFile(store, office, {
        appVersion: version,
        ...(target !== 'full' ? { peerNodeId: target } : {}),
        onProgress: (p) => setProgress({ records: p.records, total: p.totalRecords ?? p.records }),
      });
      const saved = await getPlatform().saveFile({
        bytes: file.bytes,
        suggestedName: file.fileName,
        filters: QLDV_FILTERS,
        preferRemovableDrive: true,
      });
      if (!saved.saved) {
        setResult({ type: 'info', text: t.export.cancelled });
        return;
      }
      await rememberSent(store, file.sent);
      setResult({
        type: 'success',
        text: t.export.done(file.fileName, file.sent.records, formatBytes(file.sent.bytes)),
        details: savedDetails(saved),
      });
    } catch (e) {
      setResult({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t.tabs.export}>
      <Typography.Paragraph type="secondary">{t.export.intro}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Radio.Group
          value={target}
          onChange={(e) => setTarget(e.target.value as string)}
          aria-label={t.export.kind}
        >
          <Space orientation="vertical">
            <Radio value="full">{t.export.full}</Radio>
            {peers.map(([node, peer]) => (
              <Radio key={node} value={node}>
                {t.export.deltaFor(peer.deviceName)}{' '}
                <Typography.Text type="secondary">({formatDateTime(peer.lastImportAt)})</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {peers.length === 0 && <Typography.Text type="secondary">{t.export.noPeers}</Typography.Text>}
        <Button type="primary" icon={<ExportOutlined />} disabled={busy} onClick={() => void run()}>
          {busy ? t.export.working : t.export.button}
        </Button>
        {busy && progress && (
          <div>
            {/* At most 99 while busy: the file is still sealed and saved after the last row is read. */}
            <Progress percent={Math.min(99, Math.floor((100 * progress.records) / Math.max(1, progress.total)))} />
            <Typography.Text type="secondary">
              {t.export.progress(progress.records, progress.total)}
            </Typography.Text>
          </div>
        )}
        {result && (
          <Alert
            type={result.type}
            showIcon
            title={result.text}
            {...(result.details
              ? {
                  description: result.details.map((line) => (
                    <Typography.Paragraph key={line} style={{ marginBottom: 4 }}>
                      {line}
                    </Typography.Paragraph>
                  )),
                }
              : {})}
          />
        )}
      </Space>
    </Card>
  );
}
