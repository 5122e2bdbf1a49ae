import { Space, Typography } from 'antd';
import { vi } from '../../i18n/vi';
import { ThisComputerCard } from './ThisComputerCard';
import { RulesCard } from './RulesCard';

export function SettingsPage() {
  return (
    <div>
      <div className="page-header">
        <Typography.Title level={2}>{vi.settings.title}</Typography.Title>
      </div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ThisComputerCard />
        <RulesCard />
      </Space>
    </div>
  );
}
