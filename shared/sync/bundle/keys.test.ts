import { describe, expect, test } from 'vitest';
import { BUNDLE_ERROR_MESSAGES, BundleError, type BundleErrorCode } from './errors';
import {
  changePassphrase,
  DEFAULT_KDF,
  deriveKeyId,
  FALLBACK_KDF,
  setUpOfficeKey,
  unlockOfficeKey,
  type WrappedOfficeKey,
} from './keys';
import { PASSPHRASE, TEST_KDF } from './testing';

async function refusal(promise: Promise<unknown>): Promise<BundleError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Content keys derived from two office keys agree exactly when the keys are the same. */
async function sameKey(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  const info = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(16), info: new TextEncoder().encode('test') };
  const bitsA = new Uint8Array(await crypto.subtle.deriveBits(info, a, 256));
  const bitsB = new Uint8Array(await crypto.subtle.deriveBits(info, b, 256));
  return bitsA.every((byte, i) => byte === bitsB[i]);
}

describe('office key', () => {
  test('set-up makes a non-extractable key, a 16-hex key id and a JSON-serialisable wrapping', async () => {
    const key = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(key.officeKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key.officeKey)).rejects.toThrow();
    expect(JSON.parse(JSON.stringify(key.wrapped))).toEqual(key.wrapped);
    expect(key.wrapped).toMatchObject({ version: 1, kdf: TEST_KDF, keyId: key.keyId });
    expect(await deriveKeyId(key.officeKey)).toBe(key.keyId);
    // Nothing of the passphrase is in the wrapping.
    expect(JSON.stringify(key.wrapped)).not.toContain('Chi bộ');
  });

  test('two offices get different keys and key ids', async () => {
    const a = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const b = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.wrapped.salt).not.toBe(b.wrapped.salt);
    expect(await sameKey(a.officeKey, b.officeKey)).toBe(false);
  });

  test('the passphrase opens the same key on another laptop', async () => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const stored = JSON.parse(JSON.stringify(office.wrapped)) as WrappedOfficeKey;
    const joined = await unlockOfficeKey(stored, PASSPHRASE);
    expect(joined.keyId).toBe(office.keyId);
    expect(await sameKey(joined.officeKey, office.officeKey)).toBe(true);
  });

  test('a passphrase typed with a decomposed (NFD) keyboard opens the key', async () => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const joined = await unlockOfficeKey(office.wrapped, PASSPHRASE.normalize('NFD'));
    expect(joined.keyId).toBe(office.keyId);
  });

  test.each([
    ['another passphrase', 'Chi bộ họp ngày mùng 6 hằng tháng'],
    ['a different case', PASSPHRASE.toUpperCase()],
    ['a missing diacritic', 'Chi bo họp ngày mùng 5 hằng tháng'],
    ['an empty passphrase', ''],
  ])('%s is the wrong passphrase', async (_name, passphrase) => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const error = await refusal(unlockOfficeKey(office.wrapped, passphrase));
    expect(error.code).toBe('wrongPassphrase');
    expect(error.message).toBe('Mật khẩu văn phòng không đúng.');
  });

  const tamperings: [string, (w: WrappedOfficeKey) => unknown, BundleErrorCode][] = [
    ['a lowered Argon2 cost', (w) => ({ ...w, kdf: { ...w.kdf, iterations: 2 } }), 'wrongPassphrase'],
    ['another key id', (w) => ({ ...w, keyId: '0123456789abcdef' }), 'wrongPassphrase'],
    ['another salt', (w) => ({ ...w, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' }), 'wrongPassphrase'],
    ['a changed ciphertext', (w) => ({ ...w, ciphertext: `A${w.ciphertext.slice(1)}` === w.ciphertext ? `B${w.ciphertext.slice(1)}` : `A${w.ciphertext.slice(1)}` }), 'wrongPassphrase'],
    ['a short nonce', (w) => ({ ...w, iv: 'AAAA' }), 'damaged'],
    ['a salt that is not base64', (w) => ({ ...w, salt: 'not base64!' }), 'damaged'],
    ['a missing key id', ({ keyId: _keyId, ...w }) => w, 'damaged'],
    ['an upper-case key id', (w) => ({ ...w, keyId: w.keyId.toUpperCase() }), 'damaged'],
    ['a 4 GiB Argon2 memory request', (w) => ({ ...w, kdf: { ...w.kdf, memoryKiB: 4 * 1024 * 1024 } }), 'damaged'],
    ['a thousand Argon2 passes', (w) => ({ ...w, kdf: { ...w.kdf, iterations: 1000 } }), 'damaged'],
    ['an unknown key derivation', (w) => ({ ...w, kdf: { kind: 'scrypt', n: 16384 } }), 'newerFormat'],
    ['a newer wrapping version', (w) => ({ ...w, version: 2 }), 'newerFormat'],
    ['not an object', () => 'khóa', 'damaged'],
  ];
  test.each(tamperings)('a wrapping with %s is refused', async (_name, tamper, code) => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const error = await refusal(unlockOfficeKey(tamper(office.wrapped) as WrappedOfficeKey, PASSPHRASE));
    expect(error.code).toBe(code);
    expect(error.message).toBe(BUNDLE_ERROR_MESSAGES[code]);
  });

  test('set-up refuses a weak passphrase with the rule it breaks, and makes no key', async () => {
    const error = await refusal(setUpOfficeKey('ngắn', TEST_KDF));
    expect(error.code).toBe('weakPassphrase');
    expect(error.message).toBe('Mật khẩu văn phòng cần ít nhất 10 ký tự.');
  });

  test('set-up refuses key derivation parameters out of bounds', async () => {
    await expect(setUpOfficeKey(PASSPHRASE, { kind: 'argon2id', memoryKiB: 4, iterations: 1, parallelism: 1 })).rejects.toThrow(RangeError);
  });
});

describe('changing the passphrase', () => {
  test('re-wraps the same key: same key id, the new passphrase opens it, the old one no longer does', async () => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const next = 'hoa sen nở giữa hồ';
    const changed = await changePassphrase(office.wrapped, PASSPHRASE, next);
    expect(changed.keyId).toBe(office.keyId);
    expect(changed.wrapped.salt).not.toBe(office.wrapped.salt);
    expect(changed.wrapped.kdf).toEqual(TEST_KDF);
    expect(await sameKey(changed.officeKey, office.officeKey)).toBe(true);
    const reopened = await unlockOfficeKey(changed.wrapped, next);
    expect(await sameKey(reopened.officeKey, office.officeKey)).toBe(true);
    expect((await refusal(unlockOfficeKey(changed.wrapped, PASSPHRASE))).code).toBe('wrongPassphrase');
  });

  test('can move the key to other key derivation parameters', async () => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const pbkdf2 = { kind: 'pbkdf2-sha256', iterations: 1000 } as const;
    const changed = await changePassphrase(office.wrapped, PASSPHRASE, 'hoa sen nở giữa hồ', pbkdf2);
    expect(changed.wrapped.kdf).toEqual(pbkdf2);
    expect((await unlockOfficeKey(changed.wrapped, 'hoa sen nở giữa hồ')).keyId).toBe(office.keyId);
  });

  test.each([
    ['the old passphrase is wrong', 'sai mật khẩu rồi nhé', 'hoa sen nở giữa hồ', 'wrongPassphrase', 'Mật khẩu văn phòng không đúng.'],
    ['the new passphrase is the old one', PASSPHRASE, PASSPHRASE, 'weakPassphrase', 'Mật khẩu mới phải khác mật khẩu cũ.'],
    ['the new passphrase is too short', PASSPHRASE, 'ngắn', 'weakPassphrase', 'Mật khẩu văn phòng cần ít nhất 10 ký tự.'],
  ])('is refused when %s', async (_name, old, next, code, message) => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const error = await refusal(changePassphrase(office.wrapped, old, next));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe('the real key derivation costs', () => {
  test('Argon2id with the defaults (64 MiB, t=3, p=1) sets up and opens the key', async () => {
    expect(DEFAULT_KDF).toEqual({ kind: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 });
    const started = performance.now();
    const office = await setUpOfficeKey(PASSPHRASE);
    const setUpMs = performance.now() - started;
    expect(office.wrapped.kdf).toEqual(DEFAULT_KDF);
    expect((await unlockOfficeKey(office.wrapped, PASSPHRASE)).keyId).toBe(office.keyId);
    expect((await refusal(unlockOfficeKey(office.wrapped, 'hoa sen nở giữa hồ'))).code).toBe('wrongPassphrase');
    // The cost is the point: a derivation that returns at once would mean the parameters were ignored.
    expect(setUpMs).toBeGreaterThan(50);
  }, 60_000);

  test('the PBKDF2-SHA256 fallback at 600,000 iterations sets up and opens the key', async () => {
    expect(FALLBACK_KDF).toEqual({ kind: 'pbkdf2-sha256', iterations: 600_000 });
    const office = await setUpOfficeKey(PASSPHRASE, FALLBACK_KDF);
    expect((await unlockOfficeKey(office.wrapped, PASSPHRASE)).keyId).toBe(office.keyId);
  }, 60_000);
});
