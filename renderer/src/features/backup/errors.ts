import { isBundleError } from '@shared/sync/bundle';
import { BackupError } from '../../db/backup';
import { OfficeError } from '../sync/office';
import { backupText as t } from '../../i18n/backup';

/**
 * The Vietnamese sentence for a backup or restore that did not happen. Refusals of the codec and
 * of the content say why; a host error (disk full, a file gone) already speaks Vietnamese; anything
 * else is logged and said plainly.
 */
export function backupErrorMessage(error: unknown): string {
  if (isBundleError(error) || error instanceof BackupError || error instanceof OfficeError) return error.message;
  if (error instanceof Error && /[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/i.test(error.message)) return error.message;
  console.error(error);
  return t.errors.unexpected;
}
