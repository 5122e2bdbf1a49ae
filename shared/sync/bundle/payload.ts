/**
 * The payload inside the container: newline-delimited JSON, gzip-compressed before sealing (one or
 * more gzip members; the writer of format 2 puts the manifest line in a member of its own).
 *
 *   line 1:      the manifest (BundleManifest)
 *   lines 2..n:  one BundleRecord per line, organizations first
 *   last line:   the trailer (BundleTrailer): counts and the SHA-256 of every line before it — in
 *                format 2 the record lines first and the manifest line last (`linesHashOrder`),
 *                in format 1 in file order
 *
 * Writer and reader check lines with the same `PayloadChecker`, so the writer can never produce a
 * file the reader refuses.
 */
import '../../zodSetup';
import { z } from 'zod';
import type { BundleManifest, BundleRecord, BundleTrailer } from '../bundleTypes';
import { isValidHlc, isValidNodeId } from '../hlc';
import { BundleError } from './errors';
import { isBundleId } from './format';

/**
 * Format of the payload lines (manifest.formatVersion); the container has its own version.
 * 2: the trailer's hash takes the manifest line after the record lines, so a writer can hash and
 * compress the records in the one pass that also counts them (docs/sync-format.md). A reader of
 * this version opens formats 1 and 2.
 */
export const PAYLOAD_FORMAT_VERSION = 2;
/** The oldest payload format this reader opens. */
export const OLDEST_PAYLOAD_FORMAT = 1;

/**
 * Where the trailer's hash takes the manifest line: first (format 1, the lines in file order) or
 * after the record lines (format 2 and later).
 */
export function linesHashOrder(formatVersion: number): 'manifestFirst' | 'manifestLast' {
  return formatVersion <= 1 ? 'manifestFirst' : 'manifestLast';
}
/** The table whose records come first, so a reader meets parents before children. */
export const FIRST_TABLE = 'organizations';

const TABLE_NAME = /^[a-zA-Z][a-zA-Z0-9]{0,63}$/;
/**
 * An HLC stamp checked by shape alone (month, day and time in range), which is what a line check
 * needs at 300,000 records; the manifest's few stamps get the full `isValidHlc`.
 */
const STAMP_SHAPE =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z-[0-9A-F]{4}-[0-9a-f]{16}$/;
const hlc = z.string().refine(isValidHlc, 'dấu thời gian không hợp lệ');
const nodeId = z.string().refine(isValidNodeId, 'mã máy không hợp lệ');
const vector = z.record(nodeId, hlc);
const counts = z.record(z.string().regex(TABLE_NAME), z.int().min(0));

// Unknown keys are dropped: a manifest field added later must not make older readers refuse the file.
export const manifestSchema = z
  .object({
    formatVersion: z.int().min(1),
    appVersion: z.string().max(64),
    schemaVersion: z.int().min(0),
    minReaderSchema: z.int().min(0),
    datasetId: z.string().min(1).max(128),
    officeName: z.string().max(500),
    kind: z.enum(['full', 'delta']),
    bundleId: z.string().refine(isBundleId, 'mã tệp không hợp lệ'),
    sourceNodeId: nodeId,
    sourceDeviceName: z.string().max(200),
    exportedAt: z.iso.datetime({ offset: true }),
    hlcMin: hlc.nullable(),
    hlcMax: hlc.nullable(),
    baseVV: vector,
    sourceVV: vector,
    targetNodeId: nodeId.optional(),
    counts,
    dataDigest: z.string().max(128).optional(),
    backup: z
      .object({ reason: z.enum(['manual', 'beforeImport', 'beforeRestore']), note: z.string().max(500).optional() })
      .optional(),
  })
  .refine((m) => m.minReaderSchema <= m.schemaVersion, 'minReaderSchema lớn hơn schemaVersion')
  .refine((m) => (m.hlcMin === null) === (m.hlcMax === null) && (m.hlcMin === null || m.hlcMin <= m.hlcMax!), 'hlcMin/hlcMax');

const trailerSchema = z.strictObject({ counts, sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** Why a record line is malformed, or null when it is well formed. */
export function recordProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return 'not an object';
  const keys = Object.keys(value);
  if (keys.length !== 2 || typeof value.t !== 'string' || !isPlainObject(value.r)) return 'not {t, r}';
  if (!TABLE_NAME.test(value.t)) return 'table name';
  const r = value.r;
  if (typeof r.id !== 'string' || r.id.length === 0 || r.id.length > 200) return 'id';
  if (r.deleted !== 0 && r.deleted !== 1) return 'deleted flag';
  if (typeof r._h !== 'string' || !STAMP_SHAPE.test(r._h)) return 'creation stamp';
  if (!isPlainObject(r._v)) return 'field stamps';
  for (const [field, stamp] of Object.entries(r._v)) {
    if (field === 'id' || field.startsWith('_') || typeof stamp !== 'string' || !STAMP_SHAPE.test(stamp)) return `stamp of ${field}`;
  }
  for (const key of Object.keys(r)) {
    if (key.startsWith('_') && key !== '_h' && key !== '_v') return `derived field ${key}`;
  }
  return null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A record as it travels: the stored record without derived `_` fields (`_maxHlc`, index helpers),
 * which the receiving laptop recomputes. Copies only when there is something to drop.
 */
export function travellingRecord(record: BundleRecord): BundleRecord {
  const r = record.r;
  let derived = false;
  for (const key in r) {
    if (key.startsWith('_') && key !== '_h' && key !== '_v') {
      derived = true;
      break;
    }
  }
  if (!derived) return { t: record.t, r };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(r)) {
    if (!key.startsWith('_') || key === '_h' || key === '_v') out[key] = value;
  }
  return { t: record.t, r: out as BundleRecord['r'] };
}

/**
 * Checks record lines in order: well formed, organizations first, no record twice, every stamp
 * inside the manifest's range. Throws `BundleError('damaged')`; the writer turns that into a
 * programming error.
 */
export class PayloadChecker {
  readonly counts: Record<string, number> = {};
  private readonly seen = new Map<string, Set<string>>();
  private pastFirstTable = false;
  stampMin: string | null = null;
  stampMax: string | null = null;
  records = 0;

  add(value: unknown): BundleRecord {
    const problem = recordProblem(value);
    if (problem) throw new BundleError('damaged', `record ${this.records + 1}: ${problem}`);
    const record = value as BundleRecord;
    if (record.t === FIRST_TABLE) {
      if (this.pastFirstTable) throw new BundleError('damaged', `record ${this.records + 1}: organization after other tables`);
    } else this.pastFirstTable = true;
    let ids = this.seen.get(record.t);
    if (!ids) this.seen.set(record.t, (ids = new Set()));
    if (ids.has(record.r.id)) throw new BundleError('damaged', `record ${this.records + 1}: ${record.t} ${record.r.id} twice`);
    ids.add(record.r.id);
    this.counts[record.t] = (this.counts[record.t] ?? 0) + 1;
    this.records += 1;
    this.observe(record.r._h);
    for (const stamp of Object.values(record.r._v)) this.observe(stamp);
    return record;
  }

  private observe(stamp: string): void {
    if (this.stampMin === null || stamp < this.stampMin) this.stampMin = stamp;
    if (this.stampMax === null || stamp > this.stampMax) this.stampMax = stamp;
  }

  /** Every stamp lies within [hlcMin, hlcMax]. */
  withinRange(manifest: Pick<BundleManifest, 'hlcMin' | 'hlcMax'>): boolean {
    if (this.stampMin === null || this.stampMax === null) return true;
    return manifest.hlcMin !== null && manifest.hlcMax !== null && manifest.hlcMin <= this.stampMin && this.stampMax <= manifest.hlcMax;
  }
}

/** Per-table counts are equal, a missing table counting as zero. */
export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if ((a[table] ?? 0) !== (b[table] ?? 0)) return false;
  }
  return true;
}

/**
 * Reads the manifest line. The format and reader schema are checked before the shape, because a
 * newer manifest may have a shape this version does not know.
 */
export function parseManifest(
  value: unknown,
  maxFormat: number,
  maxSchema: number,
  purpose: 'sync' | 'backup' = 'sync',
): BundleManifest {
  if (!isPlainObject(value)) throw new BundleError('damaged', 'manifest is not an object');
  const { formatVersion, minReaderSchema } = value;
  if (typeof formatVersion === 'number' && formatVersion > maxFormat)
    throw new BundleError('newerFormat', `payload format ${formatVersion}`);
  if (typeof minReaderSchema === 'number' && minReaderSchema > maxSchema)
    throw new BundleError('newerSchema', `minReaderSchema ${minReaderSchema} > ${maxSchema}`);
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new BundleError('damaged', `manifest: ${parsed.error.message}`);
  if (purpose === 'sync' && parsed.data.backup) throw new BundleError('isBackup');
  if (purpose === 'backup' && !parsed.data.backup) throw new BundleError('notBackup');
  return parsed.data;
}

export function parseTrailer(value: unknown): BundleTrailer {
  const parsed = trailerSchema.safeParse(value);
  if (!parsed.success) throw new BundleError('damaged', `trailer: ${parsed.error.message}`);
  return parsed.data;
}
