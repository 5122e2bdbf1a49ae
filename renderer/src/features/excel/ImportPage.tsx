/**
 * “Nhập từ Excel”: choose a file, check how its columns map, preview every row with its problems
 * and duplicates, import the good rows in one action, and take the bad ones back as a file to fix.
 */
import { Alert, App as AntApp, Button, Card, Result, Select, Space, Steps, Typography } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { todayIso } from '@shared/domain/dates';
import { errorSheet } from '@shared/excel/errorWorkbook';
import { findHeader, type ColumnMapping } from '@shared/excel/headings';
import type { DuplicateAction, ImportPlan } from '@shared/excel/importRows';
import { formatCount } from '@shared/reports/overview';
import { useStore } from '../../app/StoreContext';
import { vi } from '../../i18n/vi';
import { getPlatform } from '../../platform';
import { useOrganizationTree } from '../members/register/useRegister';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import {
  checkImport,
  commitImport,
  openImport,
  readRegister,
  rememberMapping,
  rememberedMapping,
  rowOutcome,
  type ImportProgress,
  type ImportResult,
  type OpenedImport,
  type RegisterSnapshot,
} from './importService';
import { asciiFileName, saveXlsx } from './saveXlsx';

const t = vi.excel.import;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function ImportPage() {
  const store = useStore();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const orgs = useOrganizationTree(store.db);
  const [opened, setOpened] = useState<OpenedImport | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [target, setTarget] = useState<string | undefined>();
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [choices, setChoices] = useState<Map<number, DuplicateAction>>(new Map());
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'reading' | 'checking' | 'importing' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [clearEmpty, setClearEmpty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The register as the check needs it, read while the file is read (used if nothing changes meanwhile).
  const register = useRef<Promise<RegisterSnapshot> | undefined>(undefined);

  const step = result ? 3 : plan ? 2 : opened ? 1 : 0;
  const sheet = opened ? opened.sheets[opened.sheetIndex]! : null;
  const samples = useMemo(
    () => (opened && sheet ? sheet.rows.slice(opened.layout.firstDataRow, opened.layout.firstDataRow + 5) : []),
    [opened, sheet],
  );

  // Sheets holding a member list: a workbook may keep one list per branch.
  const sheetChoices = useMemo(
    () =>
      (opened?.sheets ?? [])
        .map((candidate, index) => ({ value: index, label: candidate.name, layout: findHeader(candidate.rows) }))
        .filter((choice) => choice.layout !== null),
    [opened],
  );
  const chooseSheet = (index: number) => {
    const layout = sheetChoices.find((choice) => choice.value === index)?.layout;
    if (!opened || !layout) return;
    setOpened({ ...opened, sheetIndex: index, layout });
    setMapping(rememberedMapping(layout.headings));
  };

  const reset = () => {
    register.current = undefined;
    setOpened(null);
    setPlan(null);
    setResult(null);
    setChoices(new Map());
    setClearEmpty(false);
    setError(null);
  };

  const chooseFile = async () => {
    setError(null);
    const file = await getPlatform().openFile({ filters: [{ name: t.fileFilter, extensions: ['xlsx', 'xls', 'csv'] }] });
    if (!file) return;
    setBusy('reading');
    register.current = readRegister(store, todayIso());
    register.current.catch(() => undefined); // read again by the check
    try {
      const next = await openImport(file.bytes, file.name, setProgress);
      setOpened(next);
      setMapping(rememberedMapping(next.layout.headings));
    } catch (failed) {
      setError(errorText(failed));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const check = async () => {
    if (!opened || !sheet) return;
    setBusy('checking');
    setError(null);
    try {
      rememberMapping(opened.layout.headings, mapping);
      // Read and checked in the import worker: the window keeps answering and shows the rows done.
      setPlan(await checkImport(store, opened, mapping, target, todayIso(), setProgress, register.current));
      setChoices(new Map());
      setClearEmpty(false);
    } catch (failed) {
      setError(errorText(failed));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const runImport = async () => {
    if (!plan) return;
    setBusy('importing');
    setError(null);
    try {
      setResult(await commitImport(store, plan, choices, todayIso(), { clearEmpty }));
    } catch (failed) {
      setError(errorText(failed));
    } finally {
      setBusy(null);
    }
  };

  const downloadErrors = async () => {
    if (!plan || !opened) return;
    try {
      const bad = plan.rows.filter((row) => rowOutcome(row, choices) === 'invalid');
      const base = asciiFileName(opened.fileName.replace(/\.[^.]+$/, '')) || 'danh-sach';
      await saveXlsx([errorSheet(opened.layout.headings, bad)], t.errorFileName(base));
    } catch (failed) {
      void message.error(`${vi.excel.export.failed}: ${errorText(failed)}`);
    }
  };

  return (
    <div>
      <div className="page-header">
        <div>
          <Typography.Title level={2}>{t.title}</Typography.Title>
          <Typography.Text type="secondary">{t.intro}</Typography.Text>
        </div>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/dang-vien')}>
          {t.back}
        </Button>
      </div>
      <Steps
        current={step}
        status={step === 3 ? 'finish' : 'process'}
        style={{ margin: '16px 0 24px' }}
        items={[{ title: t.steps.file }, { title: t.steps.mapping }, { title: t.steps.preview }, { title: t.steps.done }]}
      />
      <Card>
        {opened && step < 3 && (
          <Typography.Paragraph strong data-testid="import-file">
            {t.foundHeader(opened.fileName, opened.layout.headerRow + 1, sheet!.name)}
          </Typography.Paragraph>
        )}
        {opened && step === 1 && sheetChoices.length > 1 && (
          <Space style={{ marginBottom: 16 }}>
            <Typography.Text>{t.sheet}</Typography.Text>
            <Select
              aria-label={t.sheet}
              style={{ minWidth: 240 }}
              value={opened.sheetIndex}
              onChange={chooseSheet}
              options={sheetChoices}
            />
          </Space>
        )}
        {error && step < 2 && <Alert type="error" showIcon role="alert" title={t.readFailed} description={error} style={{ marginBottom: 16 }} />}
        {step === 0 && (
          <Button type="primary" size="large" icon={<FileExcelOutlined />} loading={busy === 'reading'} onClick={() => void chooseFile()}>
            {busy === 'reading' ? t.reading : t.chooseFile}
          </Button>
        )}
        {step === 1 && opened && (
          <MappingStep
            headings={opened.layout.headings}
            samples={samples}
            mapping={mapping}
            onMapping={setMapping}
            organizationTree={orgs.tree}
            organizations={orgs.all}
            targetOrganizationId={target}
            onTarget={setTarget}
            checking={busy === 'checking'}
            checkingText={
              progress?.phase === 'checking'
                ? t.checkingProgress(formatCount(progress.done), formatCount(progress.total))
                : undefined
            }
            onNext={() => void check()}
          />
        )}
        {step === 2 && plan && (
          <PreviewStep
            plan={plan}
            choices={choices}
            onChoices={setChoices}
            clearEmpty={clearEmpty}
            onClearEmpty={setClearEmpty}
            organizationName={orgs.nameOf}
            importing={busy === 'importing'}
            onImport={() => void runImport()}
            onDownloadErrors={() => void downloadErrors()}
            error={error}
          />
        )}
        {step === 3 && result && (
          <Result
            status="success"
            title={<span data-testid="import-done">{t.doneTitle(formatCount(result.created), formatCount(result.updated))}</span>}
            subTitle={t.doneBody(formatCount(result.updated), formatCount(result.skipped), formatCount(result.invalid))}
            extra={
              <Space wrap>
                {result.invalid > 0 && <Button onClick={() => void downloadErrors()}>{t.downloadErrors}</Button>}
                <Button type="primary" onClick={() => void navigate('/dang-vien')}>
                  {t.openRegister}
                </Button>
                <Button onClick={reset}>{t.another}</Button>
              </Space>
            }
          />
        )}
        {step > 0 && step < 3 && (
          <Space style={{ marginTop: 16 }}>
            {step === 2 && (
              <Button type="link" onClick={() => setPlan(null)} style={{ paddingLeft: 0 }}>
                {t.editMapping}
              </Button>
            )}
            <Button type="link" onClick={reset} style={{ paddingLeft: 0 }}>
              {t.another}
            </Button>
          </Space>
        )}
      </Card>
    </div>
  );
}
