/**
 * The import's work outside the screen: open a file into a sheet and its header, gather what the
 * rules need (settings, organizations, the register for duplicates), and commit the good rows in
 * ONE call of the write path, so an import is one action: all of it is stored, or none.
 */
import Dexie from 'dexie';
import { type ColumnMapping, headingSignature, autoMapColumns } from '@shared/excel/headings';
import type { DuplicateAction, ExistingMember, ImportPlan, PlanContext, PlannedRow } from '@shared/excel/importRows';
import { hasEffect, updatePatch, withMemberUpdates, type StoredMemberFields } from '@shared/excel/memberUpdates';
import type { MemberDraft, StoredSettingVersions } from '@shared/domain/memberRules';
import type { IsoDate, Organization } from '@shared/domain/types';
import type { DataStore } from '../../db/store';
import type { QldvDatabase } from '../../db/database';
import { commit, upsert, type Draft, type WriteOp } from '../../db/writePath';
import { liveOrganizations } from '../organizations/queries';
import { lastJournalSeq } from '../../db/journalFollower';
import { followingEvents, newMemberFile } from '../members/saveMember';
import type { StoredEvent } from '../members/memberQueries';
import { openImportOffThread, planOffThread } from './importWorker';
import { newFileJudge, planRows, type ImportProgress, type OpenedImport, type PlanData } from './planning';

export { noHeaderMessage, type OpenedImport, type ImportProgress } from './planning';

/** Reads the file and finds the sheet and row holding the member list's header (in a worker where there are workers). */
export function openImport(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<OpenedImport> {
  return openImportOffThread(bytes, fileName, onProgress);
}

// ---------------------------------------------------------------- remembered mappings

/**
 * Mappings chosen by the user, per set of headings, in this laptop's localStorage. Not a synced
 * setting: which layouts of file arrive (and how a column was read) is this desk's habit, like
 * the register's chosen columns, and a dated, journaled setting would record every mapping change
 * as a rule of the committee. Not the `meta` table either: its keys are a closed list of the
 * install's identity.
 */
const MAPPING_PREFIX = 'qldv.excel.mapping:';

export function rememberedMapping(headings: readonly string[]): ColumnMapping {
  const auto = autoMapColumns(headings);
  try {
    const saved = JSON.parse(localStorage.getItem(MAPPING_PREFIX + headingSignature(headings)) ?? 'null') as unknown;
    if (Array.isArray(saved) && saved.length === headings.length) return saved as ColumnMapping;
  } catch {
    // A damaged entry falls back to the automatic mapping.
  }
  return auto;
}

export function rememberMapping(headings: readonly string[], mapping: ColumnMapping): void {
  const key = MAPPING_PREFIX + headingSignature(headings);
  if (JSON.stringify(mapping) === JSON.stringify(autoMapColumns(headings))) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(mapping));
}

// ---------------------------------------------------------------- context and commit

export async function storedSettingVersions(db: QldvDatabase): Promise<StoredSettingVersions> {
  const out: Record<string, unknown[]> = {};
  for (const record of await db.settings.toArray())
    if (record.deleted === 0 && Array.isArray(record.versions)) out[record.id] = record.versions as unknown[];
  return out;
}

/** The keys duplicates are found by, and what an update needs to know of the member (not the whole record). */
function candidate(record: ExistingMember): ExistingMember {
  const { id, fullName, birthDate, partyCardNumber, citizenId, organizationId, status, deleted } = record;
  return {
    id,
    fullName,
    birthDate,
    organizationId,
    status,
    ...(partyCardNumber && { partyCardNumber }),
    ...(citizenId && { citizenId }),
    ...(deleted !== undefined && { deleted }),
  };
}

/**
 * The register as a check needs it: settings, organizations and the stored members' duplicate keys,
 * read in one transaction with the journal's newest line, so a later check can tell whether
 * anything was written since. The wizard reads it while the file is being read.
 */
export interface RegisterSnapshot extends Omit<PlanData, 'targetOrganizationId'> {
  journalSeq: number;
}

export function readRegister(store: DataStore, today: IsoDate): Promise<RegisterSnapshot> {
  const { db } = store;
  return db.transaction('r', [db.organizations, db.settings, db.members, db.journal], async () => {
    // Read from the table, not the register's in-memory index: that index follows the journal a
    // moment after each commit, and a file imported twice in a row must meet its first import.
    const [organizations, settings, existing, journalSeq] = await Promise.all([
      liveOrganizations(db) as unknown as Promise<Organization[]>,
      storedSettingVersions(db),
      db.members.where('[deleted+_nameKey]').between([0, Dexie.minKey], [0, Dexie.maxKey]).toArray() as unknown as Promise<ExistingMember[]>,
      lastJournalSeq(db),
    ]);
    return { today, settings, organizations, existing: existing.map(candidate), journalSeq };
  });
}

/**
 * What planning reads from the database, as plain data a worker can take: the register read
 * earlier (`readRegister`) when nothing has been written since and the day is the same, or read now.
 */
export async function loadPlanData(
  store: DataStore,
  today: IsoDate,
  targetOrganizationId: string | undefined,
  readEarlier?: Promise<RegisterSnapshot>,
): Promise<PlanData> {
  const earlier = await readEarlier?.catch(() => undefined);
  const fresh =
    earlier && earlier.today === today && earlier.journalSeq === (await lastJournalSeq(store.db))
      ? earlier
      : await readRegister(store, today);
  const { journalSeq: _seq, ...data } = fresh;
  return { ...data, ...(targetOrganizationId && { targetOrganizationId }) };
}

/**
 * Checks every row (in a worker where there are workers), then adds to the rows matching a stored
 * member what updating that member would change (memberUpdates.ts). `register`: the register as
 * read when the file was chosen (`readRegister`), used if it is still current.
 */
export async function checkImport(
  store: DataStore,
  opened: OpenedImport,
  mapping: ColumnMapping,
  targetOrganizationId: string | undefined,
  today: IsoDate,
  onProgress?: (progress: ImportProgress) => void,
  register?: Promise<RegisterSnapshot>,
): Promise<ImportPlan> {
  const data = await loadPlanData(store, today, targetOrganizationId, register);
  const sheet = opened.sheets[opened.sheetIndex]!;
  const plan = await planOffThread({ rows: sheet.rows, firstDataRow: opened.layout.firstDataRow, mapping, data }, onProgress);
  return withStoredMatches(store, plan, mapping, data.settings, today);
}

/** The same check on this thread. */
export async function checkImportHere(
  store: DataStore,
  opened: OpenedImport,
  mapping: ColumnMapping,
  targetOrganizationId: string | undefined,
  today: IsoDate,
): Promise<ImportPlan> {
  const data = await loadPlanData(store, today, targetOrganizationId);
  const sheet = opened.sheets[opened.sheetIndex]!;
  const plan = planRows({ rows: sheet.rows, firstDataRow: opened.layout.firstDataRow, mapping, data });
  return withStoredMatches(store, plan, mapping, data.settings, today);
}

async function withStoredMatches(
  store: DataStore,
  plan: ImportPlan,
  mapping: ColumnMapping,
  settings: StoredSettingVersions,
  today: IsoDate,
): Promise<ImportPlan> {
  const ids = [...new Set(plan.rows.flatMap((row) => (row.duplicate?.kind === 'register' && row.duplicate.memberId ? [row.duplicate.memberId] : [])))];
  if (ids.length === 0) return plan;
  const stored = (await store.db.members.bulkGet(ids)).filter((m) => m !== undefined) as unknown as StoredMemberFields[];
  return withMemberUpdates(plan, new Map(stored.map((m) => [m.id, m])), mapping, settings, today);
}

/** What planning reads from the database, with the member form's verdict on new files (tests). */
export async function loadPlanContext(
  store: DataStore,
  today: IsoDate,
  targetOrganizationId: string | undefined,
): Promise<PlanContext> {
  return { ...(await loadPlanData(store, today, targetOrganizationId)), judgeNew: newFileJudge(today) };
}

export type Choices = ReadonlyMap<number, DuplicateAction>;

/**
 * What happens to a row: created, used to update a member, skipped as a duplicate, or refused. A
 * row with problems is refused unless it updates a member and the update itself is sound. An update
 * that would write nothing (only empty cells, while they keep the stored values) is a skip.
 */
export function rowOutcome(row: PlannedRow, choices: Choices, clearEmpty = false): 'create' | 'update' | 'skip' | 'invalid' {
  const choice = row.duplicate ? (choices.get(row.row) ?? row.duplicate.actions[0]!) : 'create';
  if (choice === 'update' && row.update && row.update.errors.length === 0 && row.duplicate?.actions.includes('update'))
    return hasEffect(row.update, clearEmpty) ? 'update' : 'skip';
  if (row.errors.length > 0) return 'invalid';
  return choice === 'update' ? 'skip' : choice;
}

/** The action to take on every row that offers it (“update all”, “skip all”). */
export function chooseForAll(plan: ImportPlan, choices: Choices, action: DuplicateAction): Map<number, DuplicateAction> {
  const next = new Map(choices);
  for (const row of plan.rows) if (row.duplicate?.actions.includes(action)) next.set(row.row, action);
  return next;
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  invalid: number;
}

export interface ImportOptions {
  /** Clear the fields an updated member has but the sheet leaves empty (off: they are kept). */
  clearEmpty?: boolean;
}

/** Member fields the admission and official events mirror (saveMember.ts `followingEvents`). */
const EVENT_FIELDS = ['joinedOn', 'officialOn', 'admissionDecisionNumber', 'admissionDecisionDate', 'officialDecisionNumber'];

/**
 * Imports the rows the user kept, as ONE action of the write path: new files through its
 * bulk-creation path, updates as edits (only the fields that change, stamped and journaled with
 * old → new like an edit in the member form), and the admission and official events following
 * the dates an update changes.
 */
export async function commitImport(
  store: DataStore,
  plan: ImportPlan,
  choices: Choices,
  today: IsoDate,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, skipped: 0, invalid: 0 };
  const members: Draft[] = [];
  const events: Draft[] = [];
  const patches: Draft[] = [];
  for (const row of plan.rows) {
    const outcome = rowOutcome(row, choices, options.clearEmpty ?? false);
    if (outcome === 'invalid') result.invalid += 1;
    else if (outcome === 'skip') result.skipped += 1;
    else if (outcome === 'update') patches.push(updatePatch(row.update!, options.clearEmpty ?? false));
    else {
      const file = newMemberFile(row.draft, today);
      members.push(file.member as unknown as Draft);
      events.push(...(file.events as unknown as Draft[]));
      result.created += 1;
    }
  }
  const changedEvents: Draft[] = [];
  const dated = patches.filter((patch) => EVENT_FIELDS.some((field) => field in patch));
  if (dated.length > 0) {
    const ids = dated.map((patch) => patch.id);
    const [storedMembers, storedEvents] = await Promise.all([
      store.db.members.bulkGet(ids),
      store.db.memberEvents.where('[deleted+memberId]').anyOf(ids.map((id) => [0, id])).toArray() as unknown as Promise<StoredEvent[]>,
    ]);
    const byMember = new Map<string, StoredEvent[]>();
    for (const event of storedEvents) byMember.set(event.memberId, [...(byMember.get(event.memberId) ?? []), event]);
    dated.forEach((patch, i) => {
      // The events follow the member as it will be: its stored fields with the patch applied.
      const merged = { ...storedMembers[i], ...patch } as MemberDraft;
      for (const [key, value] of Object.entries(patch)) if (value === null) delete (merged as Record<string, unknown>)[key];
      changedEvents.push(...followingEvents(merged, byMember.get(patch.id) ?? []));
    });
  }
  result.updated = patches.length;
  // New files take the write path's bulk-creation fast path (one journal line per table).
  const ops: WriteOp[] = [
    ...(members.length > 0 ? [{ table: 'members', kind: 'create', records: members } as const] : []),
    ...(events.length > 0 ? [{ table: 'memberEvents', kind: 'create', records: events } as const] : []),
    ...(patches.length > 0 ? [upsert('members', patches)] : []),
    ...(changedEvents.length > 0 ? [upsert('memberEvents', changedEvents)] : []),
  ];
  if (ops.length > 0) await commit(store, ops);
  return result;
}
