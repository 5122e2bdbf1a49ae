import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '@shared/sync/hlc';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { commit, upsert, WriteError } from './writePath';
import { openDataStore, type DataStore } from './store';
import { ClockGuardError, formatClock, installClockGuard, type ClockGuard } from './writeGuard';
import { draft, makeMember, makeOrganization } from '../../../tests/fixtures/records';

const HOUR = 3_600_000;
const BUILD = '2026-11-01';
const START = new Date(2026, 10, 25, 14, 3).getTime(); // 25/11/2026 14:03 on this computer

let store: DataStore;
let guard: ClockGuard;
let wall = START;
const org = makeOrganization({ name: 'Chi bộ Tổ dân phố số 1' });
const member = (over: Record<string, unknown> = {}) =>
  draft({ ...makeMember({ organizationId: org.id, fullName: 'Nguyễn Văn An' }), ...over });

beforeEach(async () => {
  wall = START;
  store = await openDataStore({ name: `guard-${crypto.randomUUID()}`, wallClock: () => wall });
  guard = installClockGuard(store, { buildDate: BUILD, now: () => wall });
});
afterEach(() => store.close());

async function everything(): Promise<string> {
  const [organizations, members, settings, journal, meta] = await Promise.all([
    store.db.organizations.toArray(),
    store.db.members.toArray(),
    store.db.settings.toArray(),
    store.db.journal.toArray(),
    store.db.meta.toArray(),
  ]);
  return JSON.stringify({ organizations, members, settings, journal, meta });
}

describe('the clock guard at commit()', () => {
  it('lets a save through on a right clock and remembers the clock at that save', async () => {
    const result = await commit(store, [upsert('organizations', [draft(org)])]);
    expect(result.created).toBe(1);
    expect((await store.db.meta.get('clockGuardLastSave'))?.value).toBe(START);
  });

  it('refuses a save on a clock before the build date, in Vietnamese, and writes nothing', async () => {
    await commit(store, [upsert('organizations', [draft(org)])]);
    const before = await everything();
    wall = new Date(2000, 0, 1, 8, 0).getTime(); // flat clock battery
    const refusal = commit(store, [upsert('members', [member()])]);
    await expect(refusal).rejects.toBeInstanceOf(ClockGuardError);
    await expect(refusal).rejects.toBeInstanceOf(WriteError);
    await expect(refusal).rejects.toThrow(
      'Chưa lưu: ngày giờ máy tính không đúng (máy đang hiển thị 01/01/2000 08:00).',
    );
    expect(await everything()).toBe(before);
  });

  it('refuses a clock more than 24 hours behind the last local save; a clock a few hours slow is fine', async () => {
    await commit(store, [upsert('organizations', [draft(org)])]);
    wall = START - 5 * 60_000;
    await commit(store, [upsert('organizations', [{ id: org.id, phone: '0241234567' }])]);
    // A slow clock does not pull the mark back.
    expect((await store.db.meta.get('clockGuardLastSave'))?.value).toBe(START);
    wall = START - 7 * HOUR;
    await commit(store, [upsert('organizations', [{ id: org.id, phone: '0241234568' }])]);

    wall = START - 3 * 24 * HOUR; // the day set back by hand
    const before = await everything();
    const refused = await commit(store, [upsert('organizations', [{ id: org.id, phone: '0' }])]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ClockGuardError);
    expect((refused as ClockGuardError).verdict).toMatchObject({ reason: 'behindLastSave', lastLocalSaveAt: START });
    expect(await everything()).toBe(before);

    wall = START + 60_000; // the clock corrected
    expect((await commit(store, [upsert('organizations', [{ id: org.id, phone: '0241234569' }])])).updated).toBe(1);
  });

  it("follows the office's setting for the allowed lag", async () => {
    await commit(store, [
      upsert('settings', [{ id: SETTINGS.clockMaxBehindHours.key, versions: [{ effectiveFrom: '2026-01-01', value: 1 }] }]),
    ]);
    wall = START - 2 * HOUR;
    const checked = await guard.check();
    expect(checked.verdict).toMatchObject({ ok: false, reason: 'behindLastSave', maxBehindHours: 1 });
    await expect(commit(store, [upsert('organizations', [draft(org)])])).rejects.toBeInstanceOf(ClockGuardError);
  });

  it('is not moved by stamps of other laptops: a file from a laptop 10 days ahead does not block this one', async () => {
    await commit(store, [upsert('organizations', [draft(org)])]);
    // What an import does with the newest incoming stamp after its last batch.
    const ahead = formatHlc({ millis: START + 10 * 24 * HOUR, counter: 0, node: 'ffffffffffffffff' });
    store.clock.observe(ahead);
    await store.setMeta('clock', store.clock.last);
    wall = START + HOUR;
    expect((await guard.check()).verdict.ok).toBe(true);
    const result = await commit(store, [upsert('members', [member()])]);
    // The HLC still orders this edit after the stamps it has seen.
    expect(result.stamp! > ahead).toBe(true);
    expect(parseHlc(result.stamp!).node).toBe(store.identity.nodeId);
    expect((await store.db.meta.get('clockGuardLastSave'))?.value).toBe(START + HOUR);
  });

  it('"the time shown is right" moves the mark back when the last save was made on a fast clock', async () => {
    wall = START + 5 * 24 * HOUR; // the clock ran five days fast
    await commit(store, [upsert('organizations', [draft(org)])]);
    wall = START; // corrected
    expect((await guard.check()).verdict).toMatchObject({ ok: false, reason: 'behindLastSave' });
    expect((await guard.acceptCurrentClock()).verdict.ok).toBe(true);
    expect((await commit(store, [upsert('members', [member()])])).created).toBe(1);
  });

  it('cannot be talked out of a clock before the build date', async () => {
    wall = new Date(2001, 0, 1).getTime();
    expect((await guard.acceptCurrentClock()).verdict).toMatchObject({ ok: false, reason: 'beforeBuildDate' });
    await expect(commit(store, [upsert('organizations', [draft(org)])])).rejects.toBeInstanceOf(ClockGuardError);
  });

  it('a store without the guard (tests, simulations) saves on any clock', async () => {
    const free = await openDataStore({ name: `free-${crypto.randomUUID()}`, wallClock: () => Date.UTC(1990, 0, 1) });
    expect(free.clockGuard).toBeNull();
    expect((await commit(free, [upsert('organizations', [draft(org)])])).created).toBe(1);
    expect(await free.db.meta.get('clockGuardLastSave')).toBeUndefined();
    free.close();
  });
});

describe('formatClock', () => {
  it.each([
    [new Date(2026, 10, 25, 14, 3).getTime(), '25/11/2026 14:03'],
    [new Date(2000, 0, 1, 0, 0).getTime(), '01/01/2000 00:00'],
    [Number.NaN, '—'],
  ])('%s → %s', (millis, text) => {
    expect(formatClock(millis)).toBe(text);
  });
});
