import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Form, Input } from 'antd';
import type { AppInfo } from '@shared/platform';
import { normalizeText } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { getPlatform } from '../../platform';

interface NamesForm {
  deviceName: string;
  userName: string;
}

/** This laptop: its names (which go into every audit line), its ids and the host it runs on. */
export function ThisComputerCard() {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [form] = Form.useForm<NamesForm>();

  useEffect(() => {
    let alive = true;
    getPlatform()
      .appInfo()
      .then((i) => alive && setInfo(i))
      .catch(() => alive && setInfo(null));
    return () => {
      alive = false;
    };
  }, []);

  const required = { required: true, whitespace: true, message: vi.settings.nameRequired };
  const save = async (values: NamesForm) => {
    await store.setNames({ deviceName: normalizeText(values.deviceName), userName: normalizeText(values.userName) });
    void message.success(vi.settings.saved);
  };

  return (
    <Card title={vi.settings.thisComputer}>
      <Form<NamesForm>
        form={form}
        layout="inline"
        initialValues={{ deviceName: store.identity.deviceName, userName: store.identity.userName }}
        onFinish={(values) => void save(values)}
        style={{ marginBottom: 20, rowGap: 12 }}
      >
        <Form.Item name="deviceName" label={vi.settings.deviceName} rules={[required]}>
          <Input maxLength={60} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="userName" label={vi.settings.userName} rules={[required]}>
          <Input maxLength={60} style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {vi.settings.save}
        </Button>
      </Form>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={vi.settings.nodeId}>
          <code>{store.identity.nodeId}</code>
        </Descriptions.Item>
        <Descriptions.Item label={vi.settings.datasetId}>
          <code>{store.identity.datasetId}</code>
        </Descriptions.Item>
        <Descriptions.Item label={vi.settings.appVersion}>{info?.version ?? '…'}</Descriptions.Item>
        <Descriptions.Item label={vi.settings.platform}>{info?.platform ?? '…'}</Descriptions.Item>
        <Descriptions.Item label={vi.settings.dataFolder}>{info?.dataFolder ?? '…'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
