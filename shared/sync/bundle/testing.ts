/** Test helpers for the codec: realistic records from the demo ward, a manifest, cheap key parameters. */
import { gzipSync } from 'fflate';
import { generateDemoWard } from '../../demo/generator';
import type { BundleRecord } from '../bundleTypes';
import { formatHlc } from '../hlc';
import { concatBytes, toBase64, toHex, utf8 } from './bytes';
import {
  CHUNK_FRAME_BYTES,
  chunkAad,
  chunkFrame,
  chunkNonce,
  CIPHER_SUITE,
  DEFAULT_CHUNK_SIZE,
  deriveContentKey,
  encodePreamble,
  MAGIC,
  NONCE_PREFIX_BYTES,
  parsePreamble,
  sha256,
  type BundleHeader,
} from './format';
import { setUpOfficeKey, type KdfParams, type NewOfficeKey } from './keys';
import type { ManifestInput } from './writer';

/** Argon2id at a cost a test can pay hundreds of times (the real defaults have their own test). */
export const TEST_KDF: KdfParams = { kind: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 };
export const PASSPHRASE = 'Chi bộ họp ngày mùng 5 hằng tháng';
export const NODE_A = '1a2b3c4d5e6f7a8b';
export const NODE_B = '0f0e0d0c0b0a0908';
export const DATASET_ID = '6f1d7a0e-3c55-4c8e-9a51-2b8a7f0c9d11';
export const SCHEMA = 1;

const BASE_MILLIS = Date.parse('2025-07-15T08:30:00.000Z');

/**
 * The demo ward as sync records: organizations first, then members, then events. Every record gets
 * a creation stamp; every seventh member has a later edit of two fields and every hundredth
 * member is a tombstone, as a real register would carry.
 */
export function demoRecords(memberCount: number, seed: number | string = 7): BundleRecord[] {
  const ward = generateDemoWard({ seed, memberCount });
  let tick = 0;
  const stamp = (): string => formatHlc({ millis: BASE_MILLIS + Math.floor(tick / 3), counter: tick++ % 3, node: NODE_A });
  const records: BundleRecord[] = [];
  for (const org of ward.organizations)
    records.push({ t: 'organizations', r: { ...org, deleted: 0, _h: stamp(), _v: {} } });
  ward.members.forEach((member, i) => {
    const r: BundleRecord['r'] = { ...member, deleted: 0, _h: stamp(), _v: {} };
    if (i % 7 === 3) {
      const later = stamp();
      r._v = { phone: later, workplace: later };
    }
    if (i % 100 === 50) {
      r.deleted = 1;
      r._v = { ...r._v, deleted: stamp() };
    }
    records.push({ t: 'members', r });
  });
  for (const event of ward.events) records.push({ t: 'memberEvents', r: { ...event, deleted: 0, _h: stamp(), _v: {} } });
  return records;
}

export function testManifest(overrides: Partial<ManifestInput> = {}): ManifestInput {
  return {
    appVersion: '0.1.0',
    schemaVersion: SCHEMA,
    minReaderSchema: SCHEMA,
    datasetId: DATASET_ID,
    officeName: 'Đảng bộ phường Phúc Lợi',
    kind: 'full',
    sourceNodeId: NODE_A,
    sourceDeviceName: 'Máy Văn phòng 1',
    exportedAt: '2025-07-15T09:00:00.000Z',
    baseVV: {},
    sourceVV: { [NODE_A]: formatHlc({ millis: BASE_MILLIS + 10_000_000, counter: 0, node: NODE_A }) },
    ...overrides,
  };
}

let cachedKey: Promise<NewOfficeKey> | undefined;
/** One office key shared by a test file (Argon2 at test cost). */
export function testOfficeKey(): Promise<NewOfficeKey> {
  cachedKey ??= setUpOfficeKey(PASSPHRASE, TEST_KDF);
  return cachedKey;
}

export function joinParts(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  return concatBytes(parts);
}

export interface ForgeOptions {
  key: NewOfficeKey;
  /** Payload lines without their newline (each gets one), or raw plaintext bytes to seal as is. */
  payload: string[] | Uint8Array;
  bundleId?: string;
  chunkSize?: number;
  /** Cleartext header fields to override (e.g. a newer suite). */
  header?: Partial<BundleHeader>;
  /** Container version written in the preamble (the checksum is computed over it). */
  version?: number;
}

/**
 * Seals an arbitrary payload with the real key: what a writer with a bug, or someone holding the
 * key, could produce. Lets the tests reach the checks behind the encryption (trailer, counts, lines).
 */
export async function forgeBundle(options: ForgeOptions): Promise<Uint8Array<ArrayBuffer>> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const bundleId = options.bundleId ?? crypto.randomUUID();
  const plaintext = Array.isArray(options.payload)
    ? gzipSync(utf8.encode(options.payload.map((line) => `${line}\n`).join('')))
    : options.payload;
  const noncePrefix = crypto.getRandomValues(new Uint8Array(NONCE_PREFIX_BYTES));
  const header: BundleHeader = {
    suite: CIPHER_SUITE,
    keyId: options.key.keyId,
    bundleId,
    noncePrefix: toBase64(noncePrefix),
    chunkSize,
    officeKey: options.key.wrapped,
    ...options.header,
  };
  const encoded = await encodePreamble(header);
  let preamble = encoded.bytes;
  let headerHash = encoded.headerHash;
  if (options.version !== undefined) {
    preamble = preamble.slice();
    new DataView(preamble.buffer).setUint16(MAGIC.length, options.version);
    headerHash = await sha256(preamble.subarray(0, preamble.length - 32));
    preamble.set(headerHash, preamble.length - 32);
  }
  const contentKey = await deriveContentKey(options.key.officeKey, bundleId);
  const parts: Uint8Array[] = [preamble];
  const count = Math.max(1, Math.ceil(plaintext.length / chunkSize));
  for (let i = 0; i < count; i += 1) {
    const final = i === count - 1;
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: chunkNonce(noncePrefix, i), additionalData: chunkAad(headerHash, i, final) },
        contentKey,
        plaintext.slice(i * chunkSize, (i + 1) * chunkSize),
      ),
    );
    parts.push(chunkFrame(sealed.length), sealed);
  }
  return concatBytes(parts);
}

/** A manifest line as the writer would make it, for forged payloads. */
export function manifestLine(bundleId: string, overrides: Record<string, unknown> = {}): string {
  const input = testManifest();
  return JSON.stringify({ ...input, formatVersion: 1, bundleId, counts: {}, hlcMin: null, hlcMax: null, ...overrides });
}

/**
 * Hex SHA-256 of the given lines (manifest first), each followed by a newline: the trailer's hash
 * as payload format `formatVersion` takes it (format 1 in file order, format 2 the manifest last).
 */
export async function linesHash(lines: string[], formatVersion = 1): Promise<string> {
  const ordered = formatVersion >= 2 && lines.length > 0 ? [...lines.slice(1), lines[0]!] : lines;
  return toHex(await sha256(utf8.encode(ordered.map((line) => `${line}\n`).join(''))));
}

/** gzip members, one per group of lines (each line gets its newline), joined: a multi-member payload. */
export function gzipMembers(...groups: string[][]): Uint8Array<ArrayBuffer> {
  return concatBytes(groups.map((lines) => gzipSync(utf8.encode(lines.map((line) => `${line}\n`).join('')))));
}

/**
 * The payload of a file (every chunk opened and joined): the gzip bytes the writer sealed. For tests
 * that look behind the encryption; it checks nothing a reader checks.
 */
export async function openPayload(file: Uint8Array, officeKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const { header, headerHash, noncePrefix, end } = await parsePreamble(file);
  const contentKey = await deriveContentKey(officeKey, header.bundleId);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const plain: Uint8Array[] = [];
  for (let at = end, i = 0; at < file.length; i += 1) {
    const length = view.getUint32(at);
    const body = at + CHUNK_FRAME_BYTES;
    at = body + length;
    const final = at === file.length;
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: chunkNonce(noncePrefix, i), additionalData: chunkAad(headerHash, i, final) },
      contentKey,
      file.slice(body, at),
    );
    plain.push(new Uint8Array(opened));
  }
  return concatBytes(plain);
}
