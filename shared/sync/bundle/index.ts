/** The `.qldv` sync file codec and the office key (docs/sync-format.md). */
export { BUNDLE_ERROR_MESSAGES, BundleError, isBundleError, type BundleErrorCode } from './errors';
export {
  changePassphrase,
  DEFAULT_KDF,
  deriveKeyId,
  FALLBACK_KDF,
  parseWrappedOfficeKey,
  setUpOfficeKey,
  unlockOfficeKey,
  type KdfParams,
  type NewOfficeKey,
  type OfficeKey,
  type WrappedOfficeKey,
} from './keys';
export { checkNewPassphrase, checkPassphrase, PASSPHRASE_MIN_LENGTH } from './passphrase';
export { CONTAINER_VERSION, DEFAULT_CHUNK_SIZE, type BundleHeader } from './format';
export { PAYLOAD_FORMAT_VERSION } from './payload';
export { writeBundle, type BundleProgress, type LateManifestFields, type ManifestInput, type WriteBundleOptions, type WrittenBundle } from './writer';
export { peekHeader, readBundle, type BundleUnlock, type ReadBundle, type ReadBundleOptions } from './reader';
