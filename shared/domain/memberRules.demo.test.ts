/**
 * The demo ward is generated to obey domain.md §3 and §7; the member rules and the lifecycle must
 * agree with it: no error on any file, and every history replays to the status the file holds.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoWard } from '../demo/generator';
import { DEFAULT_ETHNIC_GROUPS, DEFAULT_RELIGIONS } from './codeLists';
import { memberStateOn } from './lifecycle';
import { checkMember, type MemberRuleContext } from './memberRules';
import type { MemberEvent } from './types';

const asOf = '2026-03-15';
const ward = generateDemoWard({ seed: 20250701, asOf });
const eventsByMember = new Map<string, MemberEvent[]>();
for (const event of ward.events)
  eventsByMember.set(event.memberId, [...(eventsByMember.get(event.memberId) ?? []), event]);

const context: MemberRuleContext = {
  today: asOf,
  probationMonths: 12,
  admissionMinAgeYears: 18,
  admissionMaxAgeYears: 60,
  ceremonyWorkingDays: 30,
  probationReviewWorkingDays: 30,
  ethnicGroups: DEFAULT_ETHNIC_GROUPS,
  religions: DEFAULT_RELIGIONS,
};

describe(`the demo ward (${ward.members.length} members)`, () => {
  it('has no file the member rules refuse', () => {
    const refused = ward.members
      .map((member) => ({ member: member.fullName, errors: checkMember(member, context).errors }))
      .filter((entry) => entry.errors.length > 0);
    expect(refused).toEqual([]);
  });

  it('replays every history to the status and organization each file holds today', () => {
    const differing = ward.members.filter((member) => {
      const state = memberStateOn(member, eventsByMember.get(member.id) ?? [], asOf);
      return state?.status !== member.status || state.organizationId !== member.organizationId;
    });
    expect(differing.map((m) => m.fullName)).toEqual([]);
  });
});
