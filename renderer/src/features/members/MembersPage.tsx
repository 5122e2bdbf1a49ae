import { UpcomingPage } from '../../components/UpcomingPage';
import { vi } from '../../i18n/vi';

export function MembersPage() {
  return <UpcomingPage title={vi.nav.members} description={vi.upcoming.members} />;
}
