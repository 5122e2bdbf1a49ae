import { isBundleError } from '@shared/sync/bundle';
import { SyncImportError } from '@shared/sync/mergeBundle';
import { syncText as t } from '../../i18n/sync';
import { OfficeError } from './office';

/** The Vietnamese sentence for a refusal; anything unexpected is logged and said plainly. */
export function errorMessage(error: unknown): string {
  if (isBundleError(error) || error instanceof OfficeError || error instanceof SyncImportError)
    return error.message;
  console.error(error);
  return t.errors.unexpected;
}
