import { UpcomingPage } from '../../components/UpcomingPage';
import { vi } from '../../i18n/vi';

export function ReportsPage() {
  return <UpcomingPage title={vi.nav.reports} description={vi.upcoming.reports} />;
}
