import { useState } from 'react';
import { App as AntApp, Button, Card, Col, Form, Input, Progress, Row, Typography } from 'antd';
import { DatabaseOutlined, FileAddOutlined } from '@ant-design/icons';
import { normalizeText } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { Emblem } from '../../components/Emblem';
import { startEmpty, startWithDemo, type LoadProgress } from './setup';

interface StartForm {
  committeeName: string;
  deviceName?: string;
}

export function FirstRun() {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'demo' | 'empty' | null>(null);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [deviceName, setDeviceName] = useState('');

  const run = async (kind: 'demo' | 'empty', action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } catch (error) {
      setBusy(null);
      setProgress(null);
      void message.error(`${vi.firstRun.failed}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="first-run">
      <div className="first-run-inner">
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', marginBottom: 8 }}>
          <Emblem size={56} />
          <div>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {vi.firstRun.title}
            </Typography.Title>
            <Typography.Text type="secondary">{vi.app.tagline}</Typography.Text>
          </div>
        </div>
        <Typography.Paragraph style={{ margin: '16px 0 24px', maxWidth: 720 }}>{vi.firstRun.intro}</Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 420 }}>
          <Form.Item label={vi.firstRun.deviceNameLabel}>
            <Input
              value={deviceName}
              onChange={(e) => setDeviceName(e.target.value)}
              placeholder={vi.firstRun.deviceNamePlaceholder}
              maxLength={60}
              aria-label={vi.firstRun.deviceNameLabel}
            />
          </Form.Item>
        </Form>
        <Row gutter={[24, 24]}>
          <Col xs={24} md={12}>
            <Card
              title={
                <span>
                  <DatabaseOutlined /> {vi.firstRun.demoTitle}
                </span>
              }
              style={{ height: '100%' }}
            >
              <Typography.Paragraph>{vi.firstRun.demoBody}</Typography.Paragraph>
              {busy === 'demo' && progress ? (
                <div>
                  <Typography.Text>{vi.firstRun.demoLoading}</Typography.Text>
                  <Progress percent={Math.floor((progress.done / Math.max(progress.total, 1)) * 100)} />
                </div>
              ) : (
                <Button
                  type="primary"
                  size="large"
                  disabled={busy !== null}
                  loading={busy === 'demo'}
                  onClick={() => void run('demo', () => startWithDemo(store, { deviceName, onProgress: setProgress }))}
                >
                  {vi.firstRun.demoButton}
                </Button>
              )}
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card
              title={
                <span>
                  <FileAddOutlined /> {vi.firstRun.emptyTitle}
                </span>
              }
              style={{ height: '100%' }}
            >
              <Typography.Paragraph>{vi.firstRun.emptyBody}</Typography.Paragraph>
              <Form<StartForm>
                layout="vertical"
                disabled={busy !== null}
                onFinish={(values) => void run('empty', () => startEmpty(store, values.committeeName, deviceName))}
              >
                <Form.Item
                  name="committeeName"
                  label={vi.firstRun.committeeNameLabel}
                  rules={[
                    { required: true, whitespace: true, message: vi.firstRun.committeeNameRequired },
                    {
                      validator: (_, value: string | undefined) =>
                        !value || normalizeText(value).length >= 5
                          ? Promise.resolve()
                          : Promise.reject(new Error(vi.firstRun.committeeNameTooShort)),
                    },
                  ]}
                >
                  <Input placeholder={vi.firstRun.committeeNamePlaceholder} maxLength={200} />
                </Form.Item>
                <Button htmlType="submit" size="large" loading={busy === 'empty'}>
                  {vi.firstRun.startButton}
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
      </div>
    </div>
  );
}
