/**
 * The import preview (sync.md "Import", step 2): a dry run that says what a file would do before
 * anything is written. Pure: the caller reads the local records the file names (and the duplicate
 * candidates) and passes them in. `applyBundle` recomputes everything; this is for the screen.
 */
import type { BundleManifest, BundleRecord, VersionVector } from './bundleTypes';
import { mergeRecord, type FieldConflict, type MergedFieldChange, type SyncRecord } from './merge';
import { checkBundle, type ImportedBundle } from './mergeBundle';
import { findDuplicates, type DuplicateCandidate } from '../domain/memberDuplicates';
import type { MemberDraft } from '../domain/memberDraft';

/** More deletions than this need a typed confirmation… */
export const CONFIRM_DELETIONS_OVER = 50;
/** …or more member deletions than this share of the members (5%). */
export const CONFIRM_MEMBER_SHARE = 0.05;

export interface PreviewInput {
  manifest: BundleManifest;
  records: readonly BundleRecord[];
  /** The local record with this id, if any (deleted ones included). */
  local: (table: string, id: string) => SyncRecord | undefined;
  localVV: VersionVector;
  knownTables: readonly string[];
  datasetId: string;
  schemaVersion: number;
  /** This computer's clock (ms). */
  now: number;
  /** Files imported before (to say "đã nhập trước đó"). */
  imports: readonly ImportedBundle[];
  /** Members not in the recycle bin, before the import. */
  liveMemberCount: number;
  /** Existing members that may be the same person as an incoming new member. */
  duplicateCandidates?: (member: SyncRecord) => readonly DuplicateCandidate[];
  recordProblem?: (table: string, record: SyncRecord) => string | null;
}

export interface PreviewRecord {
  table: string;
  id: string;
  /** The record after the import. */
  record: SyncRecord;
}

export interface PreviewChange extends PreviewRecord {
  changes: MergedFieldChange[];
}

export interface PreviewConflict extends PreviewRecord {
  conflict: FieldConflict;
}

export interface PreviewMove {
  memberId: string;
  fullName: string;
  from: string | undefined;
  to: string | undefined;
}

export interface PreviewDuplicate {
  /** The incoming new member and the existing member it may duplicate. */
  incoming: SyncRecord;
  existing: DuplicateCandidate;
  /** Vietnamese explanations, one per matching key. */
  messages: string[];
}

export interface TableSummary {
  new: number;
  updated: number;
  deleted: number;
  restored: number;
  unchanged: number;
}

export interface ImportPreview {
  /** Why the file cannot be imported, or null. Nothing else matters when set. */
  refusal: string | null;
  problems: string[];
  clockWarning: string | null;
  source: {
    nodeId: string;
    deviceName: string;
    exportedAt: string;
    kind: 'full' | 'delta';
    officeName: string;
  };
  /** When this very file was imported before here, or null. */
  importedBefore: ImportedBundle | null;
  /** True when the file brings nothing this laptop does not have. */
  nothingNew: boolean;
  tables: Record<string, TableSummary>;
  /** New records, not counting ones that arrive already deleted (`arrivedDeleted`). */
  created: PreviewRecord[];
  arrivedDeleted: number;
  /** Existing records whose fields change (deletions and restores have their own lists). */
  changed: PreviewChange[];
  /** Records the import deletes (shown in red). */
  deleted: PreviewChange[];
  restored: PreviewChange[];
  /** Members whose organization changes. */
  moves: PreviewMove[];
  conflicts: PreviewConflict[];
  /** Records already up to date. */
  upToDate: number;
  duplicates: PreviewDuplicate[];
  /** More than 50 deletions, or more than 5% of the members: the user types a confirmation. */
  needsTypedConfirmation: boolean;
}

function emptySummary(): TableSummary {
  return { new: 0, updated: 0, deleted: 0, restored: 0, unchanged: 0 };
}

function asDraft(member: SyncRecord): MemberDraft {
  return member;
}

export function previewImport(input: PreviewInput): ImportPreview {
  const { manifest } = input;
  const check = checkBundle(manifest, input.records, {
    knownTables: input.knownTables,
    datasetId: input.datasetId,
    schemaVersion: input.schemaVersion,
    now: input.now,
    localVV: input.localVV,
    ...(input.recordProblem ? { recordProblem: input.recordProblem } : {}),
  });
  const preview: ImportPreview = {
    refusal: check.refusal,
    problems: check.problems,
    clockWarning: check.clockWarning,
    source: {
      nodeId: manifest.sourceNodeId,
      deviceName: manifest.sourceDeviceName,
      exportedAt: manifest.exportedAt,
      kind: manifest.kind,
      officeName: manifest.officeName,
    },
    importedBefore: input.imports.find((b) => b.bundleId === manifest.bundleId) ?? null,
    nothingNew: true,
    tables: {},
    created: [],
    arrivedDeleted: 0,
    changed: [],
    deleted: [],
    restored: [],
    moves: [],
    conflicts: [],
    upToDate: 0,
    duplicates: [],
    needsTypedConfirmation: false,
  };
  if (check.refusal) return preview;
  const vectors = { localVV: input.localVV, sourceVV: manifest.sourceVV };
  for (const line of input.records) {
    const table = line.t;
    const summary = (preview.tables[table] ??= emptySummary());
    const local = input.local(table, line.r.id);
    const result = mergeRecord(local, line.r, vectors);
    summary[result.outcome]++;
    if (result.changed) preview.nothingNew = false;
    const item = { table, id: line.r.id, record: result.record };
    for (const conflict of result.conflicts) preview.conflicts.push({ ...item, conflict });
    switch (result.outcome) {
      case 'new':
        if (result.record.deleted === 1) preview.arrivedDeleted++;
        else preview.created.push(item);
        break;
      case 'unchanged':
        preview.upToDate++;
        break;
      case 'deleted':
        preview.deleted.push({ ...item, changes: result.changes });
        break;
      case 'restored':
        preview.restored.push({ ...item, changes: result.changes });
        break;
      case 'updated':
        // A change of stamps only (the same value written again elsewhere) shows no field.
        if (result.changes.length) preview.changed.push({ ...item, changes: result.changes });
        else preview.upToDate++;
        break;
    }
    if (table === 'members' && local) {
      const move = result.changes.find((c) => c.field === 'organizationId');
      if (move)
        preview.moves.push({
          memberId: line.r.id,
          fullName: typeof result.record.fullName === 'string' ? result.record.fullName : '',
          from: move.old as string | undefined,
          to: move.new as string | undefined,
        });
    }
    if (
      table === 'members' &&
      result.outcome === 'new' &&
      result.record.deleted === 0 &&
      input.duplicateCandidates
    ) {
      for (const candidate of input.duplicateCandidates(result.record)) {
        if (candidate.id === line.r.id || candidate.deleted === 1) continue;
        const issues = findDuplicates(asDraft(result.record), [candidate]);
        if (issues.length)
          preview.duplicates.push({
            incoming: result.record,
            existing: candidate,
            messages: issues.map((i) => i.message),
          });
      }
    }
  }
  const memberDeletions = preview.deleted.filter((d) => d.table === 'members').length;
  preview.needsTypedConfirmation =
    preview.deleted.length > CONFIRM_DELETIONS_OVER ||
    (memberDeletions > 0 && memberDeletions > CONFIRM_MEMBER_SHARE * input.liveMemberCount);
  return preview;
}
