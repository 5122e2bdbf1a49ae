import { useState } from 'react';
import { Alert, Button, Card, Input, Progress, Result, Space, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { DEFAULT_BATCH_SIZE, SyncImportError, type ApplyReport } from '@shared/sync/mergeBundle';
import { isBundleError } from '@shared/sync/bundle';
import { syncText as t } from '../../i18n/sync';
import { useStore } from '../../app/StoreContext';
import { getPlatform } from '../../platform';
import { importSyncFile, openSyncFile, type OpenedSyncFile } from './transfer';
import type { OfficeState } from './office';
import { errorMessage } from './errors';
import { loadNameBook, type NameBook } from './display';
import { PreviewView } from './PreviewView';
import { QLDV_FILTERS } from './OfficePanel';
import { backupText } from '../../i18n/backup';
import { takeBackup } from '../backup/backups';
import { backupErrorMessage } from '../backup/errors';

type Step =
  | { step: 'choose' }
  | { step: 'verifying'; percent: number }
  | { step: 'refused'; message: string; unchanged: boolean }
  | { step: 'preview'; opened: OpenedSyncFile; names: NameBook; fileName: string }
  | { step: 'snapshot'; opened: OpenedSyncFile; names: NameBook; fileName: string; percent: number }
  | {
      step: 'applying';
      opened: OpenedSyncFile;
      names: NameBook;
      fileName: string;
      percent: number;
      done: number;
      total: number;
    }
  | { step: 'done'; report: ApplyReport };

function confirmed(typed: string): boolean {
  return typed.normalize('NFC').trim().toLocaleUpperCase('vi') === t.import.confirmWord;
}

/** "Nhập tệp đồng bộ": choose → verify (nothing written) → preview → (typed confirmation) → apply → summary. */
export function ImportPanel({
  office,
  onShowConflicts,
}: {
  office: OfficeState | null;
  onShowConflicts: () => void;
}) {
  const store = useStore();
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [typed, setTyped] = useState('');

  if (!office) return <Alert type="info" showIcon title={t.import.needOffice} />;

  const choose = async () => {
    const file = await getPlatform().openFile({ filters: QLDV_FILTERS });
    if (!file) return;
    setTyped('');
    setState({ step: 'verifying', percent: 0 });
    try {
      const opened = await openSyncFile(store, office, file.bytes, (p) =>
        setState({
          step: 'verifying',
          percent: p.totalBytes ? Math.floor((100 * p.bytes) / p.totalBytes) : 0,
        }),
      );
      if (opened.preview.refusal)
        return setState({ step: 'refused', message: opened.preview.refusal, unchanged: true });
      const memberIds = opened.read.records.flatMap((line) =>
        line.t === 'memberEvents' && typeof line.r.memberId === 'string'
          ? [line.r.memberId]
          : line.t === 'memberPhotos'
            ? [line.r.id]
            : [],
      );
      const names = await loadNameBook(store, memberIds, opened.read.records);
      setState({ step: 'preview', opened, names, fileName: file.name });
    } catch (e) {
      setState({ step: 'refused', message: errorMessage(e), unchanged: true });
    }
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    const { opened, names, fileName } = state;
    const total = opened.read.records.length;
    // The automatic backup first (sync.md "Import" step 3): without it, no import.
    setState({ step: 'snapshot', opened, names, fileName, percent: 0 });
    try {
      const { version } = await getPlatform().appInfo();
      await takeBackup(store, office, {
        reason: 'beforeImport',
        note: opened.read.manifest.sourceDeviceName,
        appVersion: version,
        backups: getPlatform().backups,
        onProgress: (p) =>
          setState({
            step: 'snapshot',
            opened,
            names,
            fileName,
            percent: Math.floor((100 * p.records) / Math.max(1, p.totalRecords ?? p.records)),
          }),
      });
    } catch (e) {
      return setState({ step: 'refused', message: backupText.beforeImport.failed(backupErrorMessage(e)), unchanged: false });
    }
    setState({ step: 'applying', opened, names, fileName, percent: 0, done: 0, total });
    try {
      const report = await importSyncFile(store, opened, (done, all) =>
        setState({
          step: 'applying',
          opened,
          names,
          fileName,
          percent: Math.floor((100 * done) / Math.max(1, all)),
          done,
          total: all,
        }),
      );
      setState({ step: 'done', report });
    } catch (e) {
      // A refusal comes before any write. Anything else may come between two batches of a large
      // file: what was written is valid, and importing the file again completes it.
      const refusal = e instanceof SyncImportError || isBundleError(e);
      setState(
        refusal
          ? { step: 'refused', message: errorMessage(e), unchanged: true }
          : {
              step: 'refused',
              message: total <= DEFAULT_BATCH_SIZE ? t.errors.unexpected : t.import.interrupted,
              unchanged: false,
            },
      );
      if (!refusal) console.error(e);
    }
  };

  const chooseButton = (
    <Button type="primary" icon={<ImportOutlined />} onClick={() => void choose()}>
      {t.import.choose}
    </Button>
  );

  return (
    <Card title={t.tabs.import}>
      {state.step === 'choose' && (
        <Space orientation="vertical">
          <Typography.Paragraph type="secondary">{t.import.intro}</Typography.Paragraph>
          {chooseButton}
        </Space>
      )}
      {state.step === 'verifying' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t.import.verifying}</Typography.Text>
          <Progress percent={state.percent} />
        </Space>
      )}
      {state.step === 'refused' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t.import.refused}
            description={state.unchanged ? `${state.message} ${t.import.unchangedNote}` : state.message}
          />
          {chooseButton}
        </Space>
      )}
      {(state.step === 'preview' || state.step === 'snapshot' || state.step === 'applying') && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t.import.previewTitle}: {state.fileName}
          </Typography.Title>
          <PreviewView preview={state.opened.preview} names={state.names} />
          <Alert type="info" showIcon title={backupText.beforeImport.note} />
          {state.opened.preview.needsTypedConfirmation && (
            <Alert
              type="error"
              showIcon
              title={t.import.confirmTitle}
              description={
                <Space orientation="vertical">
                  <span>{t.import.confirmPrompt(t.import.confirmWord)}</span>
                  <Input
                    aria-label={t.import.confirmLabel}
                    value={typed}
                    onChange={(e) => setTyped(e.target.value)}
                    style={{ maxWidth: 200 }}
                    disabled={state.step !== 'preview'}
                  />
                </Space>
              }
            />
          )}
          {state.step === 'snapshot' ? (
            <div>
              <Typography.Text>{backupText.beforeImport.working}</Typography.Text>
              <Progress percent={state.percent} />
            </div>
          ) : state.step === 'applying' ? (
            <div>
              <Typography.Text>{t.import.working}</Typography.Text>
              <Progress percent={state.percent} />
              <Typography.Text type="secondary">{t.import.progress(state.done, state.total)}</Typography.Text>
            </div>
          ) : (
            <Space>
              <Button
                type="primary"
                danger={state.opened.preview.needsTypedConfirmation}
                disabled={state.opened.preview.needsTypedConfirmation && !confirmed(typed)}
                onClick={() => void apply()}
              >
                {t.import.importButton}
              </Button>
              <Button onClick={() => setState({ step: 'choose' })}>{t.import.cancelButton}</Button>
            </Space>
          )}
        </Space>
      )}
      {state.step === 'done' && (
        <Result
          status="success"
          title={t.import.doneTitle}
          subTitle={
            state.report.alreadyImported
              ? t.import.doneAlready
              : t.import.doneSummary(state.report.counts, state.report.conflicts)
          }
          extra={[
            <Button key="again" onClick={() => setState({ step: 'choose' })}>
              {t.import.another}
            </Button>,
            ...(state.report.conflicts > 0
              ? [
                  <Button key="conflicts" type="primary" onClick={onShowConflicts}>
                    {t.import.seeConflicts}
                  </Button>,
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
