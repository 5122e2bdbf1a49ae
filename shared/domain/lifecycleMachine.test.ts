import { describe, expect, it } from 'vitest';
import { applyEvent, canApply, LifecycleError, type LifecycleEvent, type LifecycleState } from './lifecycle';
import type { MemberStatus } from './types';

const A = 'org-a';
const B = 'org-b';
const member = { joinedOn: '2024-03-01' };

const at = (status: MemberStatus, extra: Partial<LifecycleState> = {}): LifecycleState => ({
  status,
  organizationId: A,
  probationStartedOn: '2024-03-01',
  ...extra,
});
const P = at('probationary');
const O = at('official');
const E = at('exempted');
const T = at('transferredOut');
const R = at('removedFromRolls');
const X = at('expelled');
const Q = at('resigned');
const D = at('deceased');

const ev = (type: LifecycleEvent['type'], extra: Partial<LifecycleEvent> = {}): LifecycleEvent => ({
  type,
  date: '2025-06-01',
  ...extra,
});

const NOT_STARTED = 'Chưa có sự kiện kết nạp hoặc chuyển sinh hoạt đến; hãy ghi sự kiện đó trước.';
const DEAD = 'Đảng viên đã từ trần; sau khi từ trần chỉ ghi được khen thưởng truy tặng.';
const GONE =
  'Đảng viên đã chuyển sinh hoạt ra khỏi Đảng bộ; chỉ ghi được việc chuyển sinh hoạt đến khi đồng chí trở lại.';
const PROBATION_ONLY_LIGHT = (form: string) =>
  `Đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo; hình thức ${form} chỉ áp dụng với đảng viên chính thức.`;

type Row = [string, LifecycleState | null, LifecycleEvent, true | string];

const rows: Row[] = [
  // Starting
  ['admission starts a membership', null, ev('admission', { organizationId: A }), true],
  ['admission needs an organization', null, ev('admission'), 'Chưa chọn tổ chức đảng nơi kết nạp.'],
  [
    'no second admission',
    O,
    ev('admission', { organizationId: A }),
    'Đồng chí này đã có sự kiện kết nạp; người đã ra khỏi Đảng thì dùng “Kết nạp lại”.',
  ],
  [
    'transfer in from outside',
    null,
    ev('transferIn', { toOrganizationId: A, transferKind: 'official' }),
    true,
  ],
  ['transfer in back after leaving', T, ev('transferIn', { toOrganizationId: B }), true],
  [
    'transfer in needs the receiving organization',
    null,
    ev('transferIn'),
    'Chưa chọn tổ chức đảng tiếp nhận.',
  ],
  [
    'no transfer in for a member of the ward',
    O,
    ev('transferIn', { toOrganizationId: B }),
    'Đảng viên đang sinh hoạt trong Đảng bộ; chuyển giữa hai tổ chức của Đảng bộ hãy dùng “Chuyển sinh hoạt trong Đảng bộ”.',
  ],
  [
    'a visitor may arrive officially',
    { status: 'official', temporaryOrganizationId: A },
    ev('transferIn', { toOrganizationId: A }),
    true,
  ],
  ['nothing before a start', null, ev('madeOfficial'), NOT_STARTED],
  ['no award before a start', null, ev('award', { awardName: 'Giấy khen' }), NOT_STARTED],
  // Probation
  ['made official after 12 months', P, ev('madeOfficial', { date: '2025-03-01' }), true],
  [
    'not official one day early',
    P,
    ev('madeOfficial', { date: '2025-02-28' }),
    'Chưa đủ 12 tháng dự bị: đồng chí vào Đảng ngày 01/03/2024, sớm nhất được công nhận chính thức từ ngày 01/03/2025.',
  ],
  ['official only from probation', O, ev('madeOfficial'), 'Đồng chí này đã là đảng viên chính thức.'],
  ['not official once exempted', E, ev('madeOfficial'), 'Đồng chí này đã là đảng viên chính thức.'],
  ['not official after removal', R, ev('madeOfficial'), 'Đảng viên đã bị xóa tên; chỉ có thể kết nạp lại.'],
  // Exemption
  ['exemption for an official member', O, ev('exemption'), true],
  [
    'no exemption on probation',
    P,
    ev('exemption'),
    'Chỉ đảng viên chính thức mới được miễn công tác và sinh hoạt đảng; đảng viên dự bị cần sinh hoạt đầy đủ để được xét công nhận chính thức.',
  ],
  ['no second exemption', E, ev('exemption'), 'Đảng viên đang được miễn công tác và sinh hoạt đảng.'],
  ['exemption ends', E, ev('exemptionEnded'), true],
  [
    'no end without an exemption',
    O,
    ev('exemptionEnded'),
    'Đảng viên không ở diện miễn công tác và sinh hoạt đảng.',
  ],
  // Transfers
  [
    'a move inside the ward',
    O,
    ev('transferInternal', { transferKind: 'official', fromOrganizationId: A, toOrganizationId: B }),
    true,
  ],
  [
    'a move of a probationary member',
    P,
    ev('transferInternal', { transferKind: 'official', toOrganizationId: B }),
    true,
  ],
  [
    'a move of an exempted member',
    E,
    ev('transferInternal', { transferKind: 'temporary', toOrganizationId: B }),
    true,
  ],
  ['a move needs its destination', O, ev('transferInternal'), 'Chưa chọn tổ chức đảng chuyển đến.'],
  [
    'a move to the same branch',
    O,
    ev('transferInternal', { toOrganizationId: A }),
    'Tổ chức chuyển đến trùng với tổ chức đảng viên đang sinh hoạt; hãy chọn tổ chức khác.',
  ],
  [
    'a move from another branch',
    O,
    ev('transferInternal', { fromOrganizationId: B, toOrganizationId: 'org-c' }),
    'Tổ chức chuyển đi không phải là tổ chức đảng viên đang sinh hoạt.',
  ],
  [
    'transfer out of the ward',
    O,
    ev('transferOut', { transferKind: 'official', toExternal: 'Đảng bộ phường Bồ Đề' }),
    true,
  ],
  [
    'temporary transfer out needs a place',
    P,
    ev('transferOut', { transferKind: 'temporary' }),
    'Chưa ghi nơi đảng viên đến sinh hoạt tạm thời.',
  ],
  ['no transfer out twice', T, ev('transferOut', { toExternal: 'x' }), GONE],
  [
    'back from a temporary attendance',
    at('official', { temporaryExternal: 'Trường Chính trị' }),
    ev('temporaryReturn'),
    true,
  ],
  [
    'no return without a temporary attendance',
    O,
    ev('temporaryReturn'),
    'Đảng viên không đang sinh hoạt tạm thời ở nơi khác.',
  ],
  // Discipline
  ['a reprimand on probation', P, ev('discipline', { disciplineForm: 'reprimand' }), true],
  ['a warning on probation', P, ev('discipline', { disciplineForm: 'warning' }), true],
  [
    'no dismissal on probation',
    P,
    ev('discipline', { disciplineForm: 'dismissal' }),
    PROBATION_ONLY_LIGHT('cách chức'),
  ],
  [
    'no expulsion discipline on probation',
    P,
    ev('discipline', { disciplineForm: 'expulsion' }),
    PROBATION_ONLY_LIGHT('khai trừ'),
  ],
  ['dismissal of an official member', O, ev('discipline', { disciplineForm: 'dismissal' }), true],
  ['expulsion of an exempted member', E, ev('discipline', { disciplineForm: 'expulsion' }), true],
  ['discipline needs its form', O, ev('discipline'), 'Chưa chọn hình thức kỷ luật.'],
  ['no discipline after death', D, ev('discipline', { disciplineForm: 'reprimand' }), DEAD],
  // Endings
  ['removal on probation', P, ev('removedFromRolls'), true],
  ['removal of an official member', O, ev('removedFromRolls'), true],
  ['expulsion of an official member', O, ev('expelled'), true],
  [
    'no expulsion on probation',
    P,
    ev('expelled'),
    'Đảng viên dự bị không bị khai trừ; nếu không đủ tư cách đảng viên thì đề nghị xóa tên.',
  ],
  ['resignation', E, ev('resigned'), true],
  ['death of an exempted member', E, ev('deceased'), true],
  ['no second death', D, ev('deceased'), DEAD],
  ['no death after expulsion', X, ev('deceased'), 'Đảng viên đã bị khai trừ; chỉ có thể kết nạp lại.'],
  [
    'no removal after resignation',
    Q,
    ev('removedFromRolls'),
    'Đảng viên đã ra khỏi Đảng; chỉ có thể kết nạp lại.',
  ],
  [
    'no event before joining',
    O,
    ev('deceased', { date: '2024-02-29' }),
    'Ngày của sự kiện (29/02/2024) trước ngày vào Đảng (01/03/2024).',
  ],
  // Readmission
  ['readmission after removal', R, ev('readmission', { toOrganizationId: B }), true],
  ['readmission after expulsion', X, ev('readmission'), true],
  ['readmission after resignation', Q, ev('readmission'), true],
  [
    'no readmission of a member',
    O,
    ev('readmission'),
    'Đồng chí này đang là đảng viên; không cần kết nạp lại.',
  ],
  ['no readmission after death', D, ev('readmission'), DEAD],
  ['no readmission after a transfer out', T, ev('readmission'), GONE],
  [
    'no readmission before any admission',
    null,
    ev('readmission'),
    'Chỉ kết nạp lại người đã bị xóa tên, bị khai trừ hoặc đã ra khỏi Đảng.',
  ],
  // Awards
  ['an award on probation', P, ev('award', { awardName: 'Giấy khen' }), true],
  ['an award when exempted', E, ev('award', { badgeYears: 60 }), true],
  ['a posthumous award', D, ev('award', { badgeYears: 50, posthumous: true }), true],
  [
    'after death only posthumous',
    D,
    ev('award', { badgeYears: 50 }),
    'Sau khi từ trần chỉ ghi được khen thưởng truy tặng; hãy đánh dấu “Truy tặng”.',
  ],
  [
    'posthumous only after death',
    O,
    ev('award', { badgeYears: 50, posthumous: true }),
    'Chỉ truy tặng cho đảng viên đã từ trần.',
  ],
  [
    'no award after removal',
    R,
    ev('award', { awardName: 'Giấy khen' }),
    'Đảng viên đã bị xóa tên; chỉ có thể kết nạp lại.',
  ],
];

describe('what may happen in which state', () => {
  it.each(rows)('%s', (_, state, event, expected) => {
    expect(canApply(state, event, member)).toEqual(
      expected === true ? { ok: true } : { ok: false, reason: expected },
    );
  });

  it('the probation length is a setting', () => {
    expect(canApply(P, ev('madeOfficial', { date: '2025-03-01' }), member, { probationMonths: 18 })).toEqual({
      ok: false,
      reason:
        'Chưa đủ 18 tháng dự bị: đồng chí vào Đảng ngày 01/03/2024, sớm nhất được công nhận chính thức từ ngày 01/09/2025.',
    });
  });

  it('a readmitted member’s probation runs from the readmission', () => {
    const readmitted = at('probationary', { probationStartedOn: '2025-01-10' });
    expect(canApply(readmitted, ev('madeOfficial', { date: '2025-06-01' }), member).ok).toBe(false);
    expect(canApply(readmitted, ev('madeOfficial', { date: '2026-01-10' }), member).ok).toBe(true);
  });
});

describe('what an event changes', () => {
  it.each<[string, LifecycleState | null, LifecycleEvent, LifecycleState | null]>([
    [
      'admission: probationary at the organization',
      null,
      ev('admission', { organizationId: A }),
      { status: 'probationary', organizationId: A, probationStartedOn: '2025-06-01' },
    ],
    [
      'transfer in: official by default',
      null,
      ev('transferIn', { toOrganizationId: B }),
      { status: 'official', organizationId: B },
    ],
    [
      'transfer in: probationary when the letter says so',
      null,
      ev('transferIn', { toOrganizationId: B, arrivalStatus: 'probationary' }),
      { status: 'probationary', organizationId: B, probationStartedOn: '2024-03-01' },
    ],
    [
      'transfer in temporary: a visitor, counted nowhere',
      null,
      ev('transferIn', { toOrganizationId: B, transferKind: 'temporary' }),
      { status: 'official', temporaryOrganizationId: B },
    ],
    ['made official', P, ev('madeOfficial', { date: '2025-03-01' }), { ...P, status: 'official' }],
    ['exemption', O, ev('exemption'), { ...O, status: 'exempted' }],
    ['exemption ended', E, ev('exemptionEnded'), { ...E, status: 'official' }],
    [
      'a move inside the ward changes the organization',
      O,
      ev('transferInternal', { toOrganizationId: B }),
      { ...O, organizationId: B },
    ],
    [
      'a temporary move keeps the organization',
      O,
      ev('transferInternal', { transferKind: 'temporary', toOrganizationId: B }),
      { ...O, temporaryOrganizationId: B },
    ],
    [
      'an official move ends a temporary attendance',
      at('official', { temporaryOrganizationId: B }),
      ev('transferInternal', { toOrganizationId: B }),
      { ...O, organizationId: B },
    ],
    [
      'temporary out of the ward',
      O,
      ev('transferOut', { transferKind: 'temporary', toExternal: 'Trường Chính trị' }),
      { ...O, temporaryExternal: 'Trường Chính trị' },
    ],
    ['temporary return', at('official', { temporaryOrganizationId: B }), ev('temporaryReturn'), O],
    [
      'a visitor going home',
      { status: 'official', temporaryOrganizationId: B },
      ev('temporaryReturn'),
      { status: 'transferredOut' },
    ],
    [
      'transfer out keeps the last organization',
      at('official', { temporaryExternal: 'x' }),
      ev('transferOut', { toExternal: 'Đảng bộ phường Bồ Đề' }),
      { ...O, status: 'transferredOut' },
    ],
    [
      'expulsion by discipline',
      O,
      ev('discipline', { disciplineForm: 'expulsion' }),
      { ...O, status: 'expelled' },
    ],
    ['a warning changes nothing', O, ev('discipline', { disciplineForm: 'warning' }), O],
    ['an award changes nothing', O, ev('award', { awardName: 'Giấy khen' }), O],
    ['death', at('exempted', { temporaryOrganizationId: B }), ev('deceased'), { ...E, status: 'deceased' }],
    [
      'readmission starts a new probation',
      R,
      ev('readmission', { toOrganizationId: B }),
      { status: 'probationary', organizationId: B, probationStartedOn: '2025-06-01' },
    ],
    [
      'readmission in the last organization',
      Q,
      ev('readmission'),
      { status: 'probationary', organizationId: A, probationStartedOn: '2025-06-01' },
    ],
  ])('%s', (_, state, event, next) => {
    expect(applyEvent(state, event, member)).toEqual(next);
  });

  it('refuses what canApply refuses, with the same reason', () => {
    expect(() => applyEvent(P, ev('discipline', { disciplineForm: 'dismissal' }), member)).toThrow(
      new LifecycleError(PROBATION_ONLY_LIGHT('cách chức')),
    );
  });
});
