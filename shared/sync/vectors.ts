/**
 * Version vectors (sync.md "What a file carries"): `vv[node]` is the newest stamp from that laptop
 * whose effects this laptop holds — it holds that write, or a newer one of the same field, for
 * every write of `node` stamped at or before `vv[node]`.
 *
 * - A laptop's own entry is its clock's last stamp: every edit it made is at or before it.
 * - After a file is applied: `vv = max(vv, file.sourceVV)`, provided the file's base (what it
 *   assumed this laptop held) is covered by `vv` — else the laptop is missing something the file
 *   left out (it was restored from a backup, or the file was made for another laptop with more),
 *   and the vector is left as it was so the next files are larger, never wrong.
 * - What a peer lacks: every field whose stamp its vector does not cover. An export for a known
 *   peer selects the records with such a field, from the vector it sent in its last file; a stale
 *   (older) vector only makes a file larger. Stamps keep their origin node, so forwarding (A → B → C)
 *   works and a later A → C file is a no-op for those fields.
 */
import type { VersionVector } from './bundleTypes';

/** The laptop that issued a stamp: the node id that ends it. */
export function stampNode(stamp: string): string {
  return stamp.slice(-16);
}

/** Whether a laptop with this vector holds the effects of the write with this stamp. */
export function covers(vv: VersionVector, stamp: string): boolean {
  const seen = vv[stampNode(stamp)];
  return seen !== undefined && stamp <= seen;
}

/** The entry-wise maximum of vectors. */
export function mergeVectors(...vectors: readonly VersionVector[]): VersionVector {
  const out: VersionVector = {};
  for (const vv of vectors)
    for (const [node, stamp] of Object.entries(vv)) {
      const current = out[node];
      if (current === undefined || stamp > current) out[node] = stamp;
    }
  return sortVector(out);
}

/** A vector with its nodes in order, so equal vectors have one JSON text. */
export function sortVector(vv: VersionVector): VersionVector {
  const out: VersionVector = {};
  for (const node of Object.keys(vv).sort()) out[node] = vv[node]!;
  return out;
}

/** Whether `a` is covered entry by entry by `b` (a ≤ b). */
export function vectorLeq(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(a).every(([node, stamp]) => b[node] !== undefined && stamp <= b[node]);
}

/** Every stamp a record carries: its creation stamp and its field stamps. */
export function recordStamps(record: { _h: string; _v: Record<string, string> }): string[] {
  return [record._h, ...Object.values(record._v)];
}

/**
 * The fields of a record a laptop with vector `vv` lacks: their stamps are not covered. `_h` stands
 * for the creation (every field the creation wrote and no later write changed).
 */
export function lackedFields(
  record: { _h: string; _v: Record<string, string> },
  vv: VersionVector,
): string[] {
  const lacked: string[] = [];
  if (!covers(vv, record._h)) lacked.push('_h');
  for (const [field, stamp] of Object.entries(record._v)) if (!covers(vv, stamp)) lacked.push(field);
  return lacked.sort();
}

/** Whether an export for a peer with vector `vv` must carry this record (`undefined`: a full export). */
export function peerNeedsRecord(
  record: { _h: string; _v: Record<string, string> },
  vv: VersionVector | undefined,
): boolean {
  if (!vv) return true;
  if (!covers(vv, record._h)) return true;
  for (const stamp of Object.values(record._v)) if (!covers(vv, stamp)) return true;
  return false;
}

/** Raises `vv[node]` to include a stamp (used for the laptop's own entry). */
export function withStamp(vv: VersionVector, stamp: string): VersionVector {
  return mergeVectors(vv, { [stampNode(stamp)]: stamp });
}

/** The vector after a file is applied (see the module comment). */
export function vectorAfterImport(
  localVV: VersionVector,
  baseVV: VersionVector,
  sourceVV: VersionVector,
): {
  vv: VersionVector;
  advanced: boolean;
} {
  if (!vectorLeq(baseVV, localVV)) return { vv: sortVector(localVV), advanced: false };
  return { vv: mergeVectors(localVV, sourceVV), advanced: true };
}
