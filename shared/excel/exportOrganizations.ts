/**
 * The organization list with its member counts as of a date, in tree order (each organization
 * followed by those under it, by their position), names indented by level.
 */
import { ORG_TYPE_LABELS } from '../domain/labels';
import type { OrgCounts } from '../domain/orgCounts';
import type { Id, Organization } from '../domain/types';
import { compareVietnamese } from '../text/vi';
import { fitWidths, textCell, type ExportCell, type HeaderCell, type SheetModel } from './workbook';

/** Active organizations in tree order with their depth (the root is 0). */
export function treeOrder(organizations: readonly Organization[]): { org: Organization; depth: number }[] {
  const active = organizations.filter((o) => o.status === 'active');
  const ids = new Set(active.map((o) => o.id));
  const children = new Map<Id | null, Organization[]>();
  for (const org of active) {
    const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    const list = children.get(parent);
    if (list) list.push(org);
    else children.set(parent, [org]);
  }
  const out: { org: Organization; depth: number }[] = [];
  const visit = (parent: Id | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.sortOrder - b.sortOrder || compareVietnamese(a.name, b.name),
    );
    for (const org of list) {
      out.push({ org, depth });
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function organizationListSheet(
  organizations: readonly Organization[],
  counts: ReadonlyMap<Id, OrgCounts>,
  options: { titles: string[]; sheetName: string },
): SheetModel {
  const header: (HeaderCell | null)[][] = [
    [
      'STT',
      'Tên tổ chức đảng',
      'Loại hình',
      'Trực thuộc',
      'Tổng số đảng viên',
      'Chính thức',
      'Dự bị',
      'Miễn sinh hoạt',
      'Sinh hoạt tạm thời',
    ].map((text) => ({ text })),
  ];
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const rows: ExportCell[][] = treeOrder(organizations).map(({ org, depth }, i) => {
    const c = counts.get(org.id);
    const number = (n: number | undefined) => ({ number: n ?? 0 });
    return [
      { number: i + 1 },
      // Non-breaking spaces: Excel keeps leading ones, and they show the level.
      textCell('\u00a0\u00a0\u00a0'.repeat(depth) + org.name),
      textCell(ORG_TYPE_LABELS[org.type]),
      textCell(org.parentId ? names.get(org.parentId) : ''),
      number(c?.total),
      number(c?.official),
      number(c?.probationary),
      number(c?.exempted),
      number(c?.temporary),
    ];
  });
  return { name: options.sheetName, titles: options.titles, header, rows, widths: fitWidths(header, rows, 9) };
}
