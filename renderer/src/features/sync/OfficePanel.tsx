import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Progress,
  Space,
  Typography,
} from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { syncText as t } from '../../i18n/sync';
import { useStore } from '../../app/StoreContext';
import { getPlatform } from '../../platform';
import {
  changeOfficePassphrase,
  joinBlocker,
  joinOffice,
  officeName,
  setUpOffice,
  type OfficeState,
} from './office';
import { errorMessage } from './errors';
import { formatDateTime } from './display';

export const QLDV_FILTERS = [{ name: 'Tệp đồng bộ QLĐV', extensions: ['qldv'] }];

/** This laptop in the office: names, ids, key id; and the passphrase change. */
function InOffice({ office }: { office: OfficeState }) {
  const store = useStore();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t.office.inOffice}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t.office.deviceName}>
            {store.identity.deviceName} — <Link to="/cai-dat">{t.office.renameLink}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t.office.nodeId}>
            <code>{store.identity.nodeId}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t.office.keyId}>
            <code>{office.keyId}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t.office.datasetId}>
            <code>{store.identity.datasetId}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t.office.since}>{formatDateTime(office.joinedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ChangePassphrase />
    </Space>
  );
}

interface ChangeForm {
  old: string;
  next: string;
  again: string;
}

function ChangePassphrase() {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ChangeForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: ChangeForm) => {
    setBusy(true);
    setError(null);
    try {
      await changeOfficePassphrase(store, values.old ?? '', values.next ?? '', values.again ?? '');
      form.resetFields();
      void message.success(t.office.changeDone);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t.office.changeTitle}>
      <Typography.Paragraph type="secondary">{t.office.changeIntro}</Typography.Paragraph>
      <Form<ChangeForm>
        form={form}
        layout="vertical"
        style={{ maxWidth: 420 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="old" label={t.office.oldPassphrase}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label={t.office.newPassphrase} extra={t.office.passphraseHint}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="again" label={t.office.newPassphraseAgain}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" disabled={busy}>
          {t.office.changeButton}
        </Button>
      </Form>
    </Card>
  );
}

interface SetUpForm {
  passphrase: string;
  again: string;
}

function SetUp({ onDone }: { onDone: () => void }) {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void officeName(store).then(setName);
  }, [store]);
  const submit = async (values: SetUpForm) => {
    setBusy(true);
    setError(null);
    try {
      await setUpOffice(store, values.passphrase ?? '', values.again ?? '');
      void message.success(t.office.setUpDone);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t.office.setUpTitle}>
      <Typography.Paragraph type="secondary">{t.office.setUpIntro}</Typography.Paragraph>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t.office.committee}>{name || '—'}</Descriptions.Item>
        <Descriptions.Item label={t.office.deviceName}>
          {store.identity.deviceName} — <Link to="/cai-dat">{t.office.renameLink}</Link>
        </Descriptions.Item>
      </Descriptions>
      <Form<SetUpForm>
        name="officeSetUp"
        layout="vertical"
        style={{ maxWidth: 420 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="passphrase" label={t.office.passphrase} extra={t.office.passphraseHint}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="again" label={t.office.passphraseAgain}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" disabled={busy}>
          {busy ? t.office.setUpWorking : t.office.setUpButton}
        </Button>
      </Form>
    </Card>
  );
}

function Join({ onDone }: { onDone: () => void }) {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [blocker, setBlocker] = useState<string | null | undefined>(undefined);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    void joinBlocker(store).then(setBlocker);
  }, [store]);

  const choose = async () => {
    setError(null);
    const opened = await getPlatform().openFile({ filters: QLDV_FILTERS });
    if (opened) setFile(opened);
  };
  const join = async () => {
    if (!file) return setError(t.errors.fileRequired);
    if (!passphrase) return setError(t.errors.passphraseRequired);
    setBusy(true);
    setError(null);
    setPercent(0);
    try {
      const result = await joinOffice(store, file.bytes, passphrase, {
        onRead: (p) => p.totalBytes && setPercent(Math.round((50 * p.bytes) / p.totalBytes)),
        onBatch: (done, total) => setPercent(50 + Math.round((50 * done) / Math.max(1, total))),
      });
      const c = result.report.counts;
      void message.success(
        t.office.joinDone(
          result.officeName,
          result.sourceDeviceName,
          c.new + c.updated + c.deleted + c.restored,
        ),
      );
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t.office.joinTitle}>
      <Typography.Paragraph type="secondary">{t.office.joinIntro}</Typography.Paragraph>
      <Alert type="info" showIcon title={t.office.joinRule} style={{ marginBottom: 16 }} />
      {blocker ? (
        <Alert type="warning" showIcon title={t.office.joinBlocked} description={blocker} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%', maxWidth: 420 }}>
          <Button icon={<FileOutlined />} onClick={() => void choose()} disabled={busy}>
            {t.office.chooseFile}
          </Button>
          {file && <Typography.Text>{t.office.chosenFile(file.name)}</Typography.Text>}
          <label htmlFor="sync-join-passphrase">{t.office.passphrase}</label>
          <Input.Password
            id="sync-join-passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            onPressEnter={() => void join()}
            autoComplete="current-password"
          />
          {error && <Alert type="error" showIcon title={error} />}
          {busy && <Progress percent={percent} />}
          <Button type="primary" onClick={() => void join()} disabled={busy || blocker === undefined}>
            {busy ? t.office.joinWorking : t.office.joinButton}
          </Button>
        </Space>
      )}
    </Card>
  );
}

/** "Văn phòng": set up or join when this laptop has no office key yet; otherwise its facts and the passphrase change. */
export function OfficePanel({ office, onChanged }: { office: OfficeState | null; onChanged: () => void }) {
  if (office) return <InOffice office={office} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <SetUp onDone={onChanged} />
      <Join onDone={onChanged} />
    </Space>
  );
}
