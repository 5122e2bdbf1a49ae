/**
 * Reads a `.qldv` file and verifies everything before returning anything (sync.md guarantee 6):
 * magic, versions, header checksum, key id, every chunk tag in order with the final flag exactly
 * at the end, gunzip (one or more members, fflate's streaming Gunzip), the JSON of each line, the
 * manifest, every record's envelope, the trailer's hash (in the order of the manifest's format) and
 * counts against the lines and the manifest. Any failure is a `BundleError` whose code
 * says why; nothing of a refused file reaches the caller.
 *
 * Needs only the office key (or the passphrase, for a laptop that has no key yet).
 */
import { Gunzip } from 'fflate';
import { createSHA256, type IHasher } from 'hash-wasm';
import type { BundleManifest, BundleRecord, BundleTrailer } from '../bundleTypes';
import { concatBytes } from './bytes';
import { BundleError, isBundleError } from './errors';
import {
  CHUNK_FRAME_BYTES,
  chunkAad,
  chunkNonce,
  deriveContentKey,
  parsePreamble,
  TAG_BYTES,
  type BundleHeader,
} from './format';
import { deriveKeyId, parseWrappedOfficeKey, unlockOfficeKey, type OfficeKey } from './keys';
import { isPlainObject, linesHashOrder, PAYLOAD_FORMAT_VERSION, PayloadChecker, parseManifest, parseTrailer, sameCounts } from './payload';
import type { BundleProgress } from './writer';

export interface BundleUnlock {
  /** The office key this laptop keeps. */
  officeKey?: CryptoKey;
  /** Its key id (derived from the key when left out). */
  keyId?: string;
  /** The office passphrase, to open the key carried in the file (joining a new laptop). */
  wrappedKeyPassphrase?: string;
}

export interface ReadBundleOptions {
  /** The newest data schema this app knows: a file whose minReaderSchema is above it is refused. */
  maxSchema: number;
  /** The newest payload format this reader knows (default: this version's). */
  maxPayloadFormat?: number;
  /**
   * What the caller opens: a sync file (the default; a backup is refused as `isBackup`) or a backup
   * to restore (a sync file is refused as `notBackup`).
   */
  purpose?: 'sync' | 'backup';
  /** This laptop's dataset: a file of another dataset is refused as `otherOffice`. */
  expectedDatasetId?: string;
  /** Largest file accepted (default 1 GiB). */
  maxFileBytes?: number;
  /** Largest decompressed payload accepted (default 2 GiB), against decompression bombs. */
  maxPayloadBytes?: number;
  /** Largest single line accepted (default 16 MiB; a member photo is under 100 KB). */
  maxLineBytes?: number;
  onProgress?: (progress: BundleProgress) => void;
}

export interface ReadBundle {
  header: BundleHeader;
  manifest: BundleManifest;
  records: BundleRecord[];
  trailer: BundleTrailer;
  /** The office key opened with the passphrase, when the caller gave one (a joining laptop keeps it). */
  unlocked?: OfficeKey;
}

const DEFAULT_MAX_FILE_BYTES = 1 << 30;
const DEFAULT_MAX_PAYLOAD_BYTES = 2 ** 31;
const DEFAULT_MAX_LINE_BYTES = 16 << 20;
const NEWLINE = 0x0a;

/**
 * The cleartext header, without any key: which office key opens the file, and that key wrapped
 * (checked, so the "join the office" flow can go straight to the passphrase).
 */
export async function peekHeader(bytes: Uint8Array): Promise<BundleHeader> {
  const { header } = await parsePreamble(bytes);
  return { ...header, officeKey: parseWrappedOfficeKey(header.officeKey).wrapped };
}

export async function readBundle(bytes: Uint8Array, unlock: BundleUnlock, options: ReadBundleOptions): Promise<ReadBundle> {
  const { header, headerHash, noncePrefix, end } = await parsePreamble(bytes);
  if (bytes.length > (options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES))
    throw new BundleError('tooLarge', `file of ${bytes.length} bytes`);

  let officeKey: CryptoKey;
  let unlocked: OfficeKey | undefined;
  const localKeyId = unlock.officeKey ? (unlock.keyId ?? (await deriveKeyId(unlock.officeKey))) : undefined;
  if (unlock.officeKey && localKeyId === header.keyId) officeKey = unlock.officeKey;
  else if (unlock.wrappedKeyPassphrase !== undefined) {
    unlocked = await unlockOfficeKey(header.officeKey, unlock.wrappedKeyPassphrase);
    officeKey = unlocked.officeKey;
  } else if (unlock.officeKey) throw new BundleError('otherOffice', `key id ${header.keyId}, ours ${localKeyId}`);
  else throw new BundleError('needsPassphrase');

  const contentKey = await deriveContentKey(officeKey, header.bundleId);
  const payload = await PayloadReader.create(header, options);
  const sealedMax = header.chunkSize + TAG_BYTES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = end;
  let index = 0;
  for (;;) {
    if (offset === bytes.length) throw new BundleError('truncated', 'no chunk after the header');
    if (bytes.length - offset < CHUNK_FRAME_BYTES) throw new BundleError('truncated', `file ends inside frame ${index}`);
    const length = view.getUint32(offset);
    if (view.getUint32(offset + 4) !== (~length >>> 0) || length <= TAG_BYTES || length > sealedMax)
      throw new BundleError('damaged', `frame ${index} length check failed`);
    const start = offset + CHUNK_FRAME_BYTES;
    if (bytes.length - start < length) throw new BundleError('truncated', `file ends inside chunk ${index}`);
    offset = start + length;
    const final = offset === bytes.length;
    if (!final && length !== sealedMax) throw new BundleError('damaged', `short chunk ${index} before the end`);
    const sealed = bytes.subarray(start, offset) as Uint8Array<ArrayBuffer>;
    const open = (asFinal: boolean): Promise<ArrayBuffer> =>
      crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: chunkNonce(noncePrefix, index), additionalData: chunkAad(headerHash, index, asFinal) },
        contentKey,
        sealed,
      );
    let plaintext: Uint8Array;
    try {
      plaintext = new Uint8Array(await open(final));
    } catch {
      // A last chunk that opens as a middle chunk: the file was cut at a chunk boundary.
      if (final && (await open(false).then(() => true, () => false)))
        throw new BundleError('truncated', `chunk ${index} is not the final chunk`);
      throw new BundleError('damaged', `chunk ${index} failed its tag check`);
    }
    payload.push(plaintext, final);
    index += 1;
    options.onProgress?.({ records: payload.recordCount, bytes: offset, totalBytes: bytes.length });
    if (final) break;
  }
  const result = payload.finish();
  return unlocked ? { header, ...result, unlocked } : { header, ...result };
}

/** Gunzips the opened chunks, splits lines and checks each as it completes. */
class PayloadReader {
  private readonly gunzip: Gunzip;
  private readonly checker = new PayloadChecker();
  private readonly records: BundleRecord[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly maxPayloadBytes: number;
  private readonly maxLineBytes: number;
  private manifest: BundleManifest | undefined;
  private trailer: BundleTrailer | undefined;
  /** SHA-256 of every line before the trailer, taken when the trailer line arrives. */
  private linesDigest = '';
  /** The manifest line with its newline, when the hash takes it after the records (format 2). */
  private manifestLine: Uint8Array | null = null;
  /** Bytes of the line not yet ended, from earlier gunzip output. */
  private carry: Uint8Array[] = [];
  private carryBytes = 0;
  private payloadBytes = 0;
  private gunzipDone = false;

  static async create(header: BundleHeader, options: ReadBundleOptions): Promise<PayloadReader> {
    return new PayloadReader(header, options, await createSHA256());
  }

  private constructor(
    private readonly header: BundleHeader,
    private readonly options: ReadBundleOptions,
    private readonly hasher: IHasher,
  ) {
    this.maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.gunzip = new Gunzip((data, final) => {
      this.onData(data);
      if (final) this.gunzipDone = true;
    });
  }

  get recordCount(): number {
    return this.checker.records;
  }

  push(plaintext: Uint8Array, final: boolean): void {
    try {
      this.gunzip.push(plaintext, final);
    } catch (error) {
      if (isBundleError(error)) throw error;
      throw new BundleError('damaged', `gunzip: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Splits gunzip output into lines. The complete lines of one output block are decoded, and
   * hashed, in one piece; only a line that spans two blocks is put together on its own.
   */
  private onData(output: Uint8Array): void {
    this.payloadBytes += output.length;
    if (this.payloadBytes > this.maxPayloadBytes) throw new BundleError('tooLarge', `payload over ${this.maxPayloadBytes} bytes`);
    let data = output;
    if (!this.manifest) {
      // The first line on its own: its format says where the hash takes it.
      const end = data.indexOf(NEWLINE);
      if (end === -1) {
        this.carry.push(data.slice());
        this.carryBytes += data.length;
        if (this.carryBytes > this.maxLineBytes) throw new BundleError('tooLarge', `line over ${this.maxLineBytes} bytes`);
        return;
      }
      this.carry.push(data.subarray(0, end + 1));
      const line = concatBytes(this.carry);
      this.carry = [];
      this.carryBytes = 0;
      if (line.length > this.maxLineBytes) throw new BundleError('tooLarge', `line over ${this.maxLineBytes} bytes`);
      this.onManifestLine(line);
      data = data.subarray(end + 1);
    }
    let from = 0;
    const firstEnd = data.indexOf(NEWLINE);
    if (this.carryBytes > 0 && firstEnd !== -1) {
      this.carry.push(data.subarray(0, firstEnd + 1));
      const line = concatBytes(this.carry);
      this.carry = [];
      this.carryBytes = 0;
      if (line.length > this.maxLineBytes) throw new BundleError('tooLarge', `line over ${this.maxLineBytes} bytes`);
      if (this.onLine(this.decode(line).slice(0, -1))) this.takeDigest();
      else this.hasher.update(line);
      from = firstEnd + 1;
    }
    const lastEnd = data.lastIndexOf(NEWLINE);
    if (lastEnd >= from) {
      for (let start = from, end = data.indexOf(NEWLINE, from); end !== -1 && end <= lastEnd; start = end + 1, end = data.indexOf(NEWLINE, start)) {
        if (end + 1 - start > this.maxLineBytes) throw new BundleError('tooLarge', `line over ${this.maxLineBytes} bytes`);
      }
      const block = data.subarray(from, lastEnd + 1);
      const lines = this.decode(block).split('\n');
      lines.pop(); // after the last newline
      let trailerAt = -1;
      lines.forEach((line, i) => {
        if (this.onLine(line)) trailerAt = i;
      });
      if (trailerAt === -1) this.hasher.update(block);
      else {
        // The trailer is the block's last line (a line after it was refused): hash what precedes it.
        const trailerStart = lastEnd === from ? from : Math.max(from, data.lastIndexOf(NEWLINE, lastEnd - 1) + 1);
        this.hasher.update(data.subarray(from, trailerStart));
        this.takeDigest();
      }
      from = lastEnd + 1;
    }
    if (from < data.length) {
      // The output buffer may be reused by gunzip, so the unfinished line is copied.
      this.carry.push(data.slice(from));
      this.carryBytes += data.length - from;
      if (this.carryBytes > this.maxLineBytes) throw new BundleError('tooLarge', `line over ${this.maxLineBytes} bytes`);
    }
  }

  private takeDigest(): void {
    if (this.manifestLine) this.hasher.update(this.manifestLine);
    this.linesDigest = this.hasher.digest('hex');
  }

  /** The first line, with its newline: the manifest. */
  private onManifestLine(line: Uint8Array): void {
    const manifest = parseManifest(
      this.parse(this.decode(line).slice(0, -1)),
      this.options.maxPayloadFormat ?? PAYLOAD_FORMAT_VERSION,
      this.options.maxSchema,
      this.options.purpose,
    );
    if (manifest.bundleId !== this.header.bundleId) throw new BundleError('damaged', 'manifest bundle id differs from the header');
    if (this.options.expectedDatasetId !== undefined && manifest.datasetId !== this.options.expectedDatasetId)
      throw new BundleError('otherOffice', `dataset ${manifest.datasetId}`);
    this.manifest = manifest;
    if (linesHashOrder(manifest.formatVersion) === 'manifestFirst') this.hasher.update(line);
    else this.manifestLine = line;
  }

  /** One line after the manifest, without its newline. A record is `{t, r}`; the trailer `{counts, sha256}` must be last. True for the trailer. */
  private onLine(line: string): boolean {
    if (this.trailer) throw new BundleError('damaged', 'a line after the trailer');
    const value = this.parse(line);
    if (isPlainObject(value) && 'sha256' in value) {
      this.trailer = parseTrailer(value);
      return true;
    } else {
      this.records.push(this.checker.add(value));
    }
    return false;
  }

  private decode(bytes: Uint8Array): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw new BundleError('damaged', 'the payload is not UTF-8');
    }
  }

  private parse(line: string): unknown {
    try {
      return JSON.parse(line);
    } catch {
      throw new BundleError('damaged', 'a line is not JSON');
    }
  }

  finish(): { manifest: BundleManifest; records: BundleRecord[]; trailer: BundleTrailer } {
    const { manifest, trailer, checker } = this;
    if (!this.gunzipDone || this.carryBytes > 0) throw new BundleError('damaged', 'payload does not end with a complete line');
    if (!manifest || !trailer) throw new BundleError('damaged', 'no manifest or no trailer');
    if (trailer.sha256 !== this.linesDigest) throw new BundleError('damaged', 'trailer hash differs from the lines');
    if (!sameCounts(trailer.counts, checker.counts) || !sameCounts(manifest.counts, checker.counts))
      throw new BundleError('damaged', 'counts differ from the lines');
    if (!checker.withinRange(manifest)) throw new BundleError('damaged', 'a stamp lies outside hlcMin…hlcMax');
    return { manifest, records: this.records, trailer };
  }
}
