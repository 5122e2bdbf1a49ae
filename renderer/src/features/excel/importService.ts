/**
 * The import's work outside the screen: open a file into a sheet and its header, gather what the
 * rules need (settings, organizations, the register for duplicates), and commit the good rows in
 * ONE call of the write path, so an import is one action: all of it is stored, or none.
 */
import Dexie from 'dexie';
import { findHeader, type ColumnMapping, type HeaderLayout, headingSignature, autoMapColumns } from '@shared/excel/headings';
import type { DuplicateAction, ExistingMember, ImportPlan, PlanContext, PlannedRow } from '@shared/excel/importRows';
import type { MemberDraft, StoredSettingVersions } from '@shared/domain/memberRules';
import type { IsoDate, Organization } from '@shared/domain/types';
import type { DataStore } from '../../db/store';
import type { QldvDatabase } from '../../db/database';
import { commit, upsert, type Draft } from '../../db/writePath';
import { liveOrganizations } from '../organizations/queries';
import { followingEvents, newFileRefusal, newMemberFile } from '../members/saveMember';
import type { StoredEvent } from '../members/memberQueries';
import { ExcelReadError, readWorkbook, type ReadSheet } from './xlsx';

export interface OpenedImport {
  fileName: string;
  sheets: ReadSheet[];
  /** The sheet being imported (the first one with a member header). */
  sheetIndex: number;
  layout: HeaderLayout;
}

export function noHeaderMessage(fileName: string): string {
  return `Không tìm thấy dòng tiêu đề của danh sách trong tệp “${fileName}”: cần một dòng có cột “Họ và tên” và ít nhất một cột khác như “Ngày sinh”, “Ngày vào Đảng”, “Số thẻ”. Hãy kiểm tra tệp có đúng là danh sách đảng viên không.`;
}

/** Reads the file and finds the sheet and row holding the member list's header. */
export async function openImport(bytes: Uint8Array, fileName: string): Promise<OpenedImport> {
  const sheets = await readWorkbook(bytes, fileName);
  for (let i = 0; i < sheets.length; i++) {
    const layout = findHeader(sheets[i]!.rows);
    if (layout) return { fileName, sheets, sheetIndex: i, layout };
  }
  throw new ExcelReadError(noHeaderMessage(fileName));
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

/** What planning reads from the database, read once per preview. */
export async function loadPlanContext(
  store: DataStore,
  today: IsoDate,
  targetOrganizationId: string | undefined,
): Promise<PlanContext> {
  // Read from the table, not the register's in-memory index: that index follows the journal a
  // moment after each commit, and a file imported twice in a row must meet its first import.
  const [organizations, settings, existing] = await Promise.all([
    liveOrganizations(store.db) as unknown as Promise<Organization[]>,
    storedSettingVersions(store.db),
    store.db.members
      .where('[deleted+_nameKey]')
      .between([0, Dexie.minKey], [0, Dexie.maxKey])
      .toArray() as unknown as Promise<ExistingMember[]>,
  ]);
  return {
    today,
    settings,
    organizations,
    ...(targetOrganizationId && { targetOrganizationId }),
    existing,
    judgeNew: (draft: MemberDraft, probationMonths: number) =>
      newFileRefusal(newMemberFile(draft, today, () => 'check'), { probationMonths }),
  };
}

export type Choices = ReadonlyMap<number, DuplicateAction>;

/** What happens to a row: created, used to update a member, skipped as a duplicate, or refused. */
export function rowOutcome(row: PlannedRow, choices: Choices): 'create' | 'update' | 'skip' | 'invalid' {
  if (row.errors.length > 0) return 'invalid';
  if (!row.duplicate) return 'create';
  return choices.get(row.row) ?? row.duplicate.actions[0]!;
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  invalid: number;
}

/** The fields an import may change on an existing member: not its organization or status (events do). */
function updateDraft(draft: MemberDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft))
    if (value !== undefined && key !== 'organizationId' && key !== 'status' && key !== 'id') out[key] = value;
  return out;
}

/** Imports the rows the user kept, as one action of the write path. */
export async function commitImport(
  store: DataStore,
  plan: ImportPlan,
  choices: Choices,
  today: IsoDate,
): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, skipped: 0, invalid: 0 };
  const members: Draft[] = [];
  const events: Draft[] = [];
  const updates: { id: string; draft: MemberDraft }[] = [];
  for (const row of plan.rows) {
    const outcome = rowOutcome(row, choices);
    if (outcome === 'invalid') result.invalid += 1;
    else if (outcome === 'skip') result.skipped += 1;
    else if (outcome === 'update' && row.duplicate?.memberId) updates.push({ id: row.duplicate.memberId, draft: row.draft });
    else {
      const file = newMemberFile(row.draft, today);
      members.push(file.member as unknown as Draft);
      events.push(...(file.events as unknown as Draft[]));
      result.created += 1;
    }
  }
  if (updates.length > 0) {
    const stored = (await store.db.memberEvents
      .where('memberId')
      .anyOf(updates.map((u) => u.id))
      .filter((event) => event.deleted === 0)
      .toArray()) as unknown as StoredEvent[];
    const byMember = new Map<string, StoredEvent[]>();
    for (const event of stored) byMember.set(event.memberId, [...(byMember.get(event.memberId) ?? []), event]);
    for (const { id, draft } of updates) {
      members.push({ ...updateDraft(draft), id });
      events.push(...followingEvents(draft, byMember.get(id) ?? []));
    }
    result.updated = updates.length;
  }
  if (members.length > 0) await commit(store, [upsert('members', members), upsert('memberEvents', events)]);
  return result;
}
