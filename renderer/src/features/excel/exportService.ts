/**
 * Builds the export workbooks from the database: the context the sheets need (organization names,
 * code lists in force today) and, for the 7-HSĐV register, the members' lifecycle events.
 */
import { formatDateVi } from '@shared/domain/dates';
import { resolveSetting } from '@shared/domain/settings';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import type { Id, IsoDate, Member, MemberEvent, Organization } from '@shared/domain/types';
import type { OrgCounts } from '@shared/domain/orgCounts';
import {
  memberListSheet,
  registerBookSheet,
  type ExportContext,
  type MemberExportColumn,
} from '@shared/excel/exportMembers';
import { organizationListSheet } from '@shared/excel/exportOrganizations';
import type { SheetModel } from '@shared/excel/workbook';
import { formatCount } from '@shared/reports/overview';
import type { QldvDatabase } from '../../db/database';
import { vi } from '../../i18n/vi';
import { findWard, liveOrganizations } from '../organizations/queries';
import { storedSettingVersions } from './importService';

const t = vi.excel.export;

export async function exportContext(db: QldvDatabase, today: IsoDate): Promise<ExportContext & { wardName: string }> {
  const [organizations, settings, ward] = await Promise.all([
    liveOrganizations(db) as unknown as Promise<Organization[]>,
    storedSettingVersions(db),
    findWard(db),
  ]);
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const list = <T>(definition: Parameters<typeof resolveSetting<T>>[0]) =>
    resolveSetting(definition, settings[definition.key], today);
  return {
    organizationName: (id: string) => names.get(id) ?? '',
    ethnicGroups: list(SETTINGS.ethnicGroups),
    religions: list(SETTINGS.religions),
    politicalTheory: list(SETTINGS.politicalTheoryLevels),
    professionalQualifications: list(SETTINGS.professionalQualifications),
    wardName: ward ? String(ward.name) : '',
  };
}

export interface ListScope {
  /** The organization the list is filtered to, if any: named under the title. */
  organizationId?: Id;
  total: number;
}

function titles(main: string, ctx: { wardName: string; organizationName: (id: string) => string }, scope: ListScope, count: number, today: IsoDate) {
  const lines = [main, scope.organizationId ? ctx.organizationName(scope.organizationId) : ctx.wardName];
  lines.push(t.asOf(formatDateVi(today)));
  if (count !== scope.total) lines.push(t.filtered(formatCount(count), formatCount(scope.total)));
  return lines.filter(Boolean);
}

export async function memberListWorkbook(
  db: QldvDatabase,
  members: readonly Member[],
  columns: readonly { key: MemberExportColumn; title: string }[],
  scope: ListScope,
  today: IsoDate,
): Promise<SheetModel> {
  const ctx = await exportContext(db, today);
  return memberListSheet(
    members,
    { columns, titles: titles(t.listTitle, ctx, scope, members.length, today), sheetName: t.listSheet },
    ctx,
  );
}

export async function registerBookWorkbook(
  db: QldvDatabase,
  members: readonly Member[],
  scope: ListScope,
  today: IsoDate,
): Promise<SheetModel> {
  const ctx = await exportContext(db, today);
  const wanted = new Set(members.map((m) => m.id));
  const byMember = new Map<string, MemberEvent[]>();
  await db.memberEvents.each((record) => {
    const event = record as unknown as MemberEvent & { deleted: 0 | 1 };
    if (event.deleted !== 0 || !wanted.has(event.memberId)) return;
    const list = byMember.get(event.memberId);
    if (list) list.push(event);
    else byMember.set(event.memberId, [event]);
  });
  return registerBookSheet(
    members,
    (id) => byMember.get(id) ?? [],
    { titles: titles(t.bookTitle, ctx, scope, members.length, today), sheetName: t.bookSheet, asOf: today },
    ctx,
  );
}

export async function organizationsWorkbook(
  db: QldvDatabase,
  organizations: readonly Organization[],
  counts: ReadonlyMap<Id, OrgCounts>,
  asOf: IsoDate,
): Promise<SheetModel> {
  const ward = await findWard(db);
  return organizationListSheet(organizations, counts, {
    titles: [t.organizationsTitle, ward ? String(ward.name) : '', t.asOf(formatDateVi(asOf))].filter(Boolean),
    sheetName: t.organizationsSheet,
  });
}
