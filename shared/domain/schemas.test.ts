import { describe, expect, it } from 'vitest';
import { generateDemoWard } from '../demo/generator';
import { memberEventSchema, memberSchema, organizationSchema } from './schemas';
import type { Member } from './types';

const ward = generateDemoWard({ seed: 20250701 });
const member = ward.members[0]!;
const organization = ward.organizations[1]!;
const event = ward.events[0]!;

describe('schemas accept every generated record unchanged', () => {
  it.each([
    ['organizations', organizationSchema, ward.organizations],
    ['members', memberSchema, ward.members],
    ['events', memberEventSchema, ward.events],
  ] as const)('%s', (_, schema, records) => {
    for (const record of records) {
      const result = schema.safeParse(record);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(result.data).toEqual(record);
    }
  });
});

describe('organization schema', () => {
  it('reads a null or missing parent as the root (stored rows drop empty values)', () => {
    const root = ward.organizations[0]!;
    expect(organizationSchema.parse(root).parentId).toBeNull();
    const { parentId: _, ...withoutParent } = root;
    expect(organizationSchema.parse(withoutParent).parentId).toBeNull();
    expect(organizationSchema.safeParse({ ...root, parentId: 'x' }).success).toBe(false);
  });

  it.each([
    ['type', 'district'],
    ['category', 'bank'],
    ['origin', 'moved'],
    ['status', 'closed'],
    ['foundedOn', '2025-02-30'],
    ['id', 'not-a-uuid'],
    ['name', '   '],
    ['sortOrder', '1'],
  ])('refuses %s = %j', (field, value) => {
    expect(organizationSchema.safeParse({ ...organization, [field]: value }).success).toBe(false);
  });
});

describe('member schema', () => {
  it('reads null in an optional field as empty (a cleared field after sync)', () => {
    const parsed = memberSchema.parse({ ...member, phone: null, permanentAddress: null, officialOn: null });
    expect(parsed.phone).toBeUndefined();
    expect(parsed.permanentAddress).toBeUndefined();
    expect(parsed.officialOn).toBeUndefined();
  });

  it('accepts partial dates where the paper record is partial', () => {
    expect(memberSchema.parse({ ...member, birthDate: '1935' }).birthDate).toBe('1935');
    expect(memberSchema.parse({ ...member, birthDate: '1935-04' }).birthDate).toBe('1935-04');
  });

  it('strips unknown keys, and keeps them with .loose()', () => {
    const withExtra = { ...member, fieldFromANewerVersion: 1 };
    expect(memberSchema.parse(withExtra)).not.toHaveProperty('fieldFromANewerVersion');
    expect(memberSchema.loose().parse(withExtra)).toHaveProperty('fieldFromANewerVersion', 1);
  });

  it.each([
    ['status', 'temporary'],
    ['sex', 'other'],
    ['birthDate', '12/04/1965'],
    ['joinedOn', undefined],
    ['organizationId', 'x'],
    ['fullName', ''],
    ['armedForces', 'navy'],
    ['retired', 'yes'],
    ['hometown', 'Hà Nội'],
  ])('refuses %s = %j', (field, value) => {
    expect(memberSchema.safeParse({ ...member, [field]: value }).success).toBe(false);
  });

  it('needs only the core fields', () => {
    const minimal: Member = {
      id: member.id,
      organizationId: member.organizationId,
      status: 'official',
      fullName: 'Nguyễn Văn An',
      sex: 'male',
      birthDate: '1960',
      joinedOn: '1985-05-19',
    };
    expect(memberSchema.parse(minimal)).toEqual(minimal);
  });
});

describe('member event schema', () => {
  it.each([
    ['type', 'promotion'],
    ['date', '2025-13-01'],
    ['transferKind', 'permanent'],
    ['disciplineForm', 'fine'],
    ['duesPaidThrough', '2025-7'],
    ['badgeYears', -30],
    ['memberId', ''],
  ])('refuses %s = %j', (field, value) => {
    expect(memberEventSchema.safeParse({ ...event, [field]: value }).success).toBe(false);
  });

  it('accepts a transfer with its details', () => {
    const transfer = {
      ...event,
      type: 'transferOut',
      transferKind: 'temporary',
      toExternal: 'Đảng bộ phường Bồ Đề',
      duesPaidThrough: '2025-06',
      temporaryUntil: '2026-06-30',
    };
    expect(memberEventSchema.parse(transfer)).toEqual(transfer);
  });
});
