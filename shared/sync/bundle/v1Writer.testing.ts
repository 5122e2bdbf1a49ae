/**
 * The writer of payload format 1, as the release before format 2 shipped it (shared/sync/bundle/
 * writer.ts at that commit, kept unchanged but for its name and these lines): one gzip stream, the
 * manifest first, the trailer's SHA-256 over every line in file order. Tests write "a file from the
 * previous version" with it, to prove the reader still opens such files and still refuses them
 * damaged. Not used by the app.
 */
import { Gzip } from 'fflate';
import { createSHA256 } from 'hash-wasm';
import type { BundleManifest, BundleRecord } from '../bundleTypes';
import { concatBytes, randomBytes, toBase64, utf8 } from './bytes';
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
import { manifestSchema, PayloadChecker, sameCounts, travellingRecord } from './payload';
import type { BundleProgress, ManifestInput, WrittenBundle } from './writer';

/** The payload format this writer writes. */
const PAYLOAD_FORMAT_VERSION = 1;

export interface WriteBundleV1Options {
  officeKey: CryptoKey;
  keyId: string;
  wrapped: WrappedOfficeKey;
  manifest: ManifestInput;
  /** Organizations first, then the other tables. */
  records: Iterable<BundleRecord> | AsyncIterable<BundleRecord>;
  onProgress?: (progress: BundleProgress) => void;
  /** Plaintext bytes per chunk (default 1 MiB); tests use small chunks to get many. */
  chunkSize?: number;
  /**
   * gzip level for fflate. Left out, the platform's own gzip (`CompressionStream`, zlib's default
   * level 6) compresses where it exists — Chromium, Electron, Node — about three times faster than
   * fflate and a few percent smaller; fflate at level 6 elsewhere. Either way the file is one gzip
   * stream that every reader opens alike.
   */
  gzipLevel?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/** Lines are gathered to about this many characters before one encode + gzip push. */
const BATCH_CHARS = 64 * 1024;

export async function writeBundleV1(options: WriteBundleV1Options): Promise<WrittenBundle> {
  const { officeKey, keyId, wrapped } = options;
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

  const manifest = resolveManifest(options.manifest, options.records);
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const header: BundleHeader = {
    suite: CIPHER_SUITE,
    keyId,
    bundleId: manifest.bundleId,
    noncePrefix: toBase64(noncePrefix),
    chunkSize,
    officeKey: wrapped,
  };
  const { bytes: preambleBytes, headerHash } = await encodePreamble(header);
  const contentKey = await deriveContentKey(officeKey, manifest.bundleId);

  const parts: Uint8Array<ArrayBuffer>[] = [preambleBytes];
  let byteLength = preambleBytes.length;
  let chunkIndex = 0;
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const checker = new PayloadChecker();
  const totalRecords = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);

  const seal = async (plaintext: Uint8Array<ArrayBuffer>, final: boolean): Promise<void> => {
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: chunkNonce(noncePrefix, chunkIndex), additionalData: chunkAad(headerHash, chunkIndex, final) },
        contentKey,
        plaintext,
      ),
    );
    parts.push(chunkFrame(sealed.length), sealed);
    byteLength += 8 + sealed.length;
    chunkIndex += 1;
    options.onProgress?.({ records: checker.records, totalRecords, bytes: byteLength });
  };
  const takeChunk = (): Uint8Array<ArrayBuffer> => {
    const all = concatBytes(pending);
    pending.length = 0;
    const chunk = all.slice(0, chunkSize);
    const rest = all.subarray(chunkSize);
    pendingBytes = rest.length;
    if (rest.length > 0) pending.push(rest);
    return chunk;
  };
  // A full chunk is sealed only once more bytes follow it, so the final chunk is never empty.
  const drain = async (): Promise<void> => {
    while (pendingBytes > chunkSize) await seal(takeChunk(), false);
  };

  const gzip = compressor(options.gzipLevel, (data) => {
    pending.push(data);
    pendingBytes += data.length;
  });
  const hasher = await createSHA256();
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const bytes = utf8.encode(batch.join(''));
    batch = [];
    batchChars = 0;
    hasher.update(bytes);
    await gzip.push(bytes);
    await drain();
  };
  /** Adds a line to the batch; true when the batch is full and should be flushed. */
  const addLine = (line: string): boolean => {
    batch.push(line, '\n');
    batchChars += line.length + 1;
    return batchChars >= BATCH_CHARS;
  };
  const addRecord = (record: BundleRecord): boolean => {
    const travelling = travellingRecord(record);
    try {
      checker.add(travelling);
    } catch (error) {
      if (isBundleError(error)) throw new Error(`writeBundle: ${error.detail ?? error.message}`, { cause: error });
      throw error;
    }
    return addLine(JSON.stringify(travelling));
  };

  addLine(JSON.stringify(manifest));
  const { records } = options;
  // A plain loop for arrays and generators: `for await` would cost a promise per record.
  if (Symbol.iterator in records) {
    for (const record of records) if (addRecord(record)) await flush();
  } else {
    for await (const record of records) if (addRecord(record)) await flush();
  }
  if (!sameCounts(checker.counts, manifest.counts))
    throw new Error(`writeBundle: manifest counts ${JSON.stringify(manifest.counts)} differ from the records ${JSON.stringify(checker.counts)}`);
  if (!checker.withinRange(manifest))
    throw new Error(`writeBundle: stamps ${checker.stampMin}…${checker.stampMax} lie outside the manifest's hlcMin…hlcMax`);
  await flush();
  const trailer = { counts: manifest.counts, sha256: hasher.digest('hex') };
  await gzip.finish(utf8.encode(`${JSON.stringify(trailer)}\n`));
  await drain();
  await seal(takeChunk(), true);
  return { parts, byteLength, header, manifest };
}

/** gzip as the writer uses it: bytes in, compressed bytes out through `onData`, in order. */
interface Compressor {
  push(bytes: Uint8Array): Promise<void>;
  /** The last bytes; resolves once every compressed byte went to `onData`. */
  finish(last: Uint8Array): Promise<void>;
}

function compressor(level: WriteBundleV1Options['gzipLevel'], onData: (data: Uint8Array) => void): Compressor {
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
  };
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
  };
}

function resolveManifest(input: ManifestInput, records: WriteBundleV1Options['records']): BundleManifest {
  let { counts, hlcMin, hlcMax } = input;
  if (Array.isArray(records) && (counts === undefined || hlcMin === undefined || hlcMax === undefined)) {
    // A quick count; the write loop checks every record in full and compares with these.
    const found: Record<string, number> = {};
    let min: string | null = null;
    let max: string | null = null;
    for (const { t, r } of records as BundleRecord[]) {
      found[t] = (found[t] ?? 0) + 1;
      for (const stamp of [r._h, ...Object.values(r._v ?? {})]) {
        if (min === null || stamp < min) min = stamp;
        if (max === null || stamp > max) max = stamp;
      }
    }
    counts ??= found;
    if (hlcMin === undefined) hlcMin = min;
    if (hlcMax === undefined) hlcMax = max;
  }
  if (counts === undefined || hlcMin === undefined || hlcMax === undefined)
    throw new Error('writeBundle: a stream of records needs counts, hlcMin and hlcMax in the manifest');
  const bundleId = input.bundleId ?? crypto.randomUUID();
  if (!isBundleId(bundleId)) throw new Error(`writeBundle: bundleId must be a lower-case UUID, got ${bundleId}`);
  const manifest = { ...input, formatVersion: PAYLOAD_FORMAT_VERSION, bundleId, counts, hlcMin, hlcMax };
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) {
    // A stamp range taken from malformed records: name the record rather than the manifest.
    if (Array.isArray(records)) checkAll(records as BundleRecord[]);
    throw new Error(`writeBundle: invalid manifest: ${parsed.error.message}`);
  }
  return parsed.data;
}

function checkAll(records: readonly BundleRecord[]): void {
  const checker = new PayloadChecker();
  try {
    for (const record of records) checker.add(travellingRecord(record));
  } catch (error) {
    if (isBundleError(error)) throw new Error(`writeBundle: ${error.detail ?? error.message}`, { cause: error });
    throw error;
  }
}
