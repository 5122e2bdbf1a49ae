import { describe, expect, it } from 'vitest';
import { makeMember } from '../../tests/fixtures/records';
import { get, org, ORGS } from '../../tests/fixtures/orgTree';
import { indexOrganizations, planDissolve, planMerge } from './organizationChanges';

describe('planMerge', () => {
  const members = [
    makeMember({ id: 'm1', organizationId: 'tdp2', status: 'official' }),
    makeMember({ id: 'm2', organizationId: 'tdp2', status: 'probationary' }),
    makeMember({ id: 'm3', organizationId: 'tdp2', status: 'exempted' }),
    makeMember({ id: 'm4', organizationId: 'tdp2', status: 'deceased' }),
    makeMember({ id: 'm5', organizationId: 'tdp1', status: 'official' }),
  ];
  let n = 0;
  const context = { organizations: ORGS, on: '2026-03-01', newId: () => `e${++n}` };

  it('moves every active member and leaves a pointer on the source', () => {
    const result = planMerge(get('tdp2'), get('tdp1'), members, context);
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.source).toEqual({
      id: 'tdp2',
      status: 'merged',
      mergedInto: 'tdp1',
      mergedOn: '2026-03-01',
    });
    expect(result.plan.memberMoves).toEqual(['m1', 'm2', 'm3'].map((id) => ({ id, organizationId: 'tdp1' })));
    expect(result.plan.childMoves).toEqual([]);
  });

  it("records the move in each moved member's history, on the merge date", () => {
    const result = planMerge(get('tdp2'), get('tdp1'), members, context);
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.memberEvents.map((e) => e.memberId)).toEqual(['m1', 'm2', 'm3']);
    expect(result.plan.memberEvents[0]).toMatchObject({
      type: 'transferInternal',
      transferKind: 'official',
      date: '2026-03-01',
      fromOrganizationId: 'tdp2',
      toOrganizationId: 'tdp1',
      note: 'Hợp nhất Tổ chức tdp2 vào Tổ chức tdp1',
    });
    expect(new Set(result.plan.memberEvents.map((e) => e.id)).size).toBe(3);
  });

  it('takes the active organizations under the source along to the target', () => {
    const result = planMerge(get('committee2'), get('committee'), [], context);
    expect(result.ok && result.plan.childMoves).toEqual([{ id: 'branchB', parentId: 'committee' }]);
  });

  it.each<[string, string, string, string]>([
    ['into itself', 'tdp1', 'tdp1', 'Không thể hợp nhất một tổ chức vào chính nó.'],
    [
      'into its own descendant',
      'committee',
      'branchS',
      '“Tổ chức branchS” trực thuộc “Tổ chức committee”; không thể hợp nhất một tổ chức vào tổ chức cấp dưới của nó.',
    ],
    [
      'into a merged organization',
      'tdp2',
      'old',
      '“Tổ chức old” đã hợp nhất vào tổ chức khác; hãy chọn một tổ chức đang hoạt động.',
    ],
    [
      'into a dissolved organization',
      'tdp2',
      'gone',
      '“Tổ chức gone” đã giải thể; hãy chọn một tổ chức đang hoạt động.',
    ],
    ['the ward', 'ward', 'tdp1', 'Đảng bộ phường là gốc của cây tổ chức, không hợp nhất được.'],
    [
      'into the ward',
      'tdp1',
      'ward',
      'Đảng viên phải sinh hoạt ở một chi bộ; hãy chọn chi bộ hoặc đảng bộ nhận hợp nhất.',
    ],
    ['a merged source', 'old', 'tdp2', '“Tổ chức old” không còn hoạt động nên không hợp nhất được.'],
    [
      'a committee into a branch its branches cannot sit under',
      'committee2',
      'tdp1',
      'Chi bộ trực thuộc “Tổ chức branchB” của “Tổ chức committee2” không thể trực thuộc chi bộ trực thuộc “Tổ chức tdp1”; hãy chọn tổ chức nhận cùng cấp.',
    ],
  ])('refuses merging %s', (_, source, target, reason) => {
    expect(planMerge(get(source), get(target), members, context)).toEqual({ ok: false, reason });
  });
});

describe('planDissolve', () => {
  const context = { organizations: ORGS, on: '2026-03-01' };
  it.each<[string, string, number, ReturnType<typeof planDissolve>]>([
    [
      'an empty branch',
      'tdp2',
      0,
      { ok: true, plan: { organization: { id: 'tdp2', status: 'dissolved', dissolvedOn: '2026-03-01' } } },
    ],
    [
      'a branch with members',
      'tdp2',
      12,
      {
        ok: false,
        reason:
          '“Tổ chức tdp2” còn 12 đảng viên đang sinh hoạt; hãy chuyển sinh hoạt các đảng viên này hoặc hợp nhất tổ chức vào tổ chức khác trước khi giải thể.',
      },
    ],
    [
      'a committee with active branches',
      'committee2',
      0,
      {
        ok: false,
        reason:
          '“Tổ chức committee2” còn 1 tổ chức trực thuộc đang hoạt động; hãy chuyển, hợp nhất hoặc giải thể các tổ chức đó trước.',
      },
    ],
    [
      'the ward',
      'ward',
      0,
      { ok: false, reason: 'Đảng bộ phường là gốc của cây tổ chức, không giải thể được.' },
    ],
    ['a dissolved one', 'gone', 0, { ok: false, reason: '“Tổ chức gone” không còn hoạt động.' }],
  ])('%s', (_, id, activeMembers, expected) => {
    expect(planDissolve(get(id), activeMembers, context)).toEqual(expected);
  });

  it('does not count merged or dissolved children', () => {
    const orgs = indexOrganizations([...ORGS.values(), org('late', 'cell', 'tdp2', { status: 'dissolved' })]);
    expect(planDissolve(get('tdp2'), 0, { organizations: orgs, on: '2026-03-01' }).ok).toBe(true);
  });
});
