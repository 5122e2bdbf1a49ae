import { useState } from 'react';
import { App as AntApp } from 'antd';
import { WriteError } from '../../db/writePath';
import { vi } from '../../i18n/vi';
import { OrgActionRefused } from './actions';

/** The sentence to show for a failed action: a rule's refusal as it is, anything else prefixed. */
export function errorText(error: unknown): string {
  if (error instanceof OrgActionRefused || error instanceof WriteError) return error.message;
  return vi.organizations.failed(error instanceof Error ? error.message : String(error));
}

/**
 * A dialog's save: `saving` while the action runs; on success its message and the dialog closes;
 * on failure the sentence goes to `onError` and the dialog stays open, unchanged.
 */
export function useDialogSave(onClose: () => void, onError: (text: string) => void) {
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const run = async (action: () => Promise<string>) => {
    setSaving(true);
    try {
      void message.success(await action());
      onClose();
    } catch (failed) {
      onError(errorText(failed));
    } finally {
      setSaving(false);
    }
  };
  return { saving, run };
}
