/**
 * Writes a `.qldv` file in one pass over the records (payload format 2): each record line is hashed
 * and gzip-compressed as it comes, into a buffer of compressed bytes (about an eighth of the text),
 * while the counts and the stamp range are taken. Once the last record is in, the manifest is
 * complete; the payload is then two gzip members, the manifest line alone, then the record lines and
 * the trailer, and it is sealed chunk by chunk. Neither the text of the lines nor the whole file
 * ever exists as one string. Returns the file as a list of parts to join into a Blob or write one
 * after another.
 */
import { Gzip, gzipSync } from 'fflate';
import { createSHA256 } from 'hash-wasm';
import type { BundleManifest, BundleRecord } from '../bundleTypes';
import { randomBytes, toBase64, utf8 } from './bytes';
import { isBundleError } from './errors';
import {
  chunkAad,
  chunkFrame,
  chunkNonce,
  CIPHER_SUITE,
  DEFAULT_CHUNK_SIZE,
  deriveContentKey,
  encodePreamble,
  isBundleId,
  MAX_CHUNK_SIZE,
  MIN_CHUNK_SIZE,
  NONCE_PREFIX_BYTES,
  type BundleHeader,
} from './format';
import { deriveKeyId, parseWrappedOfficeKey, type WrappedOfficeKey } from './keys';
import { manifestSchema, PAYLOAD_FORMAT_VERSION, PayloadChecker, sameCounts, travellingRecord } from './payload';

/**
 * The manifest as the exporter knows it. The writer sets `formatVersion`, makes a `bundleId` when
 * none is given, and fills `counts`, `hlcMin` and `hlcMax` from the records it wrote; when they are
 * given, it checks them against those records.
 */
export type ManifestInput = Omit<BundleManifest, 'formatVersion' | 'bundleId' | 'counts' | 'hlcMin' | 'hlcMax'> & {
  bundleId?: string;
  counts?: Record<string, number>;
  hlcMin?: string | null;
  hlcMax?: string | null;
};

/** Manifest fields known only once every record was read (the data digest taken while reading them). */
export type LateManifestFields = Partial<Omit<ManifestInput, 'bundleId'>>;

export interface BundleProgress {
  /** Records written or read so far. */
  records: number;
  /** Records in the file, when known. */
  totalRecords?: number;
  /** File bytes sealed (writer) or opened (reader) so far. */
  bytes: number;
  /** File size, when known (reader). */
  totalBytes?: number;
}

export interface WriteBundleOptions {
  officeKey: CryptoKey;
  keyId: string;
  wrapped: WrappedOfficeKey;
  manifest: ManifestInput;
  /** Organizations first, then the other tables. */
  records?: Iterable<BundleRecord> | AsyncIterable<BundleRecord>;
  /** The records in batches, instead of `records`: one await a batch rather than one a record. */
  batches?: AsyncIterable<readonly BundleRecord[]>;
  /**
   * Called once, after the last record: fields that complete `manifest` (they win over it). The
   * exporter reads the database once, so the digest of its data is known only then.
   */
  lateManifest?: () => LateManifestFields | Promise<LateManifestFields>;
  /** How many records are coming, for progress only (an array's length when left out). */
  expectedRecords?: number;
  onProgress?: (progress: BundleProgress) => void;
  /** Plaintext bytes per chunk (default 1 MiB); tests use small chunks to get many. */
  chunkSize?: number;
  /**
   * gzip level for fflate. Left out, the platform's own gzip (`CompressionStream`, zlib's default
   * level 6) compresses where it exists — Chromium, Electron, Node — about three times faster than
   * fflate and a few percent smaller; fflate at level 6 elsewhere. Either way the payload is the
   * same two gzip members, which every reader opens alike.
   */
  gzipLevel?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

export interface WrittenBundle {
  /** The file, in order. */
  parts: Uint8Array<ArrayBuffer>[];
  byteLength: number;
  header: BundleHeader;
  /** The manifest as written (inside the encrypted part). */
  manifest: BundleManifest;
}

/** Lines are gathered to about this many characters before one encode + hash + gzip push. */
const BATCH_CHARS = 64 * 1024;
/** Progress is reported during the pass at most once per this many records. */
const PROGRESS_RECORDS = 1000;
const EMPTY = new Uint8Array(0);

export async function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const { officeKey, keyId, wrapped, records, batches } = options;
  if ((records === undefined) === (batches === undefined)) throw new Error('writeBundle: give records or batches, not both');
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE)
    throw new RangeError(`chunkSize must be an integer in [${MIN_CHUNK_SIZE}, ${MAX_CHUNK_SIZE}]`);
  if (wrapped.keyId !== keyId || (await deriveKeyId(officeKey)) !== keyId)
    throw new Error('writeBundle: the office key, its key id and its wrapping do not belong together');
  // Every file carries the wrapping so a new laptop can join from it: it must be one we can open.
  try {
    parseWrappedOfficeKey(wrapped);
  } catch (error) {
    throw new Error(`writeBundle: the office key wrapping is not valid (${isBundleError(error) ? error.detail : String(error)})`, { cause: error });
  }
  const bundleId = options.manifest.bundleId ?? crypto.randomUUID();
  if (!isBundleId(bundleId)) throw new Error(`writeBundle: bundleId must be a lower-case UUID, got ${bundleId}`);
  // What can be checked before the pass is checked before it (a bad manifest should not cost a pass).
  if (!options.lateManifest) resolveManifest({ ...options.manifest, bundleId }, null);

  const checker = new PayloadChecker();
  const totalRecords =
    options.expectedRecords ?? (Array.isArray(records) ? records.length : undefined);
  const progress = (bytes: number): void =>
    options.onProgress?.({ records: checker.records, ...(totalRecords !== undefined ? { totalRecords } : {}), bytes });

  // The pass: record lines, hashed and compressed as they come (the second gzip member).
  const compressed: Uint8Array[] = [];
  let compressedBytes = 0;
  const gzip = compressor(options.gzipLevel, (data) => {
    compressed.push(data);
    compressedBytes += data.length;
  });
  const hasher = await createSHA256();
  let batch: string[] = [];
  let batchChars = 0;
  let reported = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const bytes = utf8.encode(batch.join(''));
    batch = [];
    batchChars = 0;
    hasher.update(bytes);
    await gzip.push(bytes);
    if (checker.records - reported >= PROGRESS_RECORDS) {
      reported = checker.records;
      progress(0); // nothing sealed yet
    }
  };
  /** Adds a record's line to the batch; true when the batch is full and should be flushed. */
  const addRecord = (record: BundleRecord): boolean => {
    const travelling = travellingRecord(record);
    try {
      checker.add(travelling);
    } catch (error) {
      if (isBundleError(error)) throw new Error(`writeBundle: ${error.detail ?? error.message}`, { cause: error });
      throw error;
    }
    const line = JSON.stringify(travelling);
    batch.push(line, '\n');
    batchChars += line.length + 1;
    return batchChars >= BATCH_CHARS;
  };
  try {
    // A plain loop for arrays and generators: `for await` would cost a promise per record.
    if (batches) {
      for await (const batch of batches) for (const record of batch) if (addRecord(record)) await flush();
    } else if (Symbol.iterator in records!) {
      for (const record of records) if (addRecord(record)) await flush();
    } else {
      for await (const record of records as AsyncIterable<BundleRecord>) if (addRecord(record)) await flush();
    }
    await flush();
  } catch (error) {
    gzip.abort();
    throw error;
  }

  // The manifest, now that every record is known; the hash of format 2 takes it after the records.
  let manifest: BundleManifest;
  try {
    const late = options.lateManifest ? await options.lateManifest() : {};
    manifest = resolveManifest({ ...options.manifest, ...late, bundleId }, checker);
  } catch (error) {
    gzip.abort();
    throw error;
  }
  const manifestLine = utf8.encode(`${JSON.stringify(manifest)}\n`);
  hasher.update(manifestLine);
  const trailer = { counts: manifest.counts, sha256: hasher.digest('hex') };
  await gzip.finish(utf8.encode(`${JSON.stringify(trailer)}\n`));
  const manifestMember = await gzipOnce(options.gzipLevel, manifestLine);

  // Sealing: the manifest's member, then the records' member, in chunks of `chunkSize`.
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const header: BundleHeader = {
    suite: CIPHER_SUITE,
    keyId,
    bundleId,
    noncePrefix: toBase64(noncePrefix),
    chunkSize,
    officeKey: wrapped,
  };
  const sealer = await Sealer.create(header, noncePrefix, officeKey, (bytes) => progress(bytes));
  const pieces = [manifestMember, ...compressed];
  compressed.length = 0;
  const payloadBytes = manifestMember.length + compressedBytes;
  let chunk = new Uint8Array(Math.min(chunkSize, payloadBytes));
  let filled = 0;
  let left = payloadBytes;
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    pieces[i] = EMPTY; // sealed pieces are let go as the sealed file grows
    let from = 0;
    while (from < piece.length) {
      const take = Math.min(piece.length - from, chunk.length - filled);
      chunk.set(piece.subarray(from, from + take), filled);
      filled += take;
      from += take;
      left -= take;
      if (filled === chunk.length) {
        // A full chunk is sealed as final only when nothing follows, so the final chunk is never empty.
        await sealer.seal(chunk, left === 0);
        if (left > 0) chunk = new Uint8Array(Math.min(chunkSize, left));
        filled = 0;
      }
    }
  }
  return { parts: sealer.parts, byteLength: sealer.byteLength, header, manifest };
}

/** Seals plaintext chunks in order after the preamble: the container of format.ts. */
class Sealer {
  readonly parts: Uint8Array<ArrayBuffer>[] = [];
  byteLength = 0;
  private index = 0;

  static async create(
    header: BundleHeader,
    noncePrefix: Uint8Array,
    officeKey: CryptoKey,
    onSealed: (bytes: number) => void,
  ): Promise<Sealer> {
    const { bytes, headerHash } = await encodePreamble(header);
    const contentKey = await deriveContentKey(officeKey, header.bundleId);
    return new Sealer(bytes, headerHash, contentKey, noncePrefix, onSealed);
  }

  private constructor(
    preamble: Uint8Array<ArrayBuffer>,
    private readonly headerHash: Uint8Array,
    private readonly contentKey: CryptoKey,
    private readonly noncePrefix: Uint8Array,
    private readonly onSealed: (bytes: number) => void,
  ) {
    this.parts.push(preamble);
    this.byteLength = preamble.length;
  }

  async seal(plaintext: Uint8Array<ArrayBuffer>, final: boolean): Promise<void> {
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: chunkNonce(this.noncePrefix, this.index), additionalData: chunkAad(this.headerHash, this.index, final) },
        this.contentKey,
        plaintext,
      ),
    );
    this.parts.push(chunkFrame(sealed.length), sealed);
    this.byteLength += 8 + sealed.length;
    this.index += 1;
    this.onSealed(this.byteLength);
  }
}

/** gzip as the writer uses it: bytes in, compressed bytes out through `onData`, in order. */
interface Compressor {
  push(bytes: Uint8Array): Promise<void>;
  /** The last bytes; resolves once every compressed byte went to `onData`. */
  finish(last: Uint8Array): Promise<void>;
  /** Stops after a failure, dropping what was not compressed yet. */
  abort(): void;
}

function compressor(level: WriteBundleOptions['gzipLevel'], onData: (data: Uint8Array) => void): Compressor {
  if (level === undefined && typeof CompressionStream !== 'undefined') return nativeGzip(onData);
  const gzip = new Gzip({ level: level ?? 6, mem: 8 }, (data) => onData(data));
  return {
    push: (bytes) => {
      gzip.push(bytes, false);
      return Promise.resolve();
    },
    finish: (last) => {
      gzip.push(last, true);
      return Promise.resolve();
    },
    abort: () => undefined,
  };
}

/** One gzip member of a few bytes (the manifest line), with the same gzip as the records. */
async function gzipOnce(level: WriteBundleOptions['gzipLevel'], bytes: Uint8Array): Promise<Uint8Array> {
  if (level !== undefined || typeof CompressionStream === 'undefined') return gzipSync(bytes, { level: level ?? 6, mem: 8 });
  const out: Uint8Array[] = [];
  await nativeGzip((data) => out.push(data)).finish(bytes);
  if (out.length === 1) return out[0]!;
  const joined = new Uint8Array(out.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of out) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * The platform's gzip. Its output arrives asynchronously: a reader loop hands it on while the
 * writer waits for each input block to be taken (the stream's backpressure bounds the memory).
 */
function nativeGzip(onData: (data: Uint8Array) => void): Compressor {
  const stream = new CompressionStream('gzip');
  const input = stream.writable.getWriter();
  const output = stream.readable.getReader();
  const pump = (async () => {
    for (;;) {
      const { done, value } = await output.read();
      if (done) return;
      onData(value);
    }
  })();
  // A failure surfaces through `push` or `finish`; never as an unhandled rejection meanwhile.
  pump.catch(() => undefined);
  return {
    push: (bytes) => input.write(bytes as Uint8Array<ArrayBuffer>),
    async finish(last) {
      await input.write(last as Uint8Array<ArrayBuffer>);
      await input.close();
      await pump;
    },
    abort() {
      input.abort().catch(() => undefined);
    },
  };
}

/**
 * The manifest to write: the exporter's fields, the format version, and the counts and stamp range
 * of the records written (`checker`; null before the pass, to check the rest early). Counts or a
 * range the exporter gave must agree with the records.
 */
function resolveManifest(input: ManifestInput & { bundleId: string }, checker: PayloadChecker | null): BundleManifest {
  const written = checker ?? new PayloadChecker();
  if (checker && input.counts !== undefined && !sameCounts(checker.counts, input.counts))
    throw new Error(`writeBundle: manifest counts ${JSON.stringify(input.counts)} differ from the records ${JSON.stringify(checker.counts)}`);
  // Before the pass a range is checked only when both ends are given.
  const early = checker === null && (input.hlcMin === undefined || input.hlcMax === undefined);
  const hlcMin = early ? null : input.hlcMin === undefined ? written.stampMin : input.hlcMin;
  const hlcMax = early ? null : input.hlcMax === undefined ? written.stampMax : input.hlcMax;
  if (checker && !checker.withinRange({ hlcMin, hlcMax }))
    throw new Error(`writeBundle: stamps ${checker.stampMin}…${checker.stampMax} lie outside the manifest's hlcMin…hlcMax`);
  const manifest = { ...input, formatVersion: PAYLOAD_FORMAT_VERSION, counts: input.counts ?? { ...written.counts }, hlcMin, hlcMax };
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) throw new Error(`writeBundle: invalid manifest: ${parsed.error.message}`);
  return parsed.data;
}
