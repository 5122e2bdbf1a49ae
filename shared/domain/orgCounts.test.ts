import { describe, expect, it } from 'vitest';
import { makeOrganization } from '../../tests/fixtures/records';
import {
  countByOrganization,
  emptyCounts,
  fullMembers,
  mergeTargets,
  resolveMergedInto,
  rollUp,
  type MemberState,
  type OrgCounts,
} from './orgCounts';
import type { Organization } from './types';

/**
 * ward ─┬─ committee ─┬─ branchA
 *       │             └─ branchB ── cell
 *       ├─ residential
 *       └─ merged (merged into residential)
 */
const ward = makeOrganization({ id: 'ward', name: 'Đảng bộ phường', type: 'ward', parentId: null });
const committee = makeOrganization({ id: 'committee', type: 'grassrootsCommittee', parentId: 'ward' });
const branchA = makeOrganization({ id: 'branchA', parentId: 'committee' });
const branchB = makeOrganization({ id: 'branchB', parentId: 'committee' });
const cell = makeOrganization({ id: 'cell', type: 'cell', parentId: 'branchB' });
const residential = makeOrganization({ id: 'residential', parentId: 'ward' });
const merged = makeOrganization({
  id: 'merged',
  parentId: 'ward',
  status: 'merged',
  mergedInto: 'residential',
  mergedOn: '2025-09-01',
});
const TREE = [ward, committee, branchA, branchB, cell, residential, merged];

const counts = (over: Partial<OrgCounts>): OrgCounts => {
  const c = { ...emptyCounts(), ...over };
  c.total = c.official + c.probationary + c.exempted;
  return c;
};
const s = (
  status: MemberState['status'],
  organizationId?: string,
  temporaryOrganizationId?: string,
): MemberState => ({
  status,
  ...(organizationId && { organizationId }),
  ...(temporaryOrganizationId && { temporaryOrganizationId }),
});

describe('countByOrganization', () => {
  it.each<[string, (MemberState | null)[], string, Partial<OrgCounts>]>([
    ['an official member counts as official', [s('official', 'branchA')], 'branchA', { official: 1 }],
    [
      'probationary and exempted count in the total',
      [s('probationary', 'branchA'), s('exempted', 'branchA')],
      'branchA',
      { probationary: 1, exempted: 1 },
    ],
    [
      'members who left are not counted',
      [
        s('transferredOut', 'branchA'),
        s('deceased', 'branchA'),
        s('expelled', 'branchA'),
        s('removedFromRolls', 'branchA'),
        s('resigned', 'branchA'),
      ],
      'branchA',
      {},
    ],
    [
      'a member not yet admitted (null state) is skipped',
      [null, s('official', 'branchA')],
      'branchA',
      { official: 1 },
    ],
    [
      'temporary attendance is shown at the host, not in its total',
      [s('official', 'branchA', 'residential')],
      'residential',
      { temporary: 1 },
    ],
    [
      '…and the member stays in the home total',
      [s('official', 'branchA', 'residential')],
      'branchA',
      { official: 1 },
    ],
    [
      'a temporary attendee who has left is not shown',
      [s('deceased', 'branchA', 'residential')],
      'residential',
      {},
    ],
    [
      'members of a merged organization count in its target',
      [s('official', 'merged'), s('official', 'residential')],
      'residential',
      { official: 2 },
    ],
    ['…and the merged one shows none', [s('official', 'merged')], 'merged', {}],
    [
      'temporary attendance at a merged organization follows the pointer',
      [s('official', 'branchA', 'merged')],
      'residential',
      { temporary: 1 },
    ],
    ['a member without an organization is counted nowhere', [s('official')], 'ward', {}],
  ])('%s', (_, states, orgId, expected) => {
    expect(countByOrganization(states, TREE).get(orgId)).toEqual(counts(expected));
  });

  it('gives every organization an entry, zeros included', () => {
    const result = countByOrganization([], TREE);
    expect([...result.keys()].sort()).toEqual(TREE.map((o) => o.id).sort());
    expect(result.get('cell')).toEqual(emptyCounts());
  });

  it('counts a member of an unknown organization under that id, so nothing vanishes', () => {
    expect(countByOrganization([s('official', 'gone')], TREE).get('gone')).toEqual(counts({ official: 1 }));
  });

  it.each([
    ['before the merge date the merged organization counts its own members', '2025-08-31', 'merged'],
    ['on the merge date they count in the target', '2025-09-01', 'residential'],
    ['after it too', '2026-01-01', 'residential'],
  ])('%s', (_, asOf, where) => {
    const result = countByOrganization([s('official', 'merged')], TREE, { asOf });
    expect(result.get(where)!.official).toBe(1);
  });
});

describe('resolveMergedInto', () => {
  const chain = (...orgs: Partial<Organization>[]) => orgs.map((o) => makeOrganization(o));
  it.each<[string, Organization[], string, string]>([
    ['an active organization is itself', TREE, 'branchA', 'branchA'],
    ['a merged one is its target', TREE, 'merged', 'residential'],
    ['an unknown id is itself', TREE, 'nowhere', 'nowhere'],
    [
      'a chain is followed to its end',
      chain(
        { id: 'a', status: 'merged', mergedInto: 'b' },
        { id: 'b', status: 'merged', mergedInto: 'c' },
        { id: 'c' },
      ),
      'a',
      'c',
    ],
    [
      'a pointer to an unknown organization stops at the last known one',
      chain({ id: 'a', status: 'merged', mergedInto: 'b' }, { id: 'b', status: 'merged', mergedInto: 'zz' }),
      'a',
      'b',
    ],
    [
      'a pointer on an organization that is active again is not followed',
      chain({ id: 'a', status: 'active', mergedInto: 'b' }, { id: 'b' }),
      'a',
      'a',
    ],
    [
      'a cycle left by two laptops resolves to its smallest id',
      chain({ id: 'b', status: 'merged', mergedInto: 'a' }, { id: 'a', status: 'merged', mergedInto: 'b' }),
      'b',
      'a',
    ],
    [
      'an organization leading into a cycle resolves like the cycle',
      chain(
        { id: 'x', status: 'merged', mergedInto: 'c' },
        { id: 'c', status: 'merged', mergedInto: 'd' },
        { id: 'd', status: 'merged', mergedInto: 'c' },
      ),
      'x',
      'c',
    ],
    ['a self pointer stops', chain({ id: 'a', status: 'merged', mergedInto: 'a' }), 'a', 'a'],
  ])('%s', (_, orgs, id, expected) => {
    expect(resolveMergedInto(id, orgs)).toBe(expected);
    expect(mergeTargets(orgs).get(id) ?? id).toBe(expected);
  });
});

describe('rollUp', () => {
  const states = [
    s('official', 'branchA'),
    s('official', 'branchA'),
    s('probationary', 'branchB'),
    s('exempted', 'cell'),
    s('official', 'residential', 'branchA'),
    s('official', 'merged'),
  ];
  const rolled = rollUp(countByOrganization(states, TREE), TREE);

  it.each<[string, Partial<OrgCounts>]>([
    ['branchA', { official: 2, temporary: 1 }],
    ['branchB', { probationary: 1, exempted: 1 }],
    ['committee', { official: 2, probationary: 1, exempted: 1, temporary: 1 }],
    ['residential', { official: 2 }],
    ['ward', { official: 4, probationary: 1, exempted: 1, temporary: 1 }],
    ['merged', {}],
  ])('%s holds its sub-tree', (id, expected) => {
    expect(rolled.get(id)).toEqual(counts(expected));
  });

  it('the ward total is every active member once', () => {
    expect(rolled.get('ward')!.total).toBe(6);
  });

  it('does not change the counts it is given', () => {
    const own = countByOrganization(states, TREE);
    rollUp(own, TREE);
    expect(own.get('committee')).toEqual(emptyCounts());
  });

  it('a child of a merged organization rolls into the merge target', () => {
    const orphan = makeOrganization({ id: 'orphan', parentId: 'merged' });
    const result = rollUp(countByOrganization([s('official', 'orphan')], [...TREE, orphan]), [
      ...TREE,
      orphan,
    ]);
    expect(result.get('residential')!.official).toBe(1);
    expect(result.get('ward')!.official).toBe(1);
  });

  it('a cycle of parents from concurrent moves does not loop and counts each member once', () => {
    const p = makeOrganization({ id: 'p', parentId: 'q' });
    const q = makeOrganization({ id: 'q', parentId: 'p' });
    const leaf = makeOrganization({ id: 'leaf', parentId: 'p' });
    const orgs = [ward, p, q, leaf];
    const result = rollUp(countByOrganization([s('official', 'leaf'), s('official', 'q')], orgs), orgs);
    expect(result.get('leaf')!.total).toBe(1);
    expect(result.get('p')!.total).toBe(1);
    expect(result.get('q')!.total).toBe(1);
    expect(result.get('ward')!.total).toBe(0);
  });
});

describe('fullMembers', () => {
  it('counts official and exempted members, not probationary ones', () => {
    expect(fullMembers(counts({ official: 2, exempted: 1, probationary: 5 }))).toBe(3);
  });
});

describe('speed at the design size', () => {
  it('counts and rolls up 100,000 members in 2,500 organizations well under 100 ms', () => {
    const orgs: Organization[] = [ward];
    for (let i = 0; i < 100; i += 1)
      orgs.push(makeOrganization({ id: `c${i}`, type: 'grassrootsCommittee', parentId: 'ward' }));
    for (let i = 0; orgs.length < 2500; i += 1)
      orgs.push(makeOrganization({ id: `b${i}`, parentId: `c${i % 100}` }));
    const statuses = ['official', 'official', 'official', 'probationary', 'exempted', 'deceased'] as const;
    const states: MemberState[] = Array.from({ length: 100_000 }, (_, i) => ({
      status: statuses[i % statuses.length]!,
      organizationId: `b${i % 2399}`,
      ...(i % 97 === 0 && { temporaryOrganizationId: `b${(i + 1) % 2399}` }),
    }));
    const run = () => rollUp(countByOrganization(states, orgs), orgs);
    run(); // warm up the JIT, as a screen that recounts does
    const started = performance.now();
    const result = run();
    const elapsed = performance.now() - started;
    console.info(
      `countByOrganization + rollUp, 100,000 members / 2,500 organizations: ${elapsed.toFixed(1)} ms`,
    );
    expect(result.get('ward')!.total).toBe(Math.ceil((100_000 * 5) / 6));
    expect(elapsed).toBeLessThan(100);
  });
});
