import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ETHNIC_GROUPS,
  DEFAULT_GENERAL_EDUCATION,
  DEFAULT_POLITICAL_THEORY_LEVELS,
  DEFAULT_PROFESSIONAL_QUALIFICATIONS,
  DEFAULT_RELIGIONS,
  type CodeList,
} from '../domain/codeLists';
import { ageInYears, compareIsoDates } from '../domain/dates';
import { FULL_MEMBER_STATUSES, type MemberStatus, type Organization } from '../domain/types';
import { normalizeName, splitVietnameseName } from '../text/vi';
import { demoRuleViolations } from './demoRules';
import {
  DEMO_AS_OF,
  demoOrganizationCount,
  generateDemoWard,
  type DemoWard,
  type DemoWardOptions,
} from './generator';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SEED = 20250701;

const cache = new Map<string, DemoWard>();
function demo(options: DemoWardOptions): DemoWard {
  const key = JSON.stringify(options);
  if (!cache.has(key)) cache.set(key, generateDemoWard(options));
  return cache.get(key)!;
}

const hash = (ward: DemoWard) => createHash('sha256').update(JSON.stringify(ward)).digest('hex');

function below(ward: DemoWard): Organization[] {
  return ward.organizations.filter((org) => org.id !== ward.rootId);
}

function countBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('the default demo ward (Phúc Lợi, July 2025)', () => {
  const ward = demo({ seed: SEED });
  const orgs = below(ward);
  const byId = new Map(ward.organizations.map((org) => [org.id, org]));

  it('has one root of type ward and exactly 98 organizations under it', () => {
    const roots = ward.organizations.filter((org) => org.parentId === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({
      id: ward.rootId,
      type: 'ward',
      name: 'Đảng bộ phường Phúc Lợi',
      isDemo: true,
    });
    expect(orgs).toHaveLength(98);
    for (const org of orgs) {
      let current: Organization | undefined = org;
      for (let depth = 0; current && current.parentId !== null && depth < 5; depth += 1)
        current = byId.get(current.parentId);
      expect(current?.id).toBe(ward.rootId);
    }
  });

  it('has 11 organizations received from Quận ủy Long Biên, 41 founded in July 2025 and 46 from the merged wards', () => {
    expect(countBy(orgs, (org) => org.origin)).toEqual({
      receivedFromOtherCommittee: 11,
      founded: 41,
      fromMergedWard: 46,
    });
    for (const org of orgs.filter((o) => o.origin === 'receivedFromOtherCommittee')) {
      expect(org.originNote).toBe('Tiếp nhận từ Quận ủy Long Biên');
    }
    for (const org of orgs.filter((o) => o.origin === 'founded')) {
      expect(org.foundedOn).toMatch(/^2025-07-\d{2}$/);
      expect(compareIsoDates(org.foundedOn!, DEMO_AS_OF)).toBeLessThanOrEqual(0);
    }
  });

  it('builds a realistic tree: grassroots committees with branches, grassroots branches, residential branches', () => {
    const types = countBy(orgs, (org) => org.type);
    expect(types.grassrootsCommittee).toBeGreaterThanOrEqual(3);
    expect(types.grassrootsBranch).toBeGreaterThanOrEqual(20);
    for (const org of orgs) {
      expect(org.isGrassroots).toBe(org.type === 'grassrootsCommittee' || org.type === 'grassrootsBranch');
      expect(org.isDemo).toBe(true);
      const parent = byId.get(org.parentId!)!;
      if (org.type === 'branch' && parent.type !== 'ward') expect(parent.type).toBe('grassrootsCommittee');
    }
    const residential = orgs.filter((org) => org.category === 'residentialGroup');
    expect(residential.length).toBeGreaterThanOrEqual(40);
    expect(
      residential.every((org) => org.parentId === ward.rootId && org.name.startsWith('Chi bộ Tổ dân phố số')),
    ).toBe(true);
    for (const area of ['Phúc Lợi', 'Giang Biên', 'Việt Hưng', 'Phúc Đồng', 'Cổ Bi', 'Thạch Bàn']) {
      expect(residential.some((org) => org.name.endsWith(area))).toBe(true);
    }
    for (const category of ['police', 'school', 'health', 'enterprise', 'partyAgency', 'military'] as const) {
      expect(orgs.some((org) => org.category === category)).toBe(true);
    }
    expect(new Set(ward.organizations.map((org) => org.name)).size).toBe(ward.organizations.length);
  });

  it('has 3,882 active members, mostly official, about 3% probationary and 10–15% exempted', () => {
    expect(ward.members).toHaveLength(3882);
    const statuses = countBy(ward.members, (m) => m.status) as Record<MemberStatus, number>;
    expect(statuses.official + statuses.probationary + statuses.exempted).toBe(3882);
    expect(statuses.probationary / 3882).toBeGreaterThan(0.02);
    expect(statuses.probationary / 3882).toBeLessThan(0.04);
    expect(statuses.exempted / 3882).toBeGreaterThan(0.1);
    expect(statuses.exempted / 3882).toBeLessThan(0.15);
  });

  it('places members in leaf organizations with sizes the Charter allows', () => {
    const perOrg = countBy(ward.members, (m) => m.organizationId);
    const fullPerOrg = countBy(
      ward.members.filter((m) => (FULL_MEMBER_STATUSES as readonly string[]).includes(m.status)),
      (m) => m.organizationId,
    );
    const hasChildren = new Set(orgs.map((org) => org.parentId));
    for (const org of orgs) {
      const count = perOrg[org.id] ?? 0;
      if (hasChildren.has(org.id)) {
        expect(count).toBe(0);
        const inside = orgs
          .filter((child) => child.parentId === org.id)
          .reduce((sum, child) => sum + (perOrg[child.id] ?? 0), 0);
        expect(inside).toBeGreaterThanOrEqual(30);
      } else {
        expect(fullPerOrg[org.id] ?? 0).toBeGreaterThanOrEqual(3);
      }
      if (org.type === 'grassrootsBranch') expect(count).toBeLessThan(30);
    }
  });

  it('gives every branch with members a secretary and a deputy who are official members there', () => {
    const members = new Map(ward.members.map((m) => [m.id, m]));
    for (const org of orgs.filter((o) => ward.members.some((m) => m.organizationId === o.id))) {
      const secretary = members.get(org.secretaryId!);
      expect(secretary).toMatchObject({ organizationId: org.id, status: 'official', partyPosts: 'Bí thư Chi bộ' });
      for (const id of org.deputySecretaryIds ?? []) expect(members.get(id)).toMatchObject({ organizationId: org.id });
    }
  });

  it('makes residential branches old and working units young, exemptions mostly among the elderly', () => {
    const categoryOf = (id: string) => byId.get(id)!.category;
    const medianAge = (filter: (category: Organization['category']) => boolean) => {
      const ages = ward.members
        .filter((m) => filter(categoryOf(m.organizationId)))
        .map((m) => ageInYears(m.birthDate, DEMO_AS_OF));
      return ages.sort((a, b) => a - b)[Math.floor(ages.length / 2)]!;
    };
    expect(medianAge((c) => c === 'residentialGroup')).toBeGreaterThan(65);
    expect(medianAge((c) => c === 'school' || c === 'police' || c === 'enterprise')).toBeLessThan(45);
    const exempted = ward.members.filter((m) => m.status === 'exempted');
    const elderlyResidential = exempted.filter(
      (m) => categoryOf(m.organizationId) === 'residentialGroup' && ageInYears(m.birthDate, DEMO_AS_OF) >= 70,
    );
    expect(elderlyResidential.length / exempted.length).toBeGreaterThan(0.8);
  });

  it('writes Vietnamese names in NFC with diacritics and realistic family-name shares', () => {
    for (const m of ward.members) {
      expect(m.fullName).toBe(normalizeName(m.fullName));
      expect(m.fullName).toBe(m.fullName.normalize('NFC'));
      expect(m.fullName).toMatch(/^\p{Lu}\p{Ll}*( \p{Lu}\p{Ll}*){2,3}$/u);
    }
    const withDiacritics = ward.members.filter((m) => /[^\u0020-\u007e]/.test(m.fullName)).length;
    expect(withDiacritics / ward.members.length).toBeGreaterThan(0.9);
    const families = countBy(ward.members, (m) => splitVietnameseName(m.fullName).family);
    expect(families['Nguyễn']! / ward.members.length).toBeGreaterThan(0.33);
    expect(families['Nguyễn']! / ward.members.length).toBeLessThan(0.43);
    for (const name of ['Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'])
      expect(families[name]).toBeGreaterThan(0);
    const women = ward.members.filter((m) => m.sex === 'female');
    expect(women.filter((m) => m.fullName.includes(' Thị ')).length / women.length).toBeGreaterThan(0.4);
    expect(ward.members.filter((m) => m.sex === 'male' && m.fullName.includes(' Thị ')).length).toBe(0);
  });

  it('uses codes from the code lists', () => {
    const codes = (list: CodeList) => new Set(list.map((entry) => entry.code));
    const table: [keyof DemoWard['members'][number], CodeList][] = [
      ['ethnicity', DEFAULT_ETHNIC_GROUPS],
      ['religion', DEFAULT_RELIGIONS],
      ['generalEducation', DEFAULT_GENERAL_EDUCATION],
      ['professionalQualification', DEFAULT_PROFESSIONAL_QUALIFICATIONS],
      ['politicalTheory', DEFAULT_POLITICAL_THEORY_LEVELS],
    ];
    for (const [field, list] of table) {
      const allowed = codes(list);
      for (const m of ward.members)
        expect(allowed.has(m[field] as string), `${field} ${JSON.stringify(m[field])}`).toBe(true);
    }
  });

  it('keeps a few year-only birth dates, as on old paper files', () => {
    expect(ward.members.some((m) => /^\d{4}$/.test(m.birthDate))).toBe(true);
  });
});

describe.each([
  { name: 'default', options: { seed: SEED } },
  { name: 'another seed and a later date', options: { seed: 'phuc-loi', asOf: '2026-11-26' } },
  { name: 'a small ward', options: { seed: 7, memberCount: 500 } },
  { name: 'set-up day', options: { seed: 3, memberCount: 1000, asOf: '2025-07-01' } },
])('rules hold for $name', ({ options }) => {
  const ward = demo(options);

  it('every member obeys the admission, probation, exemption and number rules', () => {
    expect(demoRuleViolations(ward)).toEqual([]);
  });

  it('has unique UUID v4 ids and unique citizen ids, card and dossier numbers', () => {
    const ids = [...ward.organizations, ...ward.members, ...ward.events].map((record) => record.id);
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const field of ['citizenId', 'partyCardNumber', 'dossierNumber'] as const) {
      const values = ward.members.flatMap((m) => (m[field] ? [m[field]] : []));
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it('links every member and event to records that exist', () => {
    const orgIds = new Set(ward.organizations.map((org) => org.id));
    const memberIds = new Set(ward.members.map((m) => m.id));
    expect(ward.members.every((m) => orgIds.has(m.organizationId))).toBe(true);
    expect(
      ward.events.every(
        (e) => memberIds.has(e.memberId) && (e.organizationId === undefined || orgIds.has(e.organizationId)),
      ),
    ).toBe(true);
    expect(
      [...ward.organizations, ...ward.members, ...ward.events].every((record) => record.isDemo === true),
    ).toBe(true);
  });

  it('has as many members as asked and the proportional number of organizations', () => {
    const memberCount = options.memberCount ?? 3882;
    expect(ward.members).toHaveLength(memberCount);
    expect(below(ward)).toHaveLength(demoOrganizationCount(memberCount));
  });
});

describe('determinism', () => {
  it('gives identical output for the same seed and different output for another', () => {
    const a = generateDemoWard({ seed: SEED, memberCount: 800 });
    const b = generateDemoWard({ seed: SEED, memberCount: 800 });
    const c = generateDemoWard({ seed: SEED + 1, memberCount: 800 });
    expect(hash(a)).toBe(hash(b));
    expect(a).toEqual(b);
    expect(hash(a)).not.toBe(hash(c));
  });

  it('refuses impossible options with a clear error', () => {
    expect(() => generateDemoWard({ seed: 1, memberCount: 0 })).toThrow(RangeError);
    expect(() => generateDemoWard({ seed: 1, asOf: '2025-06-30' })).toThrow(/2025-07-01/);
    expect(() => generateDemoWard({ seed: 1, asOf: '2025-07' })).toThrow(RangeError);
    expect(() => generateDemoWard({ seed: 1, organizationCount: 0 })).toThrow(RangeError);
  });

  it('honours an explicit organization count', () => {
    const ward = generateDemoWard({ seed: 1, memberCount: 2000, organizationCount: 60 });
    expect(below(ward)).toHaveLength(60);
    expect(ward.members).toHaveLength(2000);
  });
});

describe('the 100,000-member ward', () => {
  it('scales organizations in proportion, obeys the rules, and is generated in seconds', () => {
    const started = performance.now();
    const ward = generateDemoWard({ seed: SEED, memberCount: 100_000 });
    const elapsed = performance.now() - started;
    const orgs = below(ward);
    expect(ward.members).toHaveLength(100_000);
    expect(orgs).toHaveLength(Math.round((98 * 100_000) / 3882));
    const origins = countBy(orgs, (org) => org.origin);
    expect(Math.abs(origins.receivedFromOtherCommittee! / orgs.length - 11 / 98)).toBeLessThan(0.01);
    expect(Math.abs(origins.founded! / orgs.length - 41 / 98)).toBeLessThan(0.01);
    expect(new Set(ward.members.map((m) => m.citizenId)).size).toBe(100_000);
    expect(demoRuleViolations(ward)).toEqual([]);
    expect(elapsed).toBeLessThan(15_000);
  }, 120_000);
});
