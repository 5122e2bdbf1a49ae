import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Progress, Result, Space, Typography } from 'antd';
import { BUNDLE_ERROR_MESSAGES, isBundleError } from '@shared/sync/bundle';
import { backupText as t } from '../../i18n/backup';
import { useStore } from '../../app/StoreContext';
import { getPlatform } from '../../platform';
import type { OfficeState } from '../sync/office';
import { formatBytes, formatDateTime } from '../sync/display';
import { openBackup, restoreFromBackup, type OpenedBackup } from './backups';
import { backupErrorMessage } from './errors';
import { countsText, reasonText } from './BackupPage';

export interface RestoreSource {
  name: string;
  bytes: Uint8Array;
}

type Step =
  | { step: 'verifying'; percent: number }
  | { step: 'passphrase'; wrong: boolean }
  | { step: 'refused'; message: string }
  | { step: 'confirm'; opened: OpenedBackup }
  | { step: 'snapshot'; opened: OpenedBackup; percent: number }
  | { step: 'restoring'; opened: OpenedBackup }
  | { step: 'failed'; message: string }
  | { step: 'done' };

function confirmed(typed: string): boolean {
  return typed.normalize('NFC').trim().toLocaleUpperCase('vi') === t.restoreFlow.confirmWord;
}

/**
 * "Khôi phục": verify the whole file (nothing written), show what it holds and when it was made,
 * typed confirmation, an automatic backup of the current state, then the restore and a reload.
 */
export function RestorePanel({
  source,
  office,
  onCancel,
  onRestored,
}: {
  source: RestoreSource;
  office: OfficeState | null;
  onCancel: () => void;
  onRestored: () => void;
}) {
  const store = useStore();
  const [state, setState] = useState<Step>({ step: 'verifying', percent: 0 });
  const [typed, setTyped] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const started = useRef(false);

  const verify = async (withPassphrase?: string) => {
    setState({ step: 'verifying', percent: 0 });
    try {
      const opened = await openBackup(
        source.bytes,
        { office, ...(withPassphrase !== undefined ? { passphrase: withPassphrase } : {}) },
        (p) => setState({ step: 'verifying', percent: p.totalBytes ? Math.floor((100 * p.bytes) / p.totalBytes) : 0 }),
      );
      setState({ step: 'confirm', opened });
    } catch (e) {
      if (isBundleError(e, 'needsPassphrase')) setState({ step: 'passphrase', wrong: false });
      else if (isBundleError(e, 'wrongPassphrase')) setState({ step: 'passphrase', wrong: true });
      else setState({ step: 'refused', message: backupErrorMessage(e) });
    }
  };

  useEffect(() => {
    // Once per source (StrictMode runs effects twice in development).
    if (started.current) return;
    started.current = true;
    void verify();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const restore = async (opened: OpenedBackup) => {
    setState({ step: 'snapshot', opened, percent: 0 });
    let snapshotTaken = false;
    try {
      const { version } = await getPlatform().appInfo();
      await restoreFromBackup(store, opened, {
        office,
        appVersion: version,
        backups: getPlatform().backups,
        onStage: (s) => {
          if (s.stage === 'restoring') {
            snapshotTaken = true;
            setState({ step: 'restoring', opened });
          } else if (s.progress)
            setState({ step: 'snapshot', opened, percent: Math.floor((100 * s.progress.records) / Math.max(1, s.progress.totalRecords ?? s.progress.records)) });
        },
      });
      setState({ step: 'done' });
      onRestored();
    } catch (e) {
      const why = backupErrorMessage(e);
      setState({ step: 'failed', message: snapshotTaken ? `${t.restoreFlow.failed} ${why}` : `${t.restoreFlow.failedSnapshot} ${why}` });
    }
  };

  const summary = (opened: OpenedBackup) => {
    const { manifest } = opened;
    const records = Object.entries(manifest.counts)
      .filter(([table]) => !['journal', 'syncConflicts', 'meta'].includes(table))
      .reduce((sum, [, n]) => sum + n, 0);
    return (
      <Descriptions
        bordered
        size="small"
        column={1}
        title={`${t.restoreFlow.holds}: ${source.name}`}
        items={[
          { key: 'at', label: t.restoreFlow.madeAt, children: formatDateTime(manifest.exportedAt) },
          { key: 'device', label: t.restoreFlow.madeOn, children: manifest.sourceDeviceName },
          { key: 'office', label: t.restoreFlow.office, children: manifest.officeName },
          {
            key: 'reason',
            label: t.restoreFlow.reason,
            children: reasonText({ ...manifest.backup, name: source.name, kind: 'manual', at: manifest.exportedAt, counts: {}, bytes: 0 }),
          },
          { key: 'counts', label: t.columns.counts, children: countsText(manifest.counts) },
          { key: 'records', label: t.restoreFlow.records, children: `${records.toLocaleString('vi-VN')} (${formatBytes(opened.fileBytes)})` },
          { key: 'journal', label: t.restoreFlow.journal, children: (manifest.counts.journal ?? 0).toLocaleString('vi-VN') },
        ]}
      />
    );
  };

  return (
    <Card title={t.restoreFlow.title}>
      {state.step === 'verifying' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t.restoreFlow.verifying}</Typography.Text>
          <Progress percent={state.percent} />
        </Space>
      )}
      {state.step === 'passphrase' && (
        <Space orientation="vertical" style={{ width: '100%', maxWidth: 520 }}>
          <Alert type="info" showIcon title={t.restoreFlow.needsPassphrase} />
          {state.wrong && <Alert type="error" showIcon role="alert" title={BUNDLE_ERROR_MESSAGES.wrongPassphrase} />}
          <Input.Password
            aria-label={t.restoreFlow.passphrase}
            placeholder={t.restoreFlow.passphrase}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            onPressEnter={() => void verify(passphrase)}
          />
          <Space>
            <Button type="primary" disabled={!passphrase} onClick={() => void verify(passphrase)}>
              {t.restoreFlow.open}
            </Button>
            <Button onClick={onCancel}>{t.restoreFlow.cancel}</Button>
          </Space>
        </Space>
      )}
      {state.step === 'refused' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon role="alert" title={t.restoreFlow.refused} description={`${state.message} ${t.restoreFlow.unchanged}`} />
          <Button onClick={onCancel}>{t.restoreFlow.cancel}</Button>
        </Space>
      )}
      {(state.step === 'confirm' || state.step === 'snapshot' || state.step === 'restoring') && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {summary(state.opened)}
          <Alert
            type="error"
            showIcon
            title={t.restoreFlow.warning}
            description={
              <Space orientation="vertical">
                <span>{t.restoreFlow.identity}</span>
                <span>{t.restoreFlow.confirmPrompt(t.restoreFlow.confirmWord)}</span>
                <Input
                  aria-label={t.restoreFlow.confirmLabel}
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  style={{ maxWidth: 220 }}
                  disabled={state.step !== 'confirm'}
                />
              </Space>
            }
          />
          {state.step === 'confirm' ? (
            <Space>
              <Button type="primary" danger disabled={!confirmed(typed)} onClick={() => void restore(state.opened)}>
                {t.restoreFlow.start}
              </Button>
              <Button onClick={onCancel}>{t.restoreFlow.cancel}</Button>
            </Space>
          ) : (
            <div>
              <Typography.Text>{state.step === 'snapshot' ? t.restoreFlow.snapshot : t.restoreFlow.restoring}</Typography.Text>
              <Progress percent={state.step === 'snapshot' ? state.percent : 100} status="active" />
            </div>
          )}
        </Space>
      )}
      {state.step === 'failed' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon role="alert" title={state.message} />
          <Button onClick={onCancel}>{t.restoreFlow.cancel}</Button>
        </Space>
      )}
      {state.step === 'done' && <Result status="success" title={t.restoreFlow.done} />}
    </Card>
  );
}
