/**
 * The merge of one synced record (sync.md "Model"): a last-writer-wins register per field,
 * stamped by the hybrid logical clock. Pure: records in, record out.
 *
 * The state of a record is its creation stamp `_h` and, for every field f (business fields and
 * `deleted`), a value and a stamp `_v[f] ?? _h`. A field that is mentioned nowhere has no value
 * and the stamp `_h`: a creation writes every field, the ones it leaves empty included.
 *
 * Merge (the rule, also in docs/decisions.md "Sync"):
 * - `_h` of the result is the larger of the two `_h`. (Both differ only when two laptops created
 *   the same key on their own — a setting or a photo, keyed by name or member id: the later
 *   creation then wins every field the earlier one wrote before it.)
 * - Each field takes the side with the greater stamp (string order; the node id ends the stamp and
 *   breaks ties between laptops). Equal stamps are the same write; should they ever carry different
 *   values (a corrupted or hand-made file), the greater canonical JSON of the value wins, so the
 *   result is still the same on every laptop.
 * - `deleted` is a field like any other. An edit never resurrects a deleted record: it stamps its
 *   own fields, not `deleted`; only an explicit restore (a stamped `deleted = 0`) does. Edits made
 *   to a deleted record are kept, so a restore shows the newest values.
 * - Fields this version does not know are merged the same way, kept with their stamps and
 *   exported again unchanged (sync.md "Schema changes").
 * The result is written canonically: `_v` holds only stamps different from `_h`, and an empty
 * value is a missing key. Merge is then a join (commutative, associative, idempotent), which the
 * property tests check directly.
 *
 * Conflicts: two writes of one field are concurrent when neither laptop had seen the other's
 * write — the local laptop's vector does not cover the incoming stamp and the file's source vector
 * (what its writer held at export) does not cover the local stamp. Concurrent writes with different
 * values are still decided by the rule above; the conflict only goes into the list the office
 * reviews. A write that one side had already seen is an ordinary, later edit — no conflict.
 */
import { maxHlc } from './hlc';
import { canonicalJson, isBusinessField } from './record';
import type { BundleRecord, VersionVector } from './bundleTypes';
import { covers } from './vectors';

/** A synced record as the merge sees it: envelope and fields, no derived `_` index fields. */
export type SyncRecord = BundleRecord['r'];

export type MergeOutcome = 'new' | 'updated' | 'deleted' | 'restored' | 'unchanged';

export interface MergedFieldChange {
  field: string;
  old: unknown;
  new: unknown;
  /** Stamps before and after (`oldStamp` is undefined for a new record). */
  oldStamp: string | undefined;
  newStamp: string;
}

export interface FieldConflict {
  field: string;
  localValue: unknown;
  localStamp: string;
  incomingValue: unknown;
  incomingStamp: string;
  /** Which side the last-writer-wins rule kept. */
  winner: 'local' | 'incoming';
}

export interface MergeResult {
  /** The merged record, canonical (see above). Equal to the local one when nothing changed. */
  record: SyncRecord;
  outcome: MergeOutcome;
  /** Fields whose value changed, old → new, `deleted` included. */
  changes: MergedFieldChange[];
  /** True when the stored record must be rewritten: a value or only a stamp changed. */
  changed: boolean;
  conflicts: FieldConflict[];
}

export interface MergeVectors {
  /** What the local laptop held before this import. */
  localVV: VersionVector;
  /** What the file's writer held when it exported (manifest `sourceVV`). */
  sourceVV: VersionVector;
}

/** The stamp of a field of a canonical or raw record. */
function stampOf(record: SyncRecord, field: string): string {
  return record._v[field] ?? record._h;
}

function valueOf(record: SyncRecord, field: string): unknown {
  const value = record[field];
  return value === null ? undefined : value;
}

/**
 * Value equality as the diff sees it (`sameValue` in record.ts: null, undefined and missing alike;
 * objects by content), without serializing: the merge compares every field of every record.
 */
export function sameCell(a: unknown, b: unknown): boolean {
  const emptyA = a === undefined || a === null;
  const emptyB = b === undefined || b === null;
  if (emptyA || emptyB) return emptyA && emptyB;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameInner(a[i] ?? null, other[i] ?? null)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of Object.keys(x)) if (x[key] !== undefined && !sameInner(x[key], y[key])) return false;
  for (const key of Object.keys(y)) if (y[key] !== undefined && x[key] === undefined) return false;
  return true;
}

/** Inside objects and arrays, as in canonical JSON: `null` is a value, a key with `undefined` is missing. */
function sameInner(a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return a === b;
  return sameCell(a, b);
}

/** Orders two different values written under the same stamp; any fixed total order will do. */
function valueRank(value: unknown): string {
  return canonicalJson(value ?? null);
}

/** Every field either record mentions: business keys, `deleted`, and stamped (maybe cleared) fields. */
function fieldsOf(records: readonly (SyncRecord | undefined)[]): string[] {
  const fields = new Set<string>(['deleted']);
  for (const record of records) {
    if (!record) continue;
    for (const key of Object.keys(record)) if (isBusinessField(key)) fields.add(key);
    for (const key of Object.keys(record._v)) if (isBusinessField(key)) fields.add(key);
  }
  return [...fields].sort();
}

/** Writes a record state canonically: `_v` only where the stamp differs from `_h`, no empty values. */
function build(id: string, h: string, cells: Map<string, { value: unknown; stamp: string }>): SyncRecord {
  const record: Record<string, unknown> = { id };
  const v: Record<string, string> = {};
  for (const [field, cell] of cells) {
    if (cell.value !== undefined && cell.value !== null) record[field] = cell.value;
    if (cell.stamp !== h) v[field] = cell.stamp;
  }
  record.deleted = record.deleted === 1 ? 1 : 0;
  record._h = h;
  record._v = v;
  return record as SyncRecord;
}

/** A record in canonical form (the form merges produce and digests hash). */
export function canonicalRecord(record: SyncRecord): SyncRecord {
  const cells = new Map<string, { value: unknown; stamp: string }>();
  for (const field of fieldsOf([record]))
    cells.set(field, { value: valueOf(record, field), stamp: stampOf(record, field) });
  return build(record.id, record._h, cells);
}

/** Strips derived `_` index fields and `_maxHlc` from a stored record: what travels in a file. */
export function toSyncRecord(stored: Record<string, unknown>): SyncRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key === '_h' || key === '_v' || !key.startsWith('_')) out[key] = value;
  }
  return out as SyncRecord;
}

export function mergeRecord(
  local: SyncRecord | undefined,
  incoming: SyncRecord,
  vectors?: MergeVectors,
): MergeResult {
  if (local && local.id !== incoming.id)
    throw new Error(`Merge of two different records: ${local.id}, ${incoming.id}`);
  const h = local ? maxHlc(local._h, incoming._h) : incoming._h;
  const cells = new Map<string, { value: unknown; stamp: string }>();
  const changes: MergedFieldChange[] = [];
  const conflicts: FieldConflict[] = [];
  // Whether the result differs from the local record: a value or a stamp taken from the file.
  let changed = local !== undefined && h !== local._h;
  for (const field of fieldsOf([local, incoming])) {
    const inValue = valueOf(incoming, field);
    const inStamp = stampOf(incoming, field);
    if (!local) {
      cells.set(field, { value: inValue, stamp: inStamp });
      if (inValue !== undefined && !(field === 'deleted' && inValue === 0))
        changes.push({ field, old: undefined, new: inValue, oldStamp: undefined, newStamp: inStamp });
      continue;
    }
    const localValue = valueOf(local, field);
    const localStamp = stampOf(local, field);
    const same = sameCell(inValue, localValue);
    let takeIncoming: boolean;
    if (inStamp !== localStamp) takeIncoming = inStamp > localStamp;
    else takeIncoming = !same && valueRank(inValue) > valueRank(localValue);
    const winner = takeIncoming
      ? { value: inValue, stamp: inStamp }
      : { value: localValue, stamp: localStamp };
    // A field both sides leave at their own creation default: the result's default (larger `_h`).
    if (winner.value === undefined && winner.stamp < h) winner.stamp = h;
    cells.set(field, winner);
    if (takeIncoming || winner.stamp !== localStamp) changed = true;
    if (takeIncoming && !same)
      changes.push({
        field,
        old: localValue,
        new: winner.value,
        oldStamp: localStamp,
        newStamp: winner.stamp,
      });
    if (
      vectors &&
      inStamp !== localStamp &&
      !same &&
      // A side holding the record has seen its creation, whatever its vector says.
      inStamp !== local._h &&
      localStamp !== incoming._h &&
      !covers(vectors.localVV, inStamp) &&
      !covers(vectors.sourceVV, localStamp)
    ) {
      conflicts.push({
        field,
        localValue,
        localStamp,
        incomingValue: inValue,
        incomingStamp: inStamp,
        winner: takeIncoming ? 'incoming' : 'local',
      });
    }
  }
  const record = build(incoming.id, h, cells);
  if (!local) return { record, outcome: 'new', changes, changed: true, conflicts };
  const wasDeleted = local.deleted === 1;
  const isDeleted = record.deleted === 1;
  const outcome: MergeOutcome =
    !wasDeleted && isDeleted
      ? 'deleted'
      : wasDeleted && !isDeleted
        ? 'restored'
        : changed
          ? 'updated'
          : 'unchanged';
  return { record, outcome, changes, changed, conflicts };
}
