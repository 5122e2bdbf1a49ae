/**
 * The binary container of a `.qldv` file (docs/sync-format.md has the byte layout).
 *
 *   preamble: magic(8) | u16 version | u32 H | u32 ~H | header JSON (H bytes) | SHA-256 of all before (32)
 *   chunk i:  u32 L | u32 ~L | AES-256-GCM(content key, nonce_i, aad_i, plaintext_i) (L bytes, tag included)
 *
 * The preamble layout is frozen for every container version, so a reader can tell a newer file
 * (checksum fine, version higher) from a damaged one. Lengths are stored twice (value and its
 * complement) so a flipped bit in a length reads as damage, not as a short file.
 */
import '../../zodSetup';
import { z } from 'zod';
import { asBufferSource, concatBytes, fromBase64, fromHex, utf8 } from './bytes';
import { BundleError } from './errors';
import type { WrappedOfficeKey } from './keys';

/** "\x89QLDV\r\n\x1a": a non-ASCII first byte and a CR LF pair catch text-mode copies (as PNG does). */
export const MAGIC = Uint8Array.of(0x89, 0x51, 0x4c, 0x44, 0x56, 0x0d, 0x0a, 0x1a);
export const CONTAINER_VERSION = 1;
export const CIPHER_SUITE = 'A256GCM-HKDF-SHA256-STREAM';
export const DEFAULT_CHUNK_SIZE = 1 << 20;
export const MIN_CHUNK_SIZE = 1 << 10;
export const MAX_CHUNK_SIZE = 1 << 24;
export const TAG_BYTES = 16;
export const NONCE_PREFIX_BYTES = 8;
const FIXED_PREAMBLE_BYTES = MAGIC.length + 2 + 4 + 4;
const HEADER_HASH_BYTES = 32;
export const CHUNK_FRAME_BYTES = 8;
const MAX_HEADER_BYTES = 64 * 1024;

/** The cleartext header: how to open the file, and nothing about what is in it. */
export interface BundleHeader {
  suite: string;
  /** Key id of the office key the content key derives from. */
  keyId: string;
  /** Random UUID of this file; salts its content key. */
  bundleId: string;
  /** Base64 of the 8 random bytes that start every chunk nonce. */
  noncePrefix: string;
  /** Plaintext bytes per chunk; every chunk but the last is exactly this long. */
  chunkSize: number;
  /**
   * The office key wrapped under the passphrase, so a new laptop can join from any file. `readBundle`
   * checks only its key id; `peekHeader` and `unlockOfficeKey` check all of it.
   */
  officeKey: WrappedOfficeKey;
}

export interface ParsedPreamble {
  header: BundleHeader;
  /** SHA-256 of the preamble before the hash: bound into every chunk's additional data. */
  headerHash: Uint8Array<ArrayBuffer>;
  noncePrefix: Uint8Array<ArrayBuffer>;
  /** Offset of the first chunk. */
  end: number;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isBundleId(value: string): boolean {
  return UUID_PATTERN.test(value);
}

// Unknown keys are dropped: a later version may add header fields without a new container version.
const headerSchema = z.object({
  suite: z.string(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  bundleId: z.string().regex(UUID_PATTERN),
  noncePrefix: z.string(),
  chunkSize: z.int().min(MIN_CHUNK_SIZE).max(MAX_CHUNK_SIZE),
  officeKey: z.object({ keyId: z.string() }).loose(),
});

function writeU32(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, value >>> 0);
}

/** Frame of one sealed chunk: its length twice (value, complement). */
export function chunkFrame(length: number): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(CHUNK_FRAME_BYTES);
  const view = new DataView(frame.buffer);
  writeU32(view, 0, length);
  writeU32(view, 4, ~length);
  return frame;
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', asBufferSource(bytes)));
}

export async function encodePreamble(header: BundleHeader): Promise<{ bytes: Uint8Array<ArrayBuffer>; headerHash: Uint8Array<ArrayBuffer> }> {
  const json = utf8.encode(JSON.stringify(header));
  const fixed = new Uint8Array(FIXED_PREAMBLE_BYTES);
  fixed.set(MAGIC, 0);
  const view = new DataView(fixed.buffer);
  view.setUint16(MAGIC.length, CONTAINER_VERSION);
  writeU32(view, MAGIC.length + 2, json.length);
  writeU32(view, MAGIC.length + 6, ~json.length);
  const hashed = concatBytes([fixed, json]);
  const headerHash = await sha256(hashed);
  return { bytes: concatBytes([hashed, headerHash]), headerHash };
}

/** Reads and checks the preamble; refuses with the precise reason. */
export async function parsePreamble(bytes: Uint8Array): Promise<ParsedPreamble> {
  if (bytes.length === 0) throw new BundleError('empty');
  const magicLength = Math.min(bytes.length, MAGIC.length);
  for (let i = 0; i < magicLength; i += 1) {
    if (bytes[i] !== MAGIC[i]) throw new BundleError('notSyncFile', 'magic bytes differ');
  }
  if (bytes.length < FIXED_PREAMBLE_BYTES) throw new BundleError('truncated', 'file ends inside the preamble');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(MAGIC.length);
  const headerLength = view.getUint32(MAGIC.length + 2);
  if (view.getUint32(MAGIC.length + 6) !== (~headerLength >>> 0) || headerLength > MAX_HEADER_BYTES)
    throw new BundleError('damaged', 'header length check failed');
  const hashedEnd = FIXED_PREAMBLE_BYTES + headerLength;
  const end = hashedEnd + HEADER_HASH_BYTES;
  if (bytes.length < end) throw new BundleError('truncated', 'file ends inside the header');
  const headerHash = await sha256(bytes.subarray(0, hashedEnd));
  const stored = bytes.subarray(hashedEnd, end);
  for (let i = 0; i < HEADER_HASH_BYTES; i += 1) {
    if (stored[i] !== headerHash[i]) throw new BundleError('damaged', 'header checksum differs');
  }
  if (version > CONTAINER_VERSION) throw new BundleError('newerFormat', `container version ${version}`);
  if (version !== CONTAINER_VERSION) throw new BundleError('damaged', `container version ${version}`);

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(FIXED_PREAMBLE_BYTES, hashedEnd)));
  } catch {
    throw new BundleError('damaged', 'header is not JSON');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new BundleError('damaged', `header: ${parsed.error.message}`);
  const header = parsed.data;
  if (header.suite !== CIPHER_SUITE) throw new BundleError('newerFormat', `cipher suite ${header.suite}`);
  // The wrapping itself is checked when it is used (`unlockOfficeKey`): a laptop that has the key
  // can read a file whose wrapping uses a key derivation it does not know yet.
  if (header.officeKey.keyId !== header.keyId) throw new BundleError('damaged', 'header key id differs from the wrapped key');
  const noncePrefix = fromBase64(header.noncePrefix);
  if (noncePrefix?.length !== NONCE_PREFIX_BYTES) throw new BundleError('damaged', 'nonce prefix');
  return { header: { ...header, officeKey: header.officeKey as unknown as WrappedOfficeKey }, headerHash, noncePrefix, end };
}

/** Nonce of chunk i: the random prefix, then the index (big-endian u32). */
export function chunkNonce(prefix: Uint8Array, index: number): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(NONCE_PREFIX_BYTES + 4);
  nonce.set(prefix, 0);
  new DataView(nonce.buffer).setUint32(NONCE_PREFIX_BYTES, index);
  return nonce;
}

/** Additional data of chunk i: the header hash, the index and whether it is the final chunk. */
export function chunkAad(headerHash: Uint8Array, index: number, final: boolean): Uint8Array<ArrayBuffer> {
  const aad = new Uint8Array(HEADER_HASH_BYTES + 5);
  aad.set(headerHash, 0);
  const view = new DataView(aad.buffer);
  view.setUint32(HEADER_HASH_BYTES, index);
  view.setUint8(HEADER_HASH_BYTES + 4, final ? 1 : 0);
  return aad;
}

/** The file's own key: HKDF-SHA256(office key, salt = the 16 bytes of the bundle id). */
export async function deriveContentKey(officeKey: CryptoKey, bundleId: string): Promise<CryptoKey> {
  const salt = fromHex(bundleId.replace(/-/g, ''));
  if (salt?.length !== 16) throw new RangeError(`Not a bundle id: ${bundleId}`);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8.encode(`qldv bundle v${CONTAINER_VERSION} content key`) },
    officeKey,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
