/**
 * "Tiếp nhận tổ chức": a whole organization arrives from another committee with its members, as
 * the ward received 11 from Quận ủy Long Biên in July 2025 (domain.md §0.1, §3.2 "bulk moves").
 * The rows are read as typed (dates as dd/mm/yyyy); every problem is reported per row, and nothing
 * is planned while one remains, so a bad row can never leave half an organization behind.
 */
import { compareIsoDates, completeDate, formatDateVi, parseDateVi } from './dates';
import { compactNumber } from './formats';
import type { Id, IsoDate, Member, MemberEvent, Organization, Sex } from './types';
import { normalizeName, normalizeText } from '../text/vi';

/** One line of the members table, as typed. */
export interface ReceiptRow {
  fullName?: string;
  sex?: Sex | '';
  birthDate?: string;
  joinedOn?: string;
  officialOn?: string;
  partyCardNumber?: string;
}

export interface RowProblem {
  /** 1-based, as the table shows it. */
  row: number;
  message: string;
}

export interface ReceiptInput {
  /** The organization as entered; its origin and note are set here. */
  organization: Organization;
  /** The sending committee, e.g. 'Quận ủy Long Biên'. */
  sendingCommittee: string;
  receivedOn: IsoDate;
  decisionNumber?: string;
  rows: readonly ReceiptRow[];
  newId: () => Id;
}

export interface ReceiptPlan {
  organization: Organization;
  members: Member[];
  events: MemberEvent[];
}

const blank = (text: string | undefined) => !text || !text.trim();

/** A row with nothing typed in it: ignored, like the empty last line of a paper list. */
export function isBlankRow(row: ReceiptRow): boolean {
  return (
    blank(row.fullName) &&
    !row.sex &&
    blank(row.birthDate) &&
    blank(row.joinedOn) &&
    blank(row.officialOn) &&
    blank(row.partyCardNumber)
  );
}

interface ParsedRow {
  fullName: string;
  sex: Sex;
  birthDate: IsoDate;
  joinedOn: IsoDate;
  officialOn?: IsoDate;
  partyCardNumber?: string;
}

/** Reads one row; returns the row or the list of what is wrong with it (clauses of a sentence). */
function parseRow(row: ReceiptRow, receivedOn: IsoDate): ParsedRow | string[] {
  const wrong: string[] = [];
  const date = (label: string, text: string | undefined, required: boolean): IsoDate | undefined => {
    if (blank(text)) {
      if (required) wrong.push(`chưa nhập ${label}`);
      return undefined;
    }
    const iso = parseDateVi(text!);
    if (!iso) wrong.push(`${label} “${text!.trim()}” không đúng dạng ngày/tháng/năm (dd/mm/yyyy)`);
    return iso;
  };
  const fullName = normalizeName(row.fullName ?? '');
  if (!fullName) wrong.push('chưa nhập họ và tên');
  if (row.sex !== 'male' && row.sex !== 'female') wrong.push('chưa chọn giới tính');
  const birthDate = date('ngày sinh', row.birthDate, true);
  const joinedOn = date('ngày vào Đảng', row.joinedOn, true);
  const officialOn = date('ngày chính thức', row.officialOn, false);

  // A partial date may be any day of its year or month: refuse only what is wrong for every reading.
  const notAfter = (a: IsoDate, b: IsoDate) =>
    compareIsoDates(completeDate(a, 'end'), completeDate(b, 'start')) <= 0;
  if (birthDate && joinedOn && notAfter(joinedOn, birthDate)) wrong.push('ngày vào Đảng phải sau ngày sinh');
  if (joinedOn && officialOn && notAfter(officialOn, joinedOn))
    wrong.push('ngày chính thức phải sau ngày vào Đảng');
  for (const [label, value] of [
    ['ngày vào Đảng', joinedOn],
    ['ngày chính thức', officialOn],
  ] as const) {
    if (value && compareIsoDates(completeDate(value, 'start'), receivedOn) > 0)
      wrong.push(`${label} sau ngày tiếp nhận ${formatDateVi(receivedOn)}`);
  }
  if (wrong.length > 0) return wrong;
  const card = compactNumber(normalizeText(row.partyCardNumber ?? ''));
  return {
    fullName,
    sex: row.sex as Sex,
    birthDate: birthDate!,
    joinedOn: joinedOn!,
    ...(officialOn && { officialOn }),
    ...(card && { partyCardNumber: card }),
  };
}

/** Problems of every non-blank row, one Vietnamese sentence per row. */
export function receiptRowProblems(rows: readonly ReceiptRow[], receivedOn: IsoDate): RowProblem[] {
  const problems: RowProblem[] = [];
  rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const parsed = parseRow(row, receivedOn);
    if (Array.isArray(parsed)) {
      const sentence = parsed.join('; ');
      problems.push({ row: index + 1, message: `Dòng ${index + 1}: ${sentence}.` });
    }
  });
  return problems;
}

/**
 * The organization, its members and their events, for one write. Each member gets one 'transferIn'
 * (official transfer from the sending committee, on the receipt date, arriving with the status the
 * letter gives): their history before it belongs to the sending committee, and the lifecycle reads
 * the member as arriving on that day (lifecycle.ts), so counts before the receipt leave them out.
 */
export function planReceipt(
  input: ReceiptInput,
): { ok: true; plan: ReceiptPlan } | { ok: false; problems: RowProblem[] } {
  const { receivedOn, newId } = input;
  const problems = receiptRowProblems(input.rows, receivedOn);
  if (problems.length > 0) return { ok: false, problems };
  const sending = normalizeText(input.sendingCommittee);
  const decisionNumber = normalizeText(input.decisionNumber ?? '');
  const organization: Organization = {
    ...input.organization,
    origin: 'receivedFromOtherCommittee',
    originNote: `Tiếp nhận từ ${sending}`,
  };
  const members: Member[] = [];
  const events: MemberEvent[] = [];
  for (const row of input.rows) {
    if (isBlankRow(row)) continue;
    const parsed = parseRow(row, receivedOn) as ParsedRow;
    const member: Member = {
      id: newId(),
      organizationId: organization.id,
      status: parsed.officialOn ? 'official' : 'probationary',
      ...parsed,
    };
    members.push(member);
    events.push({
      id: newId(),
      memberId: member.id,
      type: 'transferIn',
      date: receivedOn,
      transferKind: 'official',
      fromExternal: sending,
      toOrganizationId: organization.id,
      organizationId: organization.id,
      arrivalStatus: member.status === 'official' ? 'official' : 'probationary',
      note: `Tiếp nhận cùng ${organization.name}`,
      ...(decisionNumber && { decisionNumber }),
    });
  }
  return { ok: true, plan: { organization, members, events } };
}
