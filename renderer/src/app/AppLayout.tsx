import { Layout, Menu, Typography } from 'antd';
import {
  ApartmentOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DeleteOutlined,
  FileTextOutlined,
  HistoryOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { vi } from '../i18n/vi';
import { useStore } from './StoreContext';
import { findWard } from '../features/organizations/queries';
import { Emblem } from '../components/Emblem';
import { WriteGuardBanner } from '../components/WriteGuardBanner';

const NAV = [
  { key: '/', icon: <DashboardOutlined />, label: vi.nav.dashboard },
  { key: '/to-chuc', icon: <ApartmentOutlined />, label: vi.nav.organizations },
  { key: '/dang-vien', icon: <TeamOutlined />, label: vi.nav.members },
  { key: '/dong-bo', icon: <SwapOutlined />, label: vi.nav.sync },
  { key: '/sao-luu', icon: <HistoryOutlined />, label: vi.nav.backup },
  { key: '/thong-ke', icon: <BarChartOutlined />, label: vi.nav.statistics },
  { key: '/bao-cao', icon: <FileTextOutlined />, label: vi.nav.reports },
  { key: '/thung-rac', icon: <DeleteOutlined />, label: vi.nav.recycleBin },
  { key: '/cai-dat', icon: <SettingOutlined />, label: vi.nav.settings },
];

export function AppLayout() {
  const store = useStore();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const ward = useLiveQuery(() => findWard(store.db), [store]);
  const deviceName = useLiveQuery(() => store.getMeta<string>('deviceName'), [store]);
  const selected = NAV.filter((item) => item.key === '/' ? pathname === '/' : pathname.startsWith(item.key)).map((i) => i.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #eee' }}>
        <div className="app-brand">
          <Emblem size={36} />
          <div>
            <div className="app-brand-name">{vi.app.name}</div>
            <div className="app-brand-ward" data-testid="ward-name">
              {ward ? String(ward.name) : ''}
            </div>
          </div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={selected}
          items={NAV}
          onClick={({ key }) => void navigate(key)}
          style={{ borderInlineEnd: 'none' }}
        />
        <Typography.Text type="secondary" className="app-device">
          {deviceName ?? store.identity.deviceName}
        </Typography.Text>
      </Layout.Sider>
      <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
        <WriteGuardBanner />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
