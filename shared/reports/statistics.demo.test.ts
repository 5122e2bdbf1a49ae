/**
 * The statistics on the demo ward: they agree with the organization tree's counts as of the same
 * date, every breakdown adds up to the total, and the whole computation stays fast.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoWard } from '../demo/generator';
import { memberStateOn } from '../domain/lifecycle';
import { countByOrganization, rollUp } from '../domain/orgCounts';
import { SETTINGS } from '../domain/settingDefinitions';
import { resolveSetting } from '../domain/settings';
import type { IsoDate } from '../domain/types';
import { computeStatistics, MEMBER_BREAKDOWNS, type StatisticsOptions } from './statistics';
import { groupEventsByMember } from './statisticsTree';
import { buildTimelines, stateAt } from './statisticsTimeline';
import { prepareMembers } from './statisticsPrepared';
import { dayKeyOf } from './statisticsDates';
import { DEFAULT_LIFECYCLE_RULES } from '../domain/lifecycleMachine';

const demo = generateDemoWard({ seed: 'statistics' });
const byMember = groupEventsByMember(demo.events);

function optionsFor(asOf: IsoDate, rootOrgId = demo.rootId): StatisticsOptions {
  const setting = <T>(definition: Parameters<typeof resolveSetting<T>>[0]) =>
    resolveSetting(definition, undefined, asOf);
  return {
    asOf,
    rootOrgId,
    ageBands: setting(SETTINGS.ageBands),
    tenureBands: setting(SETTINGS.tenureBands),
    admissionPeriodBands: setting(SETTINGS.admissionPeriodBands),
    branchMinFullMembers: setting(SETTINGS.branchMinOfficialMembers),
    codeLists: {
      ethnicGroups: setting(SETTINGS.ethnicGroups),
      religions: setting(SETTINGS.religions),
      professionalQualifications: setting(SETTINGS.professionalQualifications),
      academicTitles: setting(SETTINGS.academicTitles),
      politicalTheoryLevels: setting(SETTINGS.politicalTheoryLevels),
      orgCategories: setting(SETTINGS.orgCategories),
    },
  };
}

/** What the organization tree shows for the same date (useOrgCounts on a past date). */
function treeTotals(asOf: IsoDate) {
  const states = demo.members.map((m) => memberStateOn(m, byMember.get(m.id) ?? [], asOf));
  return rollUp(countByOrganization(states, demo.organizations, { asOf }), demo.organizations, { asOf });
}

describe('the members’ timelines', () => {
  it(
    'give the same state as memberStateOn on every date tried, for every demo member',
    { timeout: 60_000 },
    () => {
      const timelines = buildTimelines(demo.members, byMember, DEFAULT_LIFECYCLE_RULES);
      for (const date of ['1975', '1986-03', '1999-12-31', '2012-02-29', '2024-07-01', '2025-07-15']) {
        for (const member of demo.members) {
          const expected = memberStateOn(member, byMember.get(member.id) ?? [], date);
          expect(stateAt(timelines.get(member.id)!, dayKeyOf(date, 'end')!), `${member.id} ${date}`).toEqual(
            expected,
          );
        }
      }
    },
  );
});

describe('statistics of the demo ward', () => {
  const prepared = prepareMembers(demo.members, byMember, DEFAULT_LIFECYCLE_RULES);

  it.each(['2025-07-15', '2020-01-01', '2010-06-30'])(
    'on %s the totals equal the organization tree’s, for the ward and for every organization',
    { timeout: 60_000 },
    (asOf) => {
      const tree = treeTotals(asOf);
      const roots = [demo.rootId, ...demo.organizations.slice(1, 30).map((o) => o.id)];
      for (const rootOrgId of roots) {
        // The ward prepares its members itself; the organizations reuse one preparation.
        const options = optionsFor(asOf, rootOrgId);
        const stats = computeStatistics(
          demo.members,
          byMember,
          demo.organizations,
          rootOrgId === demo.rootId ? options : { ...options, prepared },
        );
        const counts = tree.get(rootOrgId)!;
        expect(stats.total.count, rootOrgId).toBe(counts.total);
        const byStatus = Object.fromEntries(stats.members.status.map((f) => [f.key, f.count]));
        expect(byStatus).toEqual({
          official: counts.official,
          probationary: counts.probationary,
          exempted: counts.exempted,
        });
      }
    },
  );

  it('today’s figures from the members’ fields equal the replay of their events', () => {
    const replayed = computeStatistics(demo.members, byMember, demo.organizations, optionsFor(demo.asOf));
    const current = computeStatistics(demo.members, byMember, demo.organizations, {
      ...optionsFor(demo.asOf),
      today: demo.asOf,
    });
    expect(current.total.count).toBe(3882);
    expect(current.members).toEqual(replayed.members);
  });

  it('every member breakdown adds up to the total, and every id behind a figure is counted once', () => {
    const stats = computeStatistics(demo.members, demo.events, demo.organizations, optionsFor(demo.asOf));
    for (const breakdown of MEMBER_BREAKDOWNS) {
      const figures = stats.members[breakdown];
      expect(
        figures.reduce((sum, f) => sum + f.count, 0),
        breakdown,
      ).toBe(stats.total.count);
      const ids = figures.flatMap((f) => f.ids);
      expect(new Set(ids).size, breakdown).toBe(stats.total.count);
      for (const f of figures) expect(f.ids.length).toBe(f.count);
    }
  });

  it('organizations by type and category add up to the active organizations under the ward', () => {
    const stats = computeStatistics(demo.members, demo.events, demo.organizations, optionsFor(demo.asOf));
    const active = demo.organizations.filter((o) => o.type !== 'ward' && o.status === 'active').length;
    expect(stats.organizations.total.count).toBe(active);
    expect(stats.organizations.byType.reduce((s, f) => s + f.count, 0)).toBe(active);
    expect(stats.organizations.byCategory.reduce((s, f) => s + f.count, 0)).toBe(active);
  });

  it('the demo year has admissions and members made official among its changes', () => {
    const stats = computeStatistics(demo.members, demo.events, demo.organizations, optionsFor(demo.asOf));
    const changes = Object.fromEntries(stats.changes.figures.map((f) => [f.key, f.count]));
    expect(changes.admitted).toBeGreaterThan(0);
    expect(changes.madeOfficial).toBeGreaterThan(0);
  });
});

describe('statistics at 100,000 members', () => {
  it('as of any date, once the members are prepared, in well under a second', { timeout: 180_000 }, () => {
    const big = generateDemoWard({ seed: 'statistics-big', memberCount: 100_000 });
    const events = groupEventsByMember(big.events);
    let start = performance.now();
    const prepared = prepareMembers(big.members, events, DEFAULT_LIFECYCLE_RULES);
    const buildMs = performance.now() - start;
    const options = { ...optionsFor('2024-12-31', big.rootId), prepared };
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      start = performance.now();
      const stats = computeStatistics(big.members, events, big.organizations, options);
      times.push(performance.now() - start);
      expect(stats.total.count).toBeGreaterThan(90_000);
    }
    start = performance.now();
    computeStatistics(big.members, events, big.organizations, {
      ...optionsFor(big.asOf, big.rootId),
      today: big.asOf,
      prepared,
    });
    const currentMs = performance.now() - start;
    console.log(
      `statistics@100000: prepare ${buildMs.toFixed(0)} ms, past date ${times.map((t) => t.toFixed(0)).join('/')} ms, today ${currentMs.toFixed(0)} ms`,
    );
    // The product target is < 300 ms in Chromium (bench stats.compute_ms); a shared test machine
    // gets room, so the test catches an O(n²) slip rather than noise.
    expect(Math.min(...times)).toBeLessThan(1000);
  });
});
