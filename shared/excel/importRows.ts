/**
 * Turns the rows of a member list into checked member drafts: each cell is read by its column's
 * field (cells.ts), the draft is cleaned and checked by the same rules as the member form
 * (memberDraft.ts, memberRules.ts), and likely duplicates are found among the file's own rows and
 * the register (memberDuplicates.ts), through Maps so 10,000 rows stay linear.
 *
 * Rows that are not members are told apart from bad members: empty rows, a total line and the
 * signature block below the table are passed over; a row holding only an organization's name
 * starts a section whose members go to that organization.
 */
import { completeDate } from '../domain/dates';
import { MEMBER_FIELD_LABELS } from '../domain/labels';
import {
  canAttend,
  checkMember,
  findDuplicates,
  memberRuleContext,
  normalizeMemberDraft,
  type DuplicateCandidate,
  type MemberDraft,
  type StoredSettingVersions,
} from '../domain/memberRules';
import { resolveSetting } from '../domain/settings';
import { SETTINGS } from '../domain/settingDefinitions';
import type { Issue } from '../domain/ruleIssues';
import type { Address, IsoDate, Member, Organization } from '../domain/types';
import { foldForSearch } from '../text/vi';
import {
  CODE_ALIASES,
  cellText,
  codeReader,
  isFilledCell,
  readDateCell,
  readGeneralEducation,
  readNumberText,
  readSexCell,
  type SheetCell,
} from './cells';
import { foldHeading, type ColumnMapping, type ImportField } from './headings';
import type { MemberUpdate } from './memberUpdates';

export type ExistingMember = DuplicateCandidate & Pick<Member, 'organizationId' | 'status'>;

/** What the user does with a row that duplicates a member: leave it out, update that member, or add a new one. */
export type DuplicateAction = 'skip' | 'update' | 'create';

export interface RowDuplicate {
  /** `register`: a member already stored; `file`: an earlier row of the same file. */
  kind: 'register' | 'file';
  /** Sentences naming what matched. */
  messages: string[];
  /** The stored member (register) when exactly one matched. */
  memberId?: string;
  /** The earlier row's number in the sheet (file). */
  row?: number;
  /** Whether only name and birth date matched: two different people may share them. */
  weak: boolean;
  /** The choices open for this row, the first being the default. */
  actions: DuplicateAction[];
}

export interface PlannedRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: readonly SheetCell[];
  draft: MemberDraft;
  errors: Issue[];
  warnings: Issue[];
  duplicate?: RowDuplicate;
  /** For a row matching one stored member: what updating that member would change (memberUpdates.ts). */
  update?: MemberUpdate;
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** Rows passed over: the total line and signature block (1-based). */
  footerRows: number[];
}

export interface PlanContext {
  today: IsoDate;
  settings: StoredSettingVersions;
  organizations: readonly Organization[];
  /** Where rows go when no organization column (or section) names one. */
  targetOrganizationId?: string;
  existing: readonly ExistingMember[];
  /**
   * The lifecycle's verdict on the history a new file would start (the member form's own check,
   * supplied by the caller): an issue, or null.
   */
  judgeNew?: (draft: MemberDraft, probationMonths: number) => Issue | null;
}

const label = (field: keyof typeof MEMBER_FIELD_LABELS) => MEMBER_FIELD_LABELS[field];

/** Folded organization name, with and without its leading type (“Chi bộ”, “Đảng bộ”). */
function orgKeys(name: string): string[] {
  const folded = foldHeading(name);
  const bare = folded.replace(/^(chi bo|dang bo|to dang)\s+/, '');
  return bare !== folded && bare ? [folded, bare] : [folded];
}

export function organizationMatcher(organizations: readonly Organization[]) {
  const byKey = new Map<string, Organization | null>();
  const add = (key: string, org: Organization) => {
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined || seen?.id === org.id ? org : null);
  };
  for (const org of organizations) {
    if (!canAttend(org)) continue;
    for (const key of orgKeys(org.name)) add(key, org);
    if (org.shortName) for (const key of orgKeys(org.shortName)) add(key, org);
  }
  /** The organization a name means; null when none or several do. */
  return (name: string): Organization | null => {
    for (const key of orgKeys(name)) {
      const org = byKey.get(key);
      if (org) return org;
    }
    return null;
  };
}

const FOOTER = [
  /^tong cong\b/,
  /^tong so\b/,
  /^cong\b/,
  /^tong\b/,
  /^nguoi lap\b/,
  /^xac nhan\b/,
  /^t m\b/,
  /^tm\b/,
  /^bi thu\b/,
  /^noi nhan\b/,
  /\bngay \d{1,2} thang \d{1,2} nam \d{4}\b/,
];

function isFooterText(text: string): boolean {
  const folded = foldHeading(text);
  return FOOTER.some((pattern) => pattern.test(folded));
}

/** 'Phúc Lợi, Long Biên, Hà Nội' → commune, district, province; a longer line keeps its start as detail. */
export function parseAddress(text: string): Address | undefined {
  const parts = text
    .split(/[,;–-]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return { province: parts[0]! };
  if (parts.length === 2) return { commune: parts[0]!, province: parts[1]! };
  if (parts.length === 3) return { commune: parts[0]!, district: parts[1]!, province: parts[2]! };
  return {
    detail: parts.slice(0, -3).join(', '),
    commune: parts.at(-3)!,
    district: parts.at(-2)!,
    province: parts.at(-1)!,
  };
}

type Readers = ReturnType<typeof makeReaders>;

function makeReaders(settings: StoredSettingVersions, today: IsoDate) {
  const list = <T>(definition: Parameters<typeof resolveSetting<T>>[0]) =>
    resolveSetting(definition, settings[definition.key], today);
  return {
    ethnicity: codeReader(list(SETTINGS.ethnicGroups), CODE_ALIASES.ethnicity),
    religion: codeReader(list(SETTINGS.religions), CODE_ALIASES.religion),
    politicalTheory: codeReader(list(SETTINGS.politicalTheoryLevels), CODE_ALIASES.politicalTheory),
    professionalQualification: codeReader(
      list(SETTINGS.professionalQualifications),
      CODE_ALIASES.professionalQualification,
    ),
  };
}

const DATE_FIELDS = {
  birthDate: 'birthDate',
  joinedOn: 'joinedOn',
  officialOn: 'officialOn',
  admissionDecisionDate: 'admissionDecisionDate',
} as const;

const TEXT_FIELDS = [
  'fullName',
  'birthName',
  'dossierNumber',
  'admissionDecisionNumber',
  'major',
  'foreignLanguages',
  'occupation',
  'workplace',
  'partyPosts',
  'notes',
] as const;

const ADDRESS_FIELDS = ['hometown', 'birthPlace', 'permanentAddress'] as const;

/** Reads one row's cells into a raw draft; problems reading a cell are errors on its field. */
function readRow(
  cells: readonly SheetCell[],
  mapping: ColumnMapping,
  readers: Readers,
  errors: Issue[],
): { draft: MemberDraft; organizationName?: string } {
  const draft: MemberDraft = {};
  let organizationName: string | undefined;
  mapping.forEach((field, column) => {
    if (!field || field === 'ignore') return;
    const cell = cells[column];
    read(field, cell);
  });
  return { draft, ...(organizationName !== undefined && { organizationName }) };

  function read(field: Exclude<ImportField, 'ignore'>, cell: SheetCell): void {
    if ((TEXT_FIELDS as readonly string[]).includes(field)) {
      const text = cellText(cell);
      if (text) (draft as Record<string, unknown>)[field] = text;
      return;
    }
    if ((ADDRESS_FIELDS as readonly string[]).includes(field)) {
      const address = parseAddress(cellText(cell));
      if (address) (draft as Record<string, unknown>)[field] = address;
      return;
    }
    if (field in DATE_FIELDS) {
      const key = DATE_FIELDS[field as keyof typeof DATE_FIELDS];
      const result = readDateCell(cell, label(key));
      if ('value' in result) draft[key] = result.value;
      else if ('error' in result) errors.push({ field: key, message: result.error });
      return;
    }
    switch (field) {
      case 'birthDateMale':
      case 'birthDateFemale': {
        const result = readDateCell(cell, label('birthDate'));
        if ('empty' in result) return;
        if (draft.birthDate !== undefined || draft.sex !== undefined) {
          errors.push({ field: 'birthDate', message: 'Dòng này ghi năm sinh ở cả cột Nam và cột Nữ; hãy để lại một cột.' });
          return;
        }
        draft.sex = field === 'birthDateMale' ? 'male' : 'female';
        if ('value' in result) draft.birthDate = result.value;
        else errors.push({ field: 'birthDate', message: result.error });
        return;
      }
      case 'sex': {
        const result = readSexCell(cell);
        if ('value' in result) draft.sex = result.value;
        else if ('error' in result) errors.push({ field: 'sex', message: result.error });
        return;
      }
      case 'ethnicity':
      case 'religion': {
        const result = readers[field](cell);
        // An unknown name is kept as typed: the member rules say it is not in the code list.
        if ('code' in result) draft[field] = result.code;
        else if ('unknown' in result) draft[field] = result.unknown;
        return;
      }
      case 'politicalTheory':
      case 'professionalQualification': {
        const result = readers[field](cell);
        if ('code' in result) draft[field] = result.code;
        else if ('unknown' in result)
          errors.push({
            field,
            message: `${label(field)} “${result.unknown}” không có trong danh mục; hãy ghi đúng tên một mức trong danh mục (ví dụ ${field === 'politicalTheory' ? '“Sơ cấp”, “Trung cấp”, “Cao cấp”' : '“Trung cấp”, “Đại học”, “Thạc sĩ”'}).`,
          });
        return;
      }
      case 'generalEducation': {
        const text = readGeneralEducation(cell);
        if (text) draft.generalEducation = text;
        return;
      }
      case 'citizenId':
      case 'partyCardNumber':
      case 'phone': {
        const digits = { citizenId: 12, partyCardNumber: 8, phone: 10 }[field];
        const text = readNumberText(cell, digits);
        if (text) draft[field] = text;
        return;
      }
      case 'organization': {
        const text = cellText(cell);
        if (text) organizationName = text;
        return;
      }
    }
  }
}

/** The cells of a row that hold anything. */
function filledCells(cells: readonly SheetCell[]): SheetCell[] {
  return cells.filter(isFilledCell);
}

type DuplicateKeys = Pick<MemberDraft, 'partyCardNumber' | 'citizenId' | 'fullName' | 'birthDate'>;

/**
 * Maps from each identifying key to the members holding it, for linear duplicate lookups. Names
 * are grouped by birth date and a group's names are folded the first time a row asks about that
 * date, so indexing a register of 100,000 folds only the names some row could match.
 */
class DuplicateIndex<T> {
  private readonly byCard = new Map<string, T[]>();
  private readonly byCitizenId = new Map<string, T[]>();
  private readonly byBirthDate = new Map<string, { entries: { name: string; item: T }[]; byName?: Map<string, T[]> }>();

  /** `nameKey`: the folded name, when the caller has it (a row asks two indexes and adds to one). */
  add(keys: DuplicateKeys, item: T, nameKey?: () => string): void {
    push(this.byCard, keys.partyCardNumber, item);
    push(this.byCitizenId, keys.citizenId, item);
    if (!keys.fullName || !keys.birthDate) return;
    let group = this.byBirthDate.get(keys.birthDate);
    if (!group) this.byBirthDate.set(keys.birthDate, (group = { entries: [] }));
    group.entries.push({ name: keys.fullName, item });
    if (group.byName) push(group.byName, nameKey ? nameKey() : foldForSearch(keys.fullName), item);
  }

  /** Items sharing a card or citizen id (`strong`), or only name and birth date. */
  find(draft: MemberDraft, nameKey?: () => string): { strong: T[]; weak: T[] } {
    const strong = new Set<T>([
      ...(draft.partyCardNumber ? (this.byCard.get(draft.partyCardNumber) ?? []) : []),
      ...(draft.citizenId ? (this.byCitizenId.get(draft.citizenId) ?? []) : []),
    ]);
    const group = draft.fullName && draft.birthDate ? this.byBirthDate.get(draft.birthDate) : undefined;
    if (group && !group.byName) {
      group.byName = new Map();
      for (const entry of group.entries) push(group.byName, foldForSearch(entry.name), entry.item);
    }
    const sameName = group?.byName?.get(nameKey ? nameKey() : foldForSearch(draft.fullName!)) ?? [];
    return { strong: [...strong], weak: sameName.filter((item) => !strong.has(item)) };
  }
}

function push<V>(map: Map<string, V[]>, key: string | undefined, value: V): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function fileDuplicate(draft: MemberDraft, earlier: PlannedRow, weak: boolean): RowDuplicate {
  const what: string[] = [];
  if (draft.partyCardNumber && earlier.draft.partyCardNumber === draft.partyCardNumber) what.push('số thẻ đảng viên');
  if (draft.citizenId && earlier.draft.citizenId === draft.citizenId) what.push('số định danh cá nhân');
  if (weak || what.length === 0) what.push('họ tên và ngày sinh');
  return {
    kind: 'file',
    row: earlier.row,
    weak,
    messages: [`Trùng ${what.join(', ')} với dòng ${earlier.row} của tệp; hãy kiểm tra có phải ghi một người hai lần không.`],
    actions: weak ? ['skip', 'create'] : ['skip'],
  };
}

function registerDuplicate(draft: MemberDraft, matches: ExistingMember[], weak: boolean): RowDuplicate {
  const messages = findDuplicates(draft, matches).map((issue) => issue.message);
  const single = new Set(matches.map((m) => m.id)).size === 1;
  return {
    kind: 'register',
    messages,
    weak,
    ...(single && { memberId: matches[0]!.id }),
    // Updating needs one member to update; a new file is only sensible when just name and birth agree.
    actions: ['skip', ...(single ? (['update'] as const) : []), ...(weak ? (['create'] as const) : [])],
  };
}

/** Rows between two progress reports of `planImport`. */
export const PROGRESS_EVERY = 500;

/**
 * Plans the import of the data rows of a sheet (from `firstDataRow`, 0-based) under a mapping;
 * `onProgress` hears how many of the sheet's rows are done, every `PROGRESS_EVERY` rows and at the end.
 */
export function planImport(
  rows: readonly (readonly SheetCell[])[],
  firstDataRow: number,
  mapping: ColumnMapping,
  context: PlanContext,
  onProgress?: (done: number, total: number) => void,
): ImportPlan {
  const { today, settings } = context;
  const readers = makeReaders(settings, today);
  const matchOrganization = organizationMatcher(context.organizations);
  const target = context.targetOrganizationId;
  const nameColumn = mapping.indexOf('fullName');
  const registerIndex = new DuplicateIndex<ExistingMember>();
  for (const member of context.existing) if (member.deleted !== 1) registerIndex.add(member, member);
  const fileIndex = new DuplicateIndex<PlannedRow>();

  const planned: PlannedRow[] = [];
  const footerRows: number[] = [];
  let section: Organization | null = null;

  const total = Math.max(0, rows.length - firstDataRow);
  for (let index = firstDataRow; index < rows.length; index++) {
    if (onProgress && (index - firstDataRow) % PROGRESS_EVERY === 0 && index > firstDataRow) onProgress(index - firstDataRow, total);
    const cells = rows[index] ?? [];
    const rowNumber = index + 1;
    const filled = filledCells(cells);
    if (filled.length === 0) continue;
    const name = nameColumn >= 0 ? cellText(cells[nameColumn]) : '';
    if (footerRows.length > 0 || isFooterText(name || cellText(filled[0]))) {
      footerRows.push(rowNumber);
      continue;
    }
    // A row holding a single text that names an organization starts that organization's section.
    if (filled.length === 1 && typeof filled[0] === 'string') {
      const org = matchOrganization(filled[0].replace(/^[IVXLC]+[.)]\s*|^\d+[.)]\s*/, ''));
      if (org) {
        section = org;
        continue;
      }
    }
    // A row with no name and nothing but its number is an unfilled line of a printed form.
    if (!name && filled.every((cell) => typeof cell === 'number' || /^\d+$/.test(cellText(cell)))) continue;

    const errors: Issue[] = [];
    const { draft: raw, organizationName } = readRow(cells, mapping, readers, errors);
    let organizationId: string | undefined;
    if (organizationName) {
      const org = matchOrganization(organizationName);
      if (org) organizationId = org.id;
      else
        errors.push({
          field: 'organizationId',
          message: `Không tìm thấy chi bộ “${organizationName}” trong danh sách tổ chức đảng đang hoạt động; hãy sửa tên cho đúng như trong phần Tổ chức đảng.`,
        });
    }
    organizationId ??= organizationName ? undefined : (section?.id ?? target);
    if (!organizationId && !organizationName)
      errors.push({
        field: 'organizationId',
        message: 'Chưa biết đảng viên sinh hoạt ở chi bộ nào: hãy chọn chi bộ nhận cho cả tệp, hoặc thêm cột “Chi bộ”.',
      });
    const draft = normalizeMemberDraft({ ...raw, ...(organizationId && { organizationId }) });
    const ruleContext = memberRuleContext(settings, draft, today);
    const official = draft.officialOn !== undefined && isDate(draft.officialOn) && completeDate(draft.officialOn, 'start') <= today;
    const result = checkMember({ ...draft, status: official ? 'official' : 'probationary' }, ruleContext);
    // A cell that could not be read already has its sentence; the rules' “required” one would repeat it.
    const readFields = new Set(errors.map((issue) => issue.field));
    errors.push(...result.errors.filter((issue) => !readFields.has(issue.field)));
    if (errors.length === 0 && context.judgeNew) {
      const refusal = context.judgeNew(draft, ruleContext.probationMonths);
      if (refusal) errors.push(refusal);
    }
    const row: PlannedRow = { row: rowNumber, cells, draft, errors, warnings: result.warnings };

    // The folded name, made once for both indexes and only if one of them needs it.
    let folded: string | undefined;
    const nameKey = () => (folded ??= foldForSearch(draft.fullName ?? ''));
    const inFile = fileIndex.find(draft, nameKey);
    const earlier = inFile.strong[0] ?? inFile.weak[0];
    if (earlier) row.duplicate = fileDuplicate(draft, earlier, inFile.strong.length === 0);
    else {
      const stored = registerIndex.find(draft, nameKey);
      const matches = stored.strong.length > 0 ? stored.strong : stored.weak;
      if (matches.length > 0) row.duplicate = registerDuplicate(draft, matches, stored.strong.length === 0);
    }
    fileIndex.add(draft, row, nameKey);
    planned.push(row);
  }
  onProgress?.(total, total);
  return { rows: planned, footerRows };
}

function isDate(text: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text);
}
