import { describe, expect, it } from 'vitest';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import type { SettingDefinition, StoredSetting } from '@shared/domain/settings';
import type { StoredRecord } from '@shared/sync/record';
import { settingRow, storedSettingsByKey } from './settingRows';

const probation = SETTINGS.probationMonths as SettingDefinition<unknown>;
const stored = (...versions: { effectiveFrom: string; value: unknown }[]): StoredSetting => ({
  id: probation.key,
  versions,
});

describe('settingRow', () => {
  it('shows the default when nothing is stored', () => {
    const row = settingRow(probation, undefined, '2026-03-01');
    expect(row.current).toMatchObject({ value: 12, origin: 'default', effectiveFrom: '2011-01-19' });
    expect(row.upcoming).toBeUndefined();
    expect(row.history.map((v) => v.status)).toEqual(['current']);
  });

  it('a stored version in force replaces the default today and keeps it in the history', () => {
    const row = settingRow(probation, stored({ effectiveFrom: '2026-01-01', value: 18 }), '2026-03-01');
    expect(row.current).toMatchObject({ value: 18, origin: 'stored' });
    expect(row.history.map((v) => [v.effectiveFrom, v.status])).toEqual([
      ['2026-01-01', 'current'],
      ['2011-01-19', 'replaced'],
    ]);
  });

  it('a future version does not change today, and the earliest future one is "upcoming"', () => {
    const row = settingRow(
      probation,
      stored({ effectiveFrom: '2030-01-01', value: 24 }, { effectiveFrom: '2027-01-01', value: 18 }),
      '2026-03-01',
    );
    expect(row.current).toMatchObject({ value: 12, origin: 'default' });
    expect(row.upcoming).toMatchObject({ effectiveFrom: '2027-01-01', value: 18 });
    expect(row.history.map((v) => v.status)).toEqual(['upcoming', 'upcoming', 'current']);
  });

  it('counts stored versions it cannot read', () => {
    expect(
      settingRow(probation, stored({ effectiveFrom: '2026-01-01', value: 'mười hai' }), '2026-03-01').ignored,
    ).toBe(1);
  });
});

describe('storedSettingsByKey', () => {
  it('treats a deleted record as no stored versions', () => {
    const envelope = { _h: 'h', _v: {}, _maxHlc: 'h' };
    const records: StoredRecord[] = [
      { id: 'a', deleted: 0, versions: [{ effectiveFrom: '2026-01-01', value: 1 }], ...envelope },
      { id: 'b', deleted: 1, versions: [{ effectiveFrom: '2026-01-01', value: 1 }], ...envelope },
    ];
    expect([...storedSettingsByKey(records).keys()]).toEqual(['a']);
  });
});
