import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { resolveSetting, type SettingDefinition } from '@shared/domain/settings';
import { todayIso } from '@shared/domain/dates';
import { useStore } from '../app/StoreContext';

/**
 * The value of a dated setting in force on `asOf` (default today), following the office's stored
 * versions live. Until the stored record is read, the shipped default for that date applies.
 */
export function useSetting<T>(definition: SettingDefinition<T>, asOf: string = todayIso()): T {
  const { db } = useStore();
  const stored = useLiveQuery(() => db.settings.get(definition.key), [db, definition.key]);
  // Memoized: a parsed stored value is a new object on every call, and screens key work on it.
  return useMemo(() => {
    const versions = stored && stored.deleted === 0 ? (stored.versions as unknown[]) : undefined;
    return resolveSetting(definition, versions, asOf);
  }, [definition, stored, asOf]);
}
