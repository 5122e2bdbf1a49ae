import { UpcomingPage } from '../../components/UpcomingPage';
import { vi } from '../../i18n/vi';

export function SyncPage() {
  return <UpcomingPage title={vi.nav.sync} description={vi.upcoming.sync} />;
}
