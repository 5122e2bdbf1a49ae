/**
 * The office key (sync.md "Keys"): 32 random bytes made when the office is set up, never stored in
 * clear. It is kept wrapped (AES-256-GCM) under a key derived from the office passphrase by
 * Argon2id, and used only as an HKDF base key (non-extractable), from which each sync file derives
 * its own content key. Joining a new laptop = unwrapping the key from any file with the passphrase.
 *
 * Changing the passphrase re-wraps the same 32 bytes, so the key id and every old file stay valid.
 */
import '../../zodSetup';
import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { canonicalJson } from '../record';
import { asBufferSource, fromBase64, randomBytes, toBase64, toHex, utf8 } from './bytes';
import { BundleError } from './errors';
import { checkNewPassphrase, checkPassphrase, normalizePassphrase } from './passphrase';

export type KdfParams =
  | { kind: 'argon2id'; memoryKiB: number; iterations: number; parallelism: number }
  | { kind: 'pbkdf2-sha256'; iterations: number };

/** RFC 9106's second recommendation, well above OWASP's minimum (19 MiB, t=2). ≈0.5 s on our laptops. */
export const DEFAULT_KDF: KdfParams = { kind: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 };
/** Fallback where WebAssembly is unavailable: WebCrypto PBKDF2 at OWASP's 2023 figure. */
export const FALLBACK_KDF: KdfParams = { kind: 'pbkdf2-sha256', iterations: 600_000 };

export const WRAPPED_KEY_VERSION = 1;
const OFFICE_KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** The office key as stored on a laptop and carried in every file header. No secret in it. */
export interface WrappedOfficeKey {
  version: number;
  kdf: KdfParams;
  /** Base64 of the 16-byte KDF salt. */
  salt: string;
  /** Base64 of the 12-byte AES-GCM nonce of the wrapping. */
  iv: string;
  /** Base64 of the wrapped 32 bytes plus the 16-byte tag. */
  ciphertext: string;
  /** The key id of the office key inside (also bound into the wrapping's additional data). */
  keyId: string;
}

export interface OfficeKey {
  /** HKDF base key; non-extractable, so it may be kept in IndexedDB without ever being readable. */
  officeKey: CryptoKey;
  /** 16 hex digits derived from the key (not secret): tells files of another office apart. */
  keyId: string;
}

export interface NewOfficeKey extends OfficeKey {
  wrapped: WrappedOfficeKey;
}

const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;

// Bounds that keep a crafted header from asking for gigabytes of memory or hours of work.
const kdfSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('argon2id'),
    memoryKiB: z.int().min(8).max(1_048_576),
    iterations: z.int().min(1).max(64),
    parallelism: z.int().min(1).max(16),
  }),
  z.strictObject({ kind: z.literal('pbkdf2-sha256'), iterations: z.int().min(1).max(10_000_000) }),
]);

const wrappedSchema = z.strictObject({
  version: z.int(),
  kdf: z.object({ kind: z.string() }).loose(),
  salt: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
  keyId: z.string().regex(KEY_ID_PATTERN),
});

interface ParsedWrapping {
  wrapped: WrappedOfficeKey;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/** Checks a wrapping read from storage or a file header; `damaged` or `newerFormat` otherwise. */
export function parseWrappedOfficeKey(value: unknown): ParsedWrapping {
  const shape = wrappedSchema.safeParse(value);
  if (!shape.success) throw new BundleError('damaged', `wrapped office key: ${shape.error.message}`);
  const w = shape.data;
  if (w.version > WRAPPED_KEY_VERSION) throw new BundleError('newerFormat', `wrapped key version ${w.version}`);
  if (w.version !== WRAPPED_KEY_VERSION) throw new BundleError('damaged', `wrapped key version ${w.version}`);
  if (w.kdf.kind !== 'argon2id' && w.kdf.kind !== 'pbkdf2-sha256')
    throw new BundleError('newerFormat', `unknown key derivation ${w.kdf.kind}`);
  const kdf = kdfSchema.safeParse(w.kdf);
  if (!kdf.success) throw new BundleError('damaged', `key derivation parameters: ${kdf.error.message}`);
  if (kdf.data.kind === 'argon2id' && kdf.data.memoryKiB < 8 * kdf.data.parallelism)
    throw new BundleError('damaged', 'argon2id memory below 8 KiB per lane');
  const salt = fromBase64(w.salt);
  const iv = fromBase64(w.iv);
  const ciphertext = fromBase64(w.ciphertext);
  if (salt?.length !== SALT_BYTES || iv?.length !== IV_BYTES || ciphertext?.length !== OFFICE_KEY_BYTES + 16)
    throw new BundleError('damaged', 'wrapped office key: bad salt, nonce or ciphertext length');
  return { wrapped: { ...w, kdf: kdf.data }, salt, iv, ciphertext };
}

function checkKdf(kdf: KdfParams): KdfParams {
  const parsed = kdfSchema.safeParse(kdf);
  if (!parsed.success) throw new RangeError(`Invalid key derivation parameters: ${parsed.error.message}`);
  return parsed.data;
}

async function deriveWrappingKey(passphrase: string, kdf: KdfParams, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const password = normalizePassphrase(passphrase);
  const usages: KeyUsage[] = ['encrypt', 'decrypt'];
  if (kdf.kind === 'argon2id') {
    const bytes = await argon2id({
      password,
      salt,
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
      memorySize: kdf.memoryKiB,
      hashLength: 32,
      outputType: 'binary',
    });
    const key = await crypto.subtle.importKey('raw', asBufferSource(bytes), 'AES-GCM', false, usages);
    bytes.fill(0);
    return key;
  }
  const base = await crypto.subtle.importKey('raw', utf8.encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: kdf.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    usages,
  );
}

/** The additional data of the wrapping: changing the KDF, salt or key id breaks the tag. */
function wrappingAad(kdf: KdfParams, salt: string, keyId: string): Uint8Array<ArrayBuffer> {
  return utf8.encode(`qldv office key v${WRAPPED_KEY_VERSION}\n${canonicalJson({ kdf, salt, keyId })}`);
}

async function importOfficeKey(raw: Uint8Array<ArrayBuffer>): Promise<OfficeKey> {
  const officeKey = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey', 'deriveBits']);
  return { officeKey, keyId: await deriveKeyId(officeKey) };
}

/** The key id of an office key: HKDF-SHA256(key, info "qldv key id"), 8 bytes in hex. */
export async function deriveKeyId(officeKey: CryptoKey): Promise<string> {
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8.encode('qldv key id') },
    officeKey,
    64,
  );
  return toHex(new Uint8Array(bits));
}

async function wrap(raw: Uint8Array<ArrayBuffer>, keyId: string, passphrase: string, kdf: KdfParams): Promise<WrappedOfficeKey> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const saltText = toBase64(salt);
  const wrappingKey = await deriveWrappingKey(passphrase, kdf, salt);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: wrappingAad(kdf, saltText, keyId) },
    wrappingKey,
    raw,
  );
  return {
    version: WRAPPED_KEY_VERSION,
    kdf,
    salt: saltText,
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(sealed)),
    keyId,
  };
}

/** The raw office key inside a wrapping. The caller must wipe it (`fill(0)`) when done. */
async function unwrapRaw(value: WrappedOfficeKey, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const { wrapped, salt, iv, ciphertext } = parseWrappedOfficeKey(value);
  // No passphrase the rules accept is empty (and Argon2 refuses an empty password).
  if (passphrase === '') throw new BundleError('wrongPassphrase', 'empty passphrase');
  const wrappingKey = await deriveWrappingKey(passphrase, wrapped.kdf, salt);
  try {
    const raw = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: wrappingAad(wrapped.kdf, wrapped.salt, wrapped.keyId) },
      wrappingKey,
      ciphertext,
    );
    return new Uint8Array(raw);
  } catch {
    // A wrong passphrase and an edited wrapping are indistinguishable here; the first is the usual one.
    throw new BundleError('wrongPassphrase', 'office key tag check failed');
  }
}

/**
 * Sets up the office key: 32 random bytes, wrapped under the passphrase. Refuses a passphrase that
 * breaks a rule (`weakPassphrase`, with the rule's message). `kdf` is for tests and the fallback.
 */
export async function setUpOfficeKey(passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<NewOfficeKey> {
  const problem = checkPassphrase(passphrase);
  if (problem) throw new BundleError('weakPassphrase', 'passphrase rule', problem);
  const params = checkKdf(kdf);
  const raw = randomBytes(OFFICE_KEY_BYTES);
  try {
    const key = await importOfficeKey(raw);
    return { ...key, wrapped: await wrap(raw, key.keyId, passphrase, params) };
  } finally {
    raw.fill(0);
  }
}

/** Opens a wrapping with the passphrase; `wrongPassphrase` when it does not open. */
export async function unlockOfficeKey(wrapped: WrappedOfficeKey, passphrase: string): Promise<OfficeKey> {
  const raw = await unwrapRaw(wrapped, passphrase);
  try {
    if (raw.length !== OFFICE_KEY_BYTES) throw new BundleError('damaged', 'office key length');
    const key = await importOfficeKey(raw);
    if (key.keyId !== wrapped.keyId) throw new BundleError('damaged', 'key id does not match the key');
    return key;
  } finally {
    raw.fill(0);
  }
}

/**
 * A new wrapping of the SAME office key under a new passphrase (same key id): every file written
 * before the change stays readable. `kdf` defaults to the parameters of the old wrapping.
 */
export async function changePassphrase(
  wrapped: WrappedOfficeKey,
  oldPassphrase: string,
  newPassphrase: string,
  kdf?: KdfParams,
): Promise<NewOfficeKey> {
  const problem = checkNewPassphrase(newPassphrase, oldPassphrase);
  if (problem) throw new BundleError('weakPassphrase', 'passphrase rule', problem);
  const raw = await unwrapRaw(wrapped, oldPassphrase);
  try {
    const key = await importOfficeKey(raw);
    if (key.keyId !== wrapped.keyId) throw new BundleError('damaged', 'key id does not match the key');
    const params = checkKdf(kdf ?? parseWrappedOfficeKey(wrapped).wrapped.kdf);
    return { ...key, wrapped: await wrap(raw, key.keyId, newPassphrase, params) };
  } finally {
    raw.fill(0);
  }
}
