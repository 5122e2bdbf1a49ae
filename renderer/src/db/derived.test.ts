/**
 * Derived index fields: `_temporaryTransfer` marks temporary transfer events only (a sparse index
 * for today's counts), and every writer keeps it right when an event changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredRecord } from '@shared/sync/record';
import { draft, makeEvent } from '../../../tests/fixtures/records';
import { withDerivedFields } from './derived';
import { openDataStore, type DataStore } from './store';
import { commit, upsert } from './writePath';

const event = (over: Record<string, unknown>) =>
  ({ id: 'e1', memberId: 'm1', date: '2025-01-02', deleted: 0, _h: 'h', _v: {}, ...over }) as unknown as StoredRecord;

describe('withDerivedFields on events', () => {
  it.each([
    ['a temporary transfer in', { type: 'transferIn', transferKind: 'temporary' }, true],
    ['a temporary transfer out', { type: 'transferOut', transferKind: 'temporary' }, true],
    ['a temporary internal transfer', { type: 'transferInternal', transferKind: 'temporary' }, true],
    ['an official transfer', { type: 'transferOut', transferKind: 'official' }, false],
    ['a transfer without a kind', { type: 'transferIn' }, false],
    ['an admission (kind set by mistake)', { type: 'admission', transferKind: 'temporary' }, false],
    ['a stored temporary transfer made official', { type: 'transferIn', transferKind: 'official', _temporaryTransfer: 1 }, false],
    ['a stored temporary transfer unchanged', { type: 'transferIn', transferKind: 'temporary', _temporaryTransfer: 1 }, true],
  ] as [string, Record<string, unknown>, boolean][])('%s', (_name, over, marked) => {
    const derived = withDerivedFields('memberEvents', event(over));
    if (marked) expect(derived._temporaryTransfer).toBe(1);
    else expect('_temporaryTransfer' in derived).toBe(false);
    // Business fields untouched.
    expect(derived.type).toBe(over.type);
    expect(derived.transferKind).toBe(over.transferKind);
  });

  it('leaves other tables alone', () => {
    const org = event({ type: 'transferIn', transferKind: 'temporary' });
    expect(withDerivedFields('organizations', org)).toBe(org);
  });
});

describe('the temporary transfers index through the write path', () => {
  let store: DataStore;
  beforeEach(async () => {
    store = await openDataStore({ name: `derived-${crypto.randomUUID()}` });
  });
  afterEach(() => store.close());

  const indexed = async () =>
    (await store.db.memberEvents.where('_temporaryTransfer').equals(1).primaryKeys()).sort();

  it('holds temporary transfers only, and follows their edits', async () => {
    const temporary = makeEvent({ type: 'transferIn', transferKind: 'temporary', date: '2025-03-01' });
    const official = makeEvent({ type: 'transferOut', transferKind: 'official', date: '2025-03-02' });
    const admission = makeEvent({ type: 'admission' });
    await commit(store, [upsert('memberEvents', [temporary, official, admission].map(draft))]);
    expect(await indexed()).toEqual([temporary.id]);
    await commit(store, [upsert('memberEvents', [{ id: temporary.id, transferKind: 'official' }])]);
    expect(await indexed()).toEqual([]);
    await commit(store, [upsert('memberEvents', [{ id: official.id, transferKind: 'temporary' }])]);
    expect(await indexed()).toEqual([official.id]);
  });
});
