import { App as AntApp, ConfigProvider, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import type { DataStore } from '../db/store';
import { vi } from '../i18n/vi';
import { StoreProvider, useStore } from './StoreContext';
import { theme } from './theme';
import { AppLayout } from './AppLayout';
import { FirstRun } from '../features/onboarding/FirstRun';
import { Dashboard } from '../features/dashboard/Dashboard';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage';
import { MembersPage } from '../features/members/MembersPage';
import { MemberCreatePage, MemberEditPage } from '../features/members/MemberFormPage';
import { MemberFilePage } from '../features/members/MemberFilePage';
import { RecycleBinPage } from '../features/recycleBin/RecycleBinPage';
import { ImportPage } from '../features/excel/ImportPage';
import { SyncPage } from '../features/sync/SyncPage';
import { BackupPage } from '../features/backup/BackupPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { SettingsPage } from '../features/settings/SettingsPage';

dayjs.locale('vi');

function createRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Dashboard /> },
        { path: 'to-chuc/:id?', element: <OrganizationsPage /> },
        { path: 'dang-vien', element: <MembersPage /> },
        { path: 'dang-vien/moi', element: <MemberCreatePage /> },
        { path: 'dang-vien/nhap-excel', element: <ImportPage /> },
        { path: 'dang-vien/:id', element: <MemberFilePage /> },
        { path: 'dang-vien/:id/sua', element: <MemberEditPage /> },
        { path: 'thung-rac', element: <RecycleBinPage /> },
        { path: 'dong-bo', element: <SyncPage /> },
        { path: 'sao-luu', element: <BackupPage /> },
        { path: 'thong-ke', element: <StatisticsPage /> },
        { path: 'bao-cao', element: <ReportsPage /> },
        { path: 'cai-dat', element: <SettingsPage /> },
      ],
    },
  ]);
}

export function FullPageSpin({ tip }: { tip: string }) {
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description={tip}>
        <div style={{ width: 200, height: 80 }} />
      </Spin>
    </div>
  );
}

/** First run until the office has chosen how to start; then the app with its sidebar. */
function Gate() {
  const store = useStore();
  const setupDone = useLiveQuery(async () => Boolean(await store.getMeta('setupCompletedAt')), [store]);
  const router = useMemo(() => createRouter(), []);
  if (setupDone === undefined) return <FullPageSpin tip={vi.app.loading} />;
  if (!setupDone) return <FirstRun />;
  return <RouterProvider router={router} />;
}

export function AntProviders({ children }: { children: React.ReactNode }) {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App({ store }: { store: DataStore }) {
  return (
    <AntProviders>
      <StoreProvider value={store}>
        <Gate />
      </StoreProvider>
    </AntProviders>
  );
}
