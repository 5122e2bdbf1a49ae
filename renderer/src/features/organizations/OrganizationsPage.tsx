import { UpcomingPage } from '../../components/UpcomingPage';
import { vi } from '../../i18n/vi';

export function OrganizationsPage() {
  return <UpcomingPage title={vi.nav.organizations} description={vi.upcoming.organizations} />;
}
