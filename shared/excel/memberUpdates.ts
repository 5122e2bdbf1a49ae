/**
 * What importing a row would change on the member it matches (same party card number or citizen
 * id, or name and birth date): each field the sheet gives a different value for, old → new; the
 * fields whose cell is empty while the member has a value, which an import leaves alone unless the
 * user asks to clear them; and the differences an import never applies, because they are events
 * of the member's life, not corrections (a move to another branch is a transfer; the official date
 * of a probationary member comes with the decision that makes them official).
 *
 * The row's problems are then those of the member as it would be after the update, by the member
 * form's rules, counting only the problems the update brings: an old file's existing gaps do not
 * block correcting its phone number.
 */
import { MEMBER_FIELD_LABELS } from '../domain/labels';
import { checkMember, memberRuleContext, type MemberDraft, type StoredSettingVersions } from '../domain/memberRules';
import type { Issue } from '../domain/ruleIssues';
import type { IsoDate, Member } from '../domain/types';
import { sameValue, type FieldChange } from '../sync/record';
import type { ColumnMapping } from './headings';
import type { DuplicateAction, ImportPlan, PlannedRow } from './importRows';

/** A member as stored, with the business fields the rules read. */
export type StoredMemberFields = MemberDraft & Pick<Member, 'id' | 'status'>;

export interface MemberUpdate {
  memberId: string;
  /** Fields the sheet gives another value for, in the order of the sheet's columns. */
  changes: FieldChange[];
  /** Fields whose cell is empty while the member has a value: cleared only when the user asks. */
  clears: FieldChange[];
  /** Differences an import does not apply, each with the sentence that says why. */
  kept: (FieldChange & { reason: string })[];
  /** What the member form's rules refuse in the updated file (problems the update brings). */
  errors: Issue[];
}

/** Fields a file must keep: clearing them would leave the file incomplete. */
const NEVER_CLEARED: ReadonlySet<string> = new Set(['fullName', 'sex', 'birthDate', 'joinedOn', 'organizationId']);

/** The member fields the sheet's columns fill, in column order. */
export function mappedMemberFields(mapping: ColumnMapping): (keyof Member)[] {
  const out: (keyof Member)[] = [];
  const add = (field: keyof Member) => {
    if (!out.includes(field)) out.push(field);
  };
  for (const field of mapping) {
    if (!field || field === 'ignore') continue;
    if (field === 'organization') add('organizationId');
    else if (field === 'birthDateMale' || field === 'birthDateFemale') {
      add('birthDate');
      add('sex');
    } else add(field);
  }
  return out;
}

const empty = (value: unknown) => value === undefined || value === null || value === '';

function newErrors(after: Issue[], before: Issue[]): Issue[] {
  const known = new Set(before.map((issue) => `${issue.field}\u0000${issue.message}`));
  return after.filter((issue) => !known.has(`${issue.field}\u0000${issue.message}`));
}

/** The update a row would make to `stored`, the fields it can touch being `fields` (the mapped ones). */
export function memberUpdate(
  stored: StoredMemberFields,
  draft: MemberDraft,
  fields: readonly (keyof Member)[],
  settings: StoredSettingVersions,
  today: IsoDate,
): MemberUpdate {
  const changes: FieldChange[] = [];
  const clears: FieldChange[] = [];
  const kept: MemberUpdate['kept'] = [];
  const values = stored as Record<string, unknown>;
  const given = draft as Record<string, unknown>;
  for (const field of fields) {
    if (field === 'id' || field === 'status') continue;
    const old = values[field];
    const value = given[field];
    if (empty(value)) {
      if (!empty(old) && !NEVER_CLEARED.has(field)) clears.push({ field, old, new: undefined });
      continue;
    }
    if (sameValue(old, value)) continue;
    if (field === 'organizationId')
      kept.push({
        field,
        old,
        new: value,
        reason: 'Chi bộ trong tệp khác chi bộ đang sinh hoạt: chuyển sinh hoạt đảng làm bằng thao tác “Chuyển sinh hoạt” trên hồ sơ, không qua nhập Excel.',
      });
    else if (field === 'officialOn' && stored.status === 'probationary')
      kept.push({
        field,
        old,
        new: value,
        reason: 'Đảng viên đang dự bị: ngày chính thức ghi khi làm thao tác “Công nhận chính thức” trên hồ sơ, không qua nhập Excel.',
      });
    else changes.push({ field, old, new: value });
  }
  // Nothing to change, nothing to judge: a re-imported list of unchanged members costs no rule run.
  if (changes.length === 0 && clears.length === 0) return { memberId: stored.id, changes, clears, kept, errors: [] };
  const rules = (member: MemberDraft) => checkMember(member, memberRuleContext(settings, member, today)).errors;
  const before = rules(stored);
  const updated: Record<string, unknown> = { ...stored };
  for (const change of changes) updated[change.field] = change.new;
  const errors = changes.length > 0 ? newErrors(rules(updated), before) : [];
  // A clear the rules would refuse (an official member's official date…) is not offered.
  const cleared: Record<string, unknown> = { ...updated };
  for (const clear of clears) delete cleared[clear.field];
  const clearErrors = new Set(
    clears.length > 0 ? newErrors(rules(cleared), [...before, ...errors]).map((issue) => issue.field) : [],
  );
  return {
    memberId: stored.id,
    changes,
    clears: clears.filter((clear) => !clearErrors.has(clear.field)),
    kept,
    errors,
  };
}

/** The patch an update writes: the changed fields, and the cleared ones when the user asked. */
export function updatePatch(update: MemberUpdate, clearEmpty: boolean): Record<string, unknown> & { id: string } {
  const patch: Record<string, unknown> & { id: string } = { id: update.memberId };
  for (const change of update.changes) patch[change.field] = change.new;
  if (clearEmpty) for (const clear of update.clears) patch[clear.field] = null;
  return patch;
}

export function hasEffect(update: MemberUpdate, clearEmpty: boolean): boolean {
  return update.changes.length > 0 || (clearEmpty && update.clears.length > 0);
}

export const NOTHING_TO_UPDATE = 'Hồ sơ đang lưu đã giống dòng này: không có gì để cập nhật.';

/**
 * Adds to each row that matches one stored member what updating it would change, and the choices
 * that follow: “update” when the update changes something and the rules accept it; “create” only
 * when just name and birth date matched and the row is a valid new file. A row matched by its card
 * or citizen id can only be that member, so its problems are those of the update, not of a new file
 * (a sheet of names, card numbers and phone numbers updates phones without the other columns).
 */
export function withMemberUpdates(
  plan: ImportPlan,
  stored: ReadonlyMap<string, StoredMemberFields>,
  mapping: ColumnMapping,
  settings: StoredSettingVersions,
  today: IsoDate,
): ImportPlan {
  const fields = mappedMemberFields(mapping);
  const rows = plan.rows.map((row): PlannedRow => {
    const duplicate = row.duplicate;
    const member = duplicate?.kind === 'register' && duplicate.memberId ? stored.get(duplicate.memberId) : undefined;
    if (!duplicate || !member) return row;
    const update = memberUpdate(member, row.draft, fields, settings, today);
    const errors = duplicate.weak ? row.errors : update.errors;
    const effect = update.changes.length > 0 || update.clears.length > 0;
    const actions: DuplicateAction[] = [
      'skip',
      ...(effect && update.errors.length === 0 ? (['update'] as const) : []),
      ...(duplicate.weak && row.errors.length === 0 ? (['create'] as const) : []),
    ];
    const messages = [
      ...duplicate.messages,
      ...(!effect && update.kept.length === 0 && update.errors.length === 0 ? [NOTHING_TO_UPDATE] : []),
      ...update.kept.map((difference) => difference.reason),
      ...(duplicate.weak ? update.errors.map((issue) => `Không cập nhật được: ${issue.message}`) : []),
    ];
    // The warnings of a new file (a probation overdue when the sheet has no official date…) say
    // nothing about an update of a member matched by card or citizen id.
    const warnings = duplicate.weak ? row.warnings : [];
    return { ...row, errors, warnings, update, duplicate: { ...duplicate, actions, messages } };
  });
  return { ...plan, rows };
}

/** The label of a field in the preview of changes. */
export function fieldLabel(field: string): string {
  return (MEMBER_FIELD_LABELS as Record<string, string>)[field] ?? field;
}
