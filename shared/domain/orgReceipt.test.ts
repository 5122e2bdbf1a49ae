import { describe, expect, it } from 'vitest';
import { makeOrganization } from '../../tests/fixtures/records';
import { isBlankRow, planReceipt, receiptRowProblems, type ReceiptRow } from './orgReceipt';
import { memberEventSchema, memberSchema, organizationSchema } from './schemas';

const RECEIVED_ON = '2025-07-10';
const good: ReceiptRow = {
  fullName: '  nguyễn   Văn Hùng ',
  sex: 'male',
  birthDate: '12/04/1960',
  joinedOn: '19/05/1990',
  officialOn: '19/05/1991',
  partyCardNumber: '1234 5678',
};

describe('receiptRowProblems', () => {
  it.each<[string, ReceiptRow, string | null]>([
    ['a complete row', good, null],
    ['no official date: a probationary member', { ...good, officialOn: '' }, null],
    ['a birth year only, as on old records', { ...good, birthDate: '1945' }, null],
    ['no name', { ...good, fullName: ' ' }, 'Dòng 1: chưa nhập họ và tên.'],
    ['no sex', { ...good, sex: '' }, 'Dòng 1: chưa chọn giới tính.'],
    ['no birth date', { ...good, birthDate: '' }, 'Dòng 1: chưa nhập ngày sinh.'],
    ['no joined date', { ...good, joinedOn: undefined }, 'Dòng 1: chưa nhập ngày vào Đảng.'],
    [
      'a birth date that is not a date',
      { ...good, birthDate: '31/02/1960' },
      'Dòng 1: ngày sinh “31/02/1960” không đúng dạng ngày/tháng/năm (dd/mm/yyyy).',
    ],
    [
      'an ISO date typed by habit',
      { ...good, joinedOn: '1990-05-19' },
      'Dòng 1: ngày vào Đảng “1990-05-19” không đúng dạng ngày/tháng/năm (dd/mm/yyyy).',
    ],
    ['joined before birth', { ...good, joinedOn: '01/01/1950' }, 'Dòng 1: ngày vào Đảng phải sau ngày sinh.'],
    [
      'official before joining',
      { ...good, officialOn: '01/01/1990' },
      'Dòng 1: ngày chính thức phải sau ngày vào Đảng.',
    ],
    [
      'joined after the receipt',
      { ...good, joinedOn: '01/08/2025', officialOn: '' },
      'Dòng 1: ngày vào Đảng sau ngày tiếp nhận 10/07/2025.',
    ],
    [
      'every problem of the row in one sentence',
      { fullName: '', sex: '', birthDate: 'abc', joinedOn: '' },
      'Dòng 1: chưa nhập họ và tên; chưa chọn giới tính; ngày sinh “abc” không đúng dạng ngày/tháng/năm (dd/mm/yyyy); chưa nhập ngày vào Đảng.',
    ],
  ])('%s', (_, row, expected) => {
    const problems = receiptRowProblems([row], RECEIVED_ON);
    expect(problems[0]?.message ?? null).toBe(expected);
  });

  it('numbers rows as the table does and skips blank ones', () => {
    const rows: ReceiptRow[] = [good, {}, { ...good, sex: '' }, { fullName: '', partyCardNumber: ' ' }];
    expect(receiptRowProblems(rows, RECEIVED_ON)).toEqual([
      { row: 3, message: 'Dòng 3: chưa chọn giới tính.' },
    ]);
    expect(rows.map(isBlankRow)).toEqual([false, true, false, true]);
  });
});

describe('planReceipt', () => {
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const organization = makeOrganization({
    id: '11111111-1111-4111-8111-111111111111',
    parentId: '22222222-2222-4222-8222-222222222222',
    name: 'Chi bộ Công ty Cổ phần Sông Đà',
    type: 'grassrootsBranch',
    isGrassroots: true,
    origin: 'founded',
  });
  const input = {
    organization,
    sendingCommittee: ' Quận ủy  Long Biên ',
    receivedOn: RECEIVED_ON,
    decisionNumber: '45-QĐ/ĐU',
    newId,
  };

  it('plans the organization, its members and their events, all valid records', () => {
    const result = planReceipt({
      ...input,
      rows: [
        good,
        {},
        { fullName: 'Lê Thị Hoa', sex: 'female', birthDate: '02/09/1999', joinedOn: '03/02/2025' },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { plan } = result;
    expect(plan.organization).toMatchObject({
      origin: 'receivedFromOtherCommittee',
      originNote: 'Tiếp nhận từ Quận ủy Long Biên',
    });
    expect(
      plan.members.map((m) => [m.fullName, m.status, m.organizationId, m.birthDate, m.partyCardNumber]),
    ).toEqual([
      ['nguyễn Văn Hùng', 'official', organization.id, '1960-04-12', '12345678'],
      ['Lê Thị Hoa', 'probationary', organization.id, '1999-09-02', undefined],
    ]);
    const [hung, hoa] = plan.members;
    expect(plan.events.filter((e) => e.memberId === hung!.id).map((e) => [e.type, e.date])).toEqual([
      ['transferIn', RECEIVED_ON],
    ]);
    const arrival = plan.events.find((e) => e.memberId === hoa!.id && e.type === 'transferIn');
    expect(arrival).toMatchObject({
      transferKind: 'official',
      fromExternal: 'Quận ủy Long Biên',
      toOrganizationId: organization.id,
      organizationId: organization.id,
      arrivalStatus: 'probationary',
      decisionNumber: '45-QĐ/ĐU',
    });
    expect(organizationSchema.safeParse(plan.organization).success).toBe(true);
    for (const member of plan.members) expect(memberSchema.safeParse(member).success).toBe(true);
    for (const event of plan.events) expect(memberEventSchema.safeParse(event).success).toBe(true);
  });

  it('plans nothing while one row is wrong, and says which', () => {
    const result = planReceipt({ ...input, rows: [good, { ...good, birthDate: '' }] });
    expect(result).toEqual({ ok: false, problems: [{ row: 2, message: 'Dòng 2: chưa nhập ngày sinh.' }] });
  });
});
