/**
 * The sync envelope every synced record carries, and the pure rules that stamp a local edit.
 * (sync.md, "Model": a last-writer-wins register per field, stamped by a hybrid logical clock.)
 *
 * - `_h`: the creation stamp; the clock of a field f is `_v[f] ?? _h`.
 * - `_v`: stamps of fields written after creation.
 * - `_maxHlc`: the largest stamp on the record (indexed, so "what changed since" is a range scan).
 * - `deleted`: 0 or 1 — a number because IndexedDB cannot index booleans; a field with its own clock.
 * Keys that start with `_` are never business fields: the write path derives index helpers there.
 */
import { maxHlc } from './hlc';

export interface SyncEnvelope {
  id: string;
  deleted: 0 | 1;
  _h: string;
  _v: Record<string, string>;
  _maxHlc: string;
}

export type Synced<T extends { id: string }> = T & SyncEnvelope;

/** A record as stored: business fields plus the envelope plus any derived `_` index fields. */
export type StoredRecord = SyncEnvelope & Record<string, unknown>;

/** Keys that are never diffed or stamped as business fields. */
export function isBusinessField(key: string): boolean {
  return key !== 'id' && !key.startsWith('_');
}

/** The stamp of one field (including `deleted`). */
export function fieldStamp(record: Pick<SyncEnvelope, '_h' | '_v'>, field: string): string {
  return record._v[field] ?? record._h;
}

export function computeMaxHlc(record: Pick<SyncEnvelope, '_h' | '_v'>): string {
  let max = record._h;
  for (const stamp of Object.values(record._v)) max = maxHlc(max, stamp);
  return max;
}

/** JSON with object keys sorted, so equal values have one text (used for diffs and digests). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Field equality for the diff: `undefined`, `null` and a missing key all mean "empty". */
export function sameValue(a: unknown, b: unknown): boolean {
  const emptyA = a === undefined || a === null;
  const emptyB = b === undefined || b === null;
  if (emptyA || emptyB) return emptyA && emptyB;
  if (typeof a !== 'object' && typeof b !== 'object') return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export type EditKind = 'create' | 'update' | 'delete' | 'restore';

export interface StampedEdit {
  kind: EditKind;
  record: StoredRecord;
  changes: FieldChange[];
}

function withoutEmpty(draft: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (isBusinessField(key) && value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/**
 * A new record: the draft's non-empty business fields, not deleted, every field under the creation
 * stamp. `stampEdit` of no stored record, without the list of changes a bulk creation does not
 * journal (it runs once per record of an import).
 */
export function stampCreate(draft: Record<string, unknown> & { id: string }, stamp: string): StoredRecord {
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(draft)) {
    const value = draft[key];
    if (value !== undefined && value !== null && isBusinessField(key)) record[key] = value;
  }
  record.id = draft.id;
  record.deleted = 0;
  record._h = stamp;
  record._v = {};
  record._maxHlc = stamp;
  return record as StoredRecord;
}

/**
 * Applies a local edit to a stored record. `patch` has patch semantics: only keys present in it
 * are considered, and a key present with `undefined` or `null` clears the field. Returns null when
 * nothing really changed, so a re-save of an unchanged form writes nothing.
 */
export function stampEdit(
  stored: StoredRecord | undefined,
  patch: Record<string, unknown> & { id: string },
  stamp: string,
): StampedEdit | null {
  if (!stored) {
    const record = stampCreate(patch, stamp);
    const changes = Object.keys(withoutEmpty(patch))
      .sort()
      .map((field) => ({ field, old: undefined, new: record[field] }));
    return { kind: 'create', record, changes };
  }
  const changes: FieldChange[] = [];
  const next: StoredRecord = { ...stored, _v: { ...stored._v } };
  for (const [field, value] of Object.entries(patch)) {
    if (!isBusinessField(field) || field === 'deleted') continue;
    if (sameValue(stored[field], value)) continue;
    changes.push({ field, old: stored[field], new: value ?? undefined });
    if (value === undefined || value === null) delete next[field];
    else next[field] = value;
    next._v[field] = stamp;
  }
  if (changes.length === 0) return null;
  next._maxHlc = maxHlc(stored._maxHlc, stamp);
  return { kind: 'update', record: next, changes };
}

/** Marks a record deleted (a tombstone that travels) or restores it; null when already so. */
export function stampDeleted(stored: StoredRecord, deleted: boolean, stamp: string): StampedEdit | null {
  const flag: 0 | 1 = deleted ? 1 : 0;
  if (stored.deleted === flag) return null;
  const record: StoredRecord = {
    ...stored,
    deleted: flag,
    _v: { ...stored._v, deleted: stamp },
    _maxHlc: maxHlc(stored._maxHlc, stamp),
  };
  return {
    kind: deleted ? 'delete' : 'restore',
    record,
    changes: [{ field: 'deleted', old: stored.deleted === 1, new: deleted }],
  };
}

/** The business fields of a stored record (what a form or a sync file shows). */
export function businessFields(record: StoredRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (isBusinessField(key) && key !== 'deleted') out[key] = value;
  return out;
}
