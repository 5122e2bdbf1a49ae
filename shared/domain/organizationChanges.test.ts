import { describe, expect, it } from 'vitest';
import { get, org, ORGS } from '../../tests/fixtures/orgTree';
import {
  canSitUnder,
  childTypesOf,
  indexOrganizations,
  isWithin,
  moveProblem,
  organizationEditProblem,
  placementProblem,
} from './organizationChanges';
import { ORG_TYPES, type Organization, type OrgType } from './types';

describe('which type may sit under which', () => {
  it.each<[OrgType, OrgType[]]>([
    ['ward', ['grassrootsCommittee', 'grassrootsBranch', 'branch']],
    ['grassrootsCommittee', ['subCommittee', 'branch']],
    ['subCommittee', ['branch']],
    ['grassrootsBranch', ['cell']],
    ['branch', ['cell']],
    ['cell', []],
  ])('under a %s: %j', (parent, children) => {
    expect(childTypesOf(parent)).toEqual(children);
    for (const type of ORG_TYPES) expect(canSitUnder(type, parent)).toBe(children.includes(type));
  });
});

describe('placementProblem', () => {
  it.each<[string, OrgType, string | undefined, string | null]>([
    ['a branch under the ward', 'branch', 'ward', null],
    ['a cell under a branch', 'cell', 'tdp1', null],
    ['the ward has no parent', 'ward', undefined, null],
    ['a branch needs a parent', 'branch', undefined, 'Hãy chọn tổ chức cấp trên.'],
    [
      'the ward under something',
      'ward',
      'tdp1',
      'Đảng bộ phường là gốc của cây tổ chức, không đặt dưới tổ chức nào.',
    ],
    [
      'a grassroots committee under a branch',
      'grassrootsCommittee',
      'tdp1',
      'Đảng bộ cơ sở không thể trực thuộc chi bộ trực thuộc “Tổ chức tdp1”; đảng bộ cơ sở chỉ trực thuộc đảng bộ phường.',
    ],
    [
      'a sub-committee under the ward',
      'subCommittee',
      'ward',
      'Đảng bộ bộ phận không thể trực thuộc đảng bộ phường “Tổ chức ward”; đảng bộ bộ phận chỉ trực thuộc đảng bộ cơ sở.',
    ],
    [
      'anything under a cell',
      'branch',
      'cellA',
      'Tổ đảng không có tổ chức trực thuộc; không thể đặt tổ chức dưới “Tổ chức cellA”.',
    ],
    [
      'under a merged organization',
      'cell',
      'old',
      '“Tổ chức old” đã hợp nhất; hãy chọn một tổ chức đang hoạt động làm cấp trên.',
    ],
    [
      'under a dissolved organization',
      'cell',
      'gone',
      '“Tổ chức gone” đã giải thể; hãy chọn một tổ chức đang hoạt động làm cấp trên.',
    ],
  ])('%s', (_, type, parentId, expected) => {
    expect(placementProblem(type, parentId ? get(parentId) : undefined)).toBe(expected);
  });
});

describe('moveProblem', () => {
  it.each<[string, string, string, string | null]>([
    ['a branch to another grassroots committee', 'branchA', 'committee2', null],
    ['a residential branch into a grassroots committee', 'tdp1', 'committee', null],
    ['a branch into a sub-committee', 'branchA', 'sub', null],
    ['into itself', 'branchA', 'branchA', 'Không thể chuyển một tổ chức vào chính nó.'],
    [
      'into its own child (a cycle)',
      'committee',
      'sub',
      '“Tổ chức sub” đang trực thuộc “Tổ chức committee”; không thể chuyển một tổ chức vào tổ chức cấp dưới của nó.',
    ],
    [
      'into a grandchild',
      'committee',
      'branchS',
      expect.stringContaining('không thể chuyển một tổ chức vào tổ chức cấp dưới'),
    ],
    ['under a cell', 'tdp1', 'cellA', expect.stringContaining('Tổ đảng không có tổ chức trực thuộc')],
    [
      'a grassroots committee under a branch',
      'committee2',
      'tdp1',
      expect.stringContaining('Đảng bộ cơ sở không thể trực thuộc chi bộ trực thuộc'),
    ],
    ['the ward', 'ward', 'tdp1', 'Đảng bộ phường là gốc của cây tổ chức, không chuyển được.'],
    ['a merged organization', 'old', 'tdp2', '“Tổ chức old” không còn hoạt động nên không chuyển được.'],
    ['where it already is', 'tdp1', 'ward', '“Tổ chức tdp1” đã trực thuộc “Tổ chức ward”.'],
    ['to an unknown parent', 'tdp1', 'nowhere', 'Không tìm thấy tổ chức cấp trên đã chọn.'],
  ])('%s', (_, id, parentId, expected) => {
    expect(moveProblem(get(id), parentId, ORGS)).toEqual(expected);
  });
});

describe('organizationEditProblem', () => {
  const edit = (id: string, over: Partial<Organization>) =>
    organizationEditProblem(get(id), { ...get(id), ...over }, ORGS);
  it.each<[string, () => string | null, string | null]>([
    ['renaming is fine', () => edit('tdp1', { name: 'Chi bộ Tổ dân phố số 1 Giang Biên' }), null],
    ['an empty name is refused', () => edit('tdp1', { name: '  ' }), 'Hãy nhập tên tổ chức.'],
    [
      'a branch with a cell may become a grassroots branch',
      () => edit('branchA', { type: 'grassrootsBranch', parentId: 'ward' }),
      null,
    ],
    [
      'a committee with branches may not become a branch',
      () => edit('committee2', { type: 'grassrootsBranch' }),
      'Không đổi được thành chi bộ cơ sở: chi bộ trực thuộc “Tổ chức branchB” đang trực thuộc và không thể trực thuộc chi bộ cơ sở; hãy chuyển nó đi trước.',
    ],
    [
      'a type its parent does not allow',
      () => edit('tdp1', { type: 'subCommittee' }),
      expect.stringContaining('Đảng bộ bộ phận không thể trực thuộc'),
    ],
    [
      'a move inside the edit follows the move rules',
      () => edit('committee', { parentId: 'branchS' }),
      expect.stringContaining('cấp dưới của nó'),
    ],
    [
      'the ward keeps its type',
      () => edit('ward', { type: 'grassrootsCommittee' }),
      'Không đổi được loại hình của Đảng bộ phường.',
    ],
    [
      'nothing becomes a second ward',
      () => edit('tdp1', { type: 'ward' }),
      'Mỗi Đảng bộ chỉ có một Đảng bộ phường ở gốc cây tổ chức.',
    ],
    [
      'a new cell under a branch',
      () => organizationEditProblem(undefined, org('new', 'cell', 'tdp2'), ORGS),
      null,
    ],
    [
      'a new grassroots committee under a branch',
      () => organizationEditProblem(undefined, org('new', 'grassrootsCommittee', 'tdp2'), ORGS),
      expect.stringContaining('Đảng bộ cơ sở không thể trực thuộc'),
    ],
    [
      'a new second ward',
      () => organizationEditProblem(undefined, org('new', 'ward', null), ORGS),
      'Mỗi Đảng bộ chỉ có một Đảng bộ phường ở gốc cây tổ chức.',
    ],
  ])('%s', (_, run, expected) => {
    expect(run()).toEqual(expected);
  });
});

describe('isWithin', () => {
  it.each([
    ['branchS', 'committee', true],
    ['branchS', 'branchS', true],
    ['tdp1', 'committee', false],
    ['nowhere', 'ward', false],
  ])('%s within %s: %s', (id, ancestor, expected) => {
    expect(isWithin(id, ancestor, ORGS)).toBe(expected);
  });

  it('stops on a cycle of parents', () => {
    const cyclic = indexOrganizations([org('p', 'branch', 'q'), org('q', 'branch', 'p')]);
    expect(isWithin('p', 'ward', cyclic)).toBe(false);
  });
});
