/**
 * The changes over a period (domain.md §5 "Changes in the period"), from the member events: who was
 * admitted, made official, transferred in or out, died, was removed from the rolls, expelled, left
 * the Party or was readmitted, in the organizations under the root.
 *
 * An event counts against the organization it names (the receiving one for an arrival, the one
 * left for a departure); an event that names none counts against the member's organization on its
 * date, replayed by the lifecycle rules. A move inside the ward (`transferInternal`) is an arrival
 * or a departure only when it crosses the sub-tree's edge, so the ward itself counts only real
 * crossings of its boundary. Temporary transfers do not change where a member belongs and are
 * not counted. Events with a partial date count when their first possible day is in the period.
 */
import { addDays, isFullIsoDate } from '../domain/dates';
import type { Id, IsoDate, MemberEvent } from '../domain/types';
import { Tally, type Figure } from './statisticsFigures';
import { dayKeyOf } from './statisticsDates';
import { stateAt } from './statisticsTimeline';
import type { MemberChange } from './statisticsPrepared';

export const CHANGE_KINDS = [
  'admitted',
  'readmitted',
  'madeOfficial',
  'transferredIn',
  'transferredOut',
  'deceased',
  'removedFromRolls',
  'expelled',
  'resigned',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_LABELS = {
  admitted: 'Kết nạp',
  readmitted: 'Kết nạp lại',
  madeOfficial: 'Chuyển đảng chính thức',
  transferredIn: 'Chuyển sinh hoạt đến',
  transferredOut: 'Chuyển sinh hoạt đi',
  deceased: 'Từ trần',
  removedFromRolls: 'Xóa tên',
  expelled: 'Khai trừ',
  resigned: 'Ra khỏi Đảng',
} as const satisfies Record<ChangeKind, string>;

export interface ChangesResult {
  from: IsoDate;
  to: IsoDate;
  /** One figure per kind, in `CHANGE_KINDS` order; ids are member ids (a member may appear twice). */
  figures: Figure[];
}

interface ChangeContext {
  period: { from: IsoDate; to: IsoDate };
  inTree: (organizationId: Id | undefined) => boolean;
}

const SIMPLE: Partial<Record<MemberEvent['type'], ChangeKind>> = {
  admission: 'admitted',
  readmission: 'readmitted',
  madeOfficial: 'madeOfficial',
  deceased: 'deceased',
  removedFromRolls: 'removedFromRolls',
  expelled: 'expelled',
  resigned: 'resigned',
};

/** The first index whose day is at least `day`. */
function firstFrom(changes: readonly MemberChange[], day: number): number {
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (changes[mid]!.day < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function countChanges(changes: readonly MemberChange[], context: ChangeContext): ChangesResult {
  const { period, inTree } = context;
  const from = dayKeyOf(period.from, 'start');
  const to = dayKeyOf(period.to, 'end');
  if (from === undefined || to === undefined) throw new RangeError('Kỳ thống kê không hợp lệ.');
  const tally = new Tally(CHANGE_KINDS.map((kind) => ({ key: kind, label: CHANGE_LABELS[kind] })));
  for (let i = firstFrom(changes, from); i < changes.length && changes[i]!.day <= to; i += 1) {
    const { event, prepared } = changes[i]!;
    const { member, timeline } = prepared;
    const orgOnDate = () => stateAt(timeline, dayKeyOf(event.date, 'end')!)?.organizationId;
    const kind =
      SIMPLE[event.type] ??
      (event.type === 'discipline' && event.disciplineForm === 'expulsion' ? 'expelled' : undefined);
    if (kind) {
      const org = event.toOrganizationId ?? event.organizationId ?? event.fromOrganizationId ?? orgOnDate();
      if (inTree(org)) tally.add(kind, member.id);
      continue;
    }
    if (event.transferKind === 'temporary') continue;
    if (event.type === 'transferIn') {
      if (inTree(event.toOrganizationId ?? event.organizationId ?? orgOnDate()))
        tally.add('transferredIn', member.id);
    } else if (event.type === 'transferOut') {
      if (inTree(event.fromOrganizationId ?? event.organizationId ?? orgOnDate()))
        tally.add('transferredOut', member.id);
    } else if (event.type === 'transferInternal') {
      const origin =
        event.fromOrganizationId ??
        (isFullIsoDate(event.date)
          ? stateAt(timeline, dayKeyOf(addDays(event.date, -1))!)?.organizationId
          : undefined);
      const arrives = inTree(event.toOrganizationId);
      const leaves = inTree(origin);
      if (arrives && !leaves) tally.add('transferredIn', member.id);
      if (leaves && !arrives) tally.add('transferredOut', member.id);
    }
  }
  return { from: period.from, to: period.to, figures: tally.figures() };
}
