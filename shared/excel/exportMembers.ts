/**
 * The member sheets: any list with the columns the user picked, and the member register in the
 * 14 columns of form 7-HSĐV (Sổ danh sách đảng viên, domain.md §2.1). Dates are real Excel dates;
 * combined columns of the form put each value on its own line.
 */
import { codeLabel, type CodeList } from '../domain/codeLists';
import { formatDateVi } from '../domain/dates';
import {
  ARMED_FORCES_LABELS,
  MEMBER_EVENT_TYPE_LABELS,
  MEMBER_STATUS_SHORT_LABELS,
  SEX_LABELS,
} from '../domain/labels';
import type { Address, IsoDate, Member, MemberEvent } from '../domain/types';
import { toUpperName } from '../text/vi';
import { dateCell, fitWidths, textCell, type ExportCell, type HeaderCell, type SheetModel } from './workbook';

export interface ExportContext {
  organizationName: (id: string) => string;
  ethnicGroups: CodeList;
  religions: CodeList;
  politicalTheory: CodeList;
  professionalQualifications: CodeList;
}

export function placeText(address: Address | undefined): string {
  if (!address) return '';
  return [address.detail, address.commune, address.district, address.province].filter(Boolean).join(', ');
}

/** Every column a member list may carry, by the register's column keys. */
export const MEMBER_EXPORT_COLUMNS = {
  fullName: (m: Member) => textCell(m.fullName),
  sex: (m: Member) => textCell(SEX_LABELS[m.sex]),
  birthDate: (m: Member) => dateCell(m.birthDate),
  organization: (m: Member, ctx: ExportContext) => textCell(ctx.organizationName(m.organizationId)),
  status: (m: Member) => textCell(MEMBER_STATUS_SHORT_LABELS[m.status]),
  joinedOn: (m: Member) => dateCell(m.joinedOn),
  officialOn: (m: Member) => dateCell(m.officialOn),
  partyCardNumber: (m: Member) => textCell(m.partyCardNumber),
  dossierNumber: (m: Member) => textCell(m.dossierNumber),
  citizenId: (m: Member) => textCell(m.citizenId),
  ethnicity: (m: Member, ctx: ExportContext) => textCell(codeLabel(ctx.ethnicGroups, m.ethnicity)),
  religion: (m: Member, ctx: ExportContext) => textCell(codeLabel(ctx.religions, m.religion)),
  hometown: (m: Member) => textCell(placeText(m.hometown)),
  generalEducation: (m: Member) => textCell(m.generalEducation),
  politicalTheory: (m: Member, ctx: ExportContext) => textCell(codeLabel(ctx.politicalTheory, m.politicalTheory)),
  occupation: (m: Member) => textCell(m.occupation),
  phone: (m: Member) => textCell(m.phone),
} as const satisfies Record<string, (m: Member, ctx: ExportContext) => ExportCell>;
export type MemberExportColumn = keyof typeof MEMBER_EXPORT_COLUMNS;

export interface MemberListOptions {
  columns: readonly { key: MemberExportColumn; title: string }[];
  titles: string[];
  sheetName: string;
}

/** A member list: STT, then the chosen columns, in the order given. */
export function memberListSheet(
  members: readonly Member[],
  options: MemberListOptions,
  ctx: ExportContext,
): SheetModel {
  const header: (HeaderCell | null)[][] = [[{ text: 'STT' }, ...options.columns.map((c) => ({ text: c.title }))]];
  const rows = members.map((member, i) => [
    { number: i + 1 },
    ...options.columns.map((c) => MEMBER_EXPORT_COLUMNS[c.key](member, ctx)),
  ]);
  return {
    name: options.sheetName,
    titles: options.titles,
    header,
    rows,
    widths: fitWidths(header, rows, options.columns.length + 1),
  };
}

const lines = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join('\n');

function lastOf(events: readonly MemberEvent[], types: readonly MemberEvent['type'][]): MemberEvent | undefined {
  let found: MemberEvent | undefined;
  for (const event of events) if (types.includes(event.type) && (!found || event.date >= found.date)) found = event;
  return found;
}

const EXIT_TYPES = ['removedFromRolls', 'expelled', 'resigned'] as const;

/** The 14 columns of form 7-HSĐV; column 7 is split so both of its dates stay real dates. */
export function registerBookSheet(
  members: readonly Member[],
  eventsOf: (memberId: string) => readonly MemberEvent[],
  options: { titles: string[]; sheetName: string; asOf: IsoDate },
  ctx: ExportContext,
): SheetModel {
  const heading = (text: string, rowSpan = 2): HeaderCell => ({ text, rowSpan });
  const header: (HeaderCell | null)[][] = [
    [
      heading('STT'),
      heading('Họ và tên đang dùng\nHọ và tên khai sinh'),
      heading('Giới tính\nDân tộc\nTôn giáo'),
      heading('Quê quán'),
      heading('Giáo dục phổ thông\nChuyên môn\nLý luận chính trị\nNgoại ngữ'),
      heading('Nghề nghiệp khi vào Đảng\nNghề nghiệp hiện nay'),
      { text: 'Ngày vào Đảng, ngày chính thức', columnSpan: 2 },
      null,
      heading('Số thẻ đảng viên\nSố lý lịch\nHuy hiệu Đảng'),
      heading('Quân đội, công an\nHưu trí'),
      heading('Chuyển đi\n(ngày, nơi đến)'),
      heading('Chuyển đến\n(ngày, nơi đi)'),
      heading('Từ trần\n(ngày, nguyên nhân)'),
      heading('Ra khỏi Đảng\n(ngày, hình thức)'),
      heading('Ghi chú'),
    ],
    [null, null, null, null, null, null, { text: 'Ngày vào Đảng' }, { text: 'Ngày chính thức' }, null, null, null, null, null, null, null],
    ['1', '2', '3', '4', '5', '6', '7a', '7b', '8', '9', '10', '11', '12', '13', '14'].map((text) => ({ text })),
  ];
  const rows: ExportCell[][] = members.map((m, i) => {
    const events = eventsOf(m.id);
    const out = lastOf(events, ['transferOut']);
    const into = lastOf(events, ['transferIn']);
    const death = lastOf(events, ['deceased']);
    const exit = lastOf(events, EXIT_TYPES);
    const badges = events
      .filter((e) => e.type === 'award' && e.badgeYears)
      .map((e) => `Huy hiệu ${e.badgeYears} năm tuổi Đảng (${formatDateVi(e.date)})`);
    return [
      { number: i + 1 },
      textCell(lines(toUpperName(m.fullName), m.birthName && m.birthName !== m.fullName && toUpperName(m.birthName))),
      textCell(lines(SEX_LABELS[m.sex], codeLabel(ctx.ethnicGroups, m.ethnicity), codeLabel(ctx.religions, m.religion))),
      textCell(placeText(m.hometown)),
      textCell(
        lines(
          m.generalEducation,
          codeLabel(ctx.professionalQualifications, m.professionalQualification),
          codeLabel(ctx.politicalTheory, m.politicalTheory),
          m.foreignLanguages,
        ),
      ),
      textCell(lines(m.occupationBeforeAdmission, m.occupation)),
      dateCell(m.joinedOn),
      dateCell(m.officialOn),
      textCell(lines(m.partyCardNumber, m.dossierNumber, ...badges)),
      textCell(lines(m.armedForces && ARMED_FORCES_LABELS[m.armedForces], m.retired && 'Hưu trí')),
      textCell(out && lines(formatDateVi(out.date), out.toExternal ?? (out.toOrganizationId && ctx.organizationName(out.toOrganizationId)))),
      textCell(into && lines(formatDateVi(into.date), into.fromExternal ?? (into.fromOrganizationId && ctx.organizationName(into.fromOrganizationId)))),
      textCell(death && lines(formatDateVi(death.date), death.causeOfDeath)),
      textCell(exit && lines(formatDateVi(exit.date), MEMBER_EVENT_TYPE_LABELS[exit.type])),
      textCell(m.notes),
    ];
  });
  const widths = fitWidths(header, rows, 15);
  return { name: options.sheetName, titles: options.titles, header, rows, widths };
}
