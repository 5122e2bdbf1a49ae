import { WriteError } from '../../db/writePath';
import { vi } from '../../i18n/vi';
import { OrgActionRefused } from './actions';

/** The sentence to show for a failed action: a rule's refusal as it is, anything else prefixed. */
export function errorText(error: unknown): string {
  if (error instanceof OrgActionRefused || error instanceof WriteError) return error.message;
  return vi.organizations.failed(error instanceof Error ? error.message : String(error));
}
