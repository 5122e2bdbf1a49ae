import { Card, Result, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { vi } from '../i18n/vi';

/** A screen a later release fills: it says what will come, and shows no invented figure. */
export function UpcomingPage({ title, description, children }: { title: string; description: string; children?: React.ReactNode }) {
  return (
    <div>
      <div className="page-header">
        <Typography.Title level={2}>{title}</Typography.Title>
      </div>
      <Card>
        <Result icon={<ClockCircleOutlined />} title={vi.upcoming.title} subTitle={description} extra={children} />
      </Card>
    </div>
  );
}
