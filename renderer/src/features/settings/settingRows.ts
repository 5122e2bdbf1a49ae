/**
 * What the rules table shows for each setting, as of a day: the version in force (defaults merged
 * with the office's stored versions) and the next one already saved for a later date.
 */
import { compareIsoDates } from '@shared/domain/dates';
import {
  mergeSettingVersions,
  resolveSettingVersion,
  type EffectiveVersion,
  type SettingDefinition,
  type SettingVersion,
  type StoredSetting,
} from '@shared/domain/settings';
import type { IsoDate } from '@shared/domain/types';
import type { StoredRecord } from '@shared/sync/record';

/** Stored settings by key. A deleted record (a tombstone from sync) counts as no stored versions. */
export function storedSettingsByKey(records: readonly StoredRecord[]): Map<string, StoredSetting> {
  const byKey = new Map<string, StoredSetting>();
  for (const record of records) {
    if (record.deleted === 1 || !Array.isArray(record.versions)) continue;
    byKey.set(record.id, { id: record.id, versions: record.versions as SettingVersion[] });
  }
  return byKey;
}

export type VersionStatus = 'current' | 'upcoming' | 'replaced';

export interface VersionInHistory extends EffectiveVersion<unknown> {
  status: VersionStatus;
}

export interface SettingRow {
  key: string;
  definition: SettingDefinition<unknown>;
  current: EffectiveVersion<unknown>;
  /** The earliest version starting after `asOf`, if one is saved. */
  upcoming?: EffectiveVersion<unknown>;
  /** Every version, newest first, with its status as of `asOf`. */
  history: VersionInHistory[];
  /** Stored versions this app version cannot read (skipped). */
  ignored: number;
}

export function settingRow(
  definition: SettingDefinition<unknown>,
  stored: StoredSetting | undefined,
  asOf: IsoDate,
): SettingRow {
  const { versions, ignored } = mergeSettingVersions(definition, stored?.versions);
  const current = resolveSettingVersion(definition, stored?.versions, asOf);
  const history = versions
    .map((version): VersionInHistory => {
      const status: VersionStatus =
        version.effectiveFrom === current.effectiveFrom
          ? 'current'
          : compareIsoDates(version.effectiveFrom, asOf) > 0
            ? 'upcoming'
            : 'replaced';
      return { ...version, status };
    })
    .reverse();
  const upcoming = history.findLast((version) => version.status === 'upcoming');
  return {
    key: definition.key,
    definition,
    current,
    history,
    ignored: ignored.length,
    ...(upcoming && { upcoming }),
  };
}
