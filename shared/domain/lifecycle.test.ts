import { describe, expect, it } from 'vitest';
import {
  availableActions,
  currentState,
  issuingBodyName,
  judgeHistoryChange,
  judgeNewEvent,
  memberChangesFor,
  applyEvent,
  canApply,
  completeHistory,
  memberStateOn,
  memberTimeline,
  replayEvents,
  stateOnTimeline,
  sortEvents,
  type LifecycleEvent,
} from './lifecycle';
import type { Member } from './types';
import { completeDate } from './dates';
import { generateDemoWard } from '../demo/generator';

const A = 'org-a';
const B = 'org-b';
const member = { id: 'm1', organizationId: B, joinedOn: '1990-05-19', officialOn: '1991-05-19' };

let n = 0;
const ev = (
  type: LifecycleEvent['type'],
  date: string,
  extra: Partial<LifecycleEvent> = {},
): LifecycleEvent => ({
  id: `e${String((n += 1)).padStart(3, '0')}`,
  memberId: 'm1',
  type,
  date,
  ...extra,
});

/** Admitted in A, official, moved to B, exempted, back to activity, exempted again, died, badge posthumously. */
const life = [
  ev('admission', '1990-05-19', { organizationId: A }),
  ev('madeOfficial', '1991-05-19'),
  ev('award', '2020-02-03', { badgeYears: 30 }),
  ev('transferInternal', '2025-07-15', {
    transferKind: 'official',
    fromOrganizationId: A,
    toOrganizationId: B,
  }),
  ev('exemption', '2025-09-01', { reason: 'Tuổi cao' }),
  ev('exemptionEnded', '2025-12-01'),
  ev('exemption', '2026-01-05', { reason: 'Ốm dài ngày' }),
  ev('deceased', '2026-02-10'),
  ev('award', '2026-02-10', { badgeYears: 40, posthumous: true }),
];

describe('replaying a history', () => {
  it('follows every event in date order, whatever order they are stored in', () => {
    const shuffled = [...life].reverse();
    expect(replayEvents(shuffled, member)).toEqual({
      ok: true,
      state: { status: 'deceased', organizationId: B, probationStartedOn: '1990-05-19' },
    });
  });

  it('orders same-day events: a start before a change before an end, a posthumous award last', () => {
    const sameDay = [
      ev('award', '2026-02-10', { posthumous: true, id: 'a' }),
      ev('deceased', '2026-02-10', { id: 'b' }),
      ev('award', '2026-02-10', { id: 'c' }),
      ev('admission', '1990', { id: 'z', organizationId: A }),
      ev('madeOfficial', '1990-05-19', { id: 'y' }),
    ];
    expect(sortEvents(sameDay).map((e) => e.id)).toEqual(['z', 'y', 'c', 'b', 'a']);
  });

  it('stops at the first refusal and says which event and why', () => {
    const twice = [...life.slice(0, 2), ev('madeOfficial', '1992-01-01', { id: 'again' })];
    const result = replayEvents(twice, member);
    expect(result).toMatchObject({
      ok: false,
      state: { status: 'official', organizationId: A },
      event: { id: 'again' },
      reason: 'Đồng chí này đã là đảng viên chính thức.',
    });
  });

  it('refuses an event after death unless it is a posthumous award', () => {
    const result = replayEvents(
      [...life, ev('discipline', '2026-03-01', { disciplineForm: 'warning' })],
      member,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'Đảng viên đã từ trần; sau khi từ trần chỉ ghi được khen thưởng truy tặng.',
    });
  });

  it('an empty history is no membership', () => {
    expect(replayEvents([], member)).toEqual({ ok: true, state: null });
  });
});

describe('the state on a date', () => {
  it.each([
    ['the day before admission', '1990-05-18', null],
    ['the admission day', '1990-05-19', { status: 'probationary', organizationId: A }],
    ['during probation', '1991-05-18', { status: 'probationary', organizationId: A }],
    ['official', '1991-05-19', { status: 'official', organizationId: A }],
    ['the day before the move', '2025-07-14', { status: 'official', organizationId: A }],
    ['after the move', '2025-07-15', { status: 'official', organizationId: B }],
    ['exempted', '2025-10-01', { status: 'exempted', organizationId: B }],
    ['back to activity', '2025-12-31', { status: 'official', organizationId: B }],
    ['exempted again', '2026-01-05', { status: 'exempted', organizationId: B }],
    ['after death', '2026-03-01', { status: 'deceased', organizationId: B }],
  ])('%s (%s)', (_, date, expected) => {
    const state = memberStateOn(member, life, date);
    if (expected === null) expect(state).toBeNull();
    else expect(state).toMatchObject(expected);
  });

  it('a file without events is read from its admission and official dates', () => {
    const file = { id: 'm2', organizationId: A, joinedOn: '2000-01-10', officialOn: '2001-01-10' };
    expect(memberStateOn(file, [], '1999-12-31')).toBeNull();
    expect(memberStateOn(file, [], '2000-06-01')).toMatchObject({
      status: 'probationary',
      organizationId: A,
    });
    expect(memberStateOn(file, [], '2001-01-10')).toMatchObject({ status: 'official', organizationId: A });
  });

  it('an old admission without an organization was in the branch the member later left', () => {
    const events = [
      ev('admission', '1990-05-19'),
      ev('madeOfficial', '1991-05-19'),
      ev('transferInternal', '2025-07-15', { fromOrganizationId: A, toOrganizationId: B }),
    ];
    expect(memberStateOn(member, events, '2000-01-01')?.organizationId).toBe(A);
    expect(memberStateOn(member, events, '2025-08-01')?.organizationId).toBe(B);
  });

  it('a temporary attendance elsewhere is set and cleared; the home organization stays', () => {
    const events = [
      ...life.slice(0, 2),
      ev('transferInternal', '2024-01-02', {
        transferKind: 'temporary',
        toOrganizationId: B,
        temporaryUntil: '2024-09-01',
      }),
      ev('temporaryReturn', '2024-09-01'),
    ];
    expect(memberStateOn(member, events, '2024-05-01')).toMatchObject({
      organizationId: A,
      temporaryOrganizationId: B,
    });
    expect(memberStateOn(member, events, '2024-09-01')).toEqual({
      status: 'official',
      organizationId: A,
      probationStartedOn: '1990-05-19',
    });
  });

  it('removal ends the membership and readmission starts a new probation', () => {
    const events = [
      ...life.slice(0, 2),
      ev('removedFromRolls', '2010-03-01', { reason: 'Bỏ sinh hoạt' }),
      ev('readmission', '2015-06-01', { toOrganizationId: B }),
    ];
    expect(memberStateOn(member, events, '2012-01-01')).toMatchObject({
      status: 'removedFromRolls',
      organizationId: A,
    });
    expect(memberStateOn(member, events, '2015-06-01')).toEqual({
      status: 'probationary',
      organizationId: B,
      probationStartedOn: '2015-06-01',
    });
  });

  it('a transfer out and a transfer in back', () => {
    const events = [
      ...life.slice(0, 2),
      ev('transferOut', '2005-01-01', { transferKind: 'official', toExternal: 'Đảng bộ phường Bồ Đề' }),
      ev('transferIn', '2012-01-01', { toOrganizationId: B }),
    ];
    expect(memberStateOn(member, events, '2006-01-01')?.status).toBe('transferredOut');
    expect(memberStateOn(member, events, '2013-01-01')).toMatchObject({
      status: 'official',
      organizationId: B,
    });
  });

  it('an event the machine refuses is skipped, so one bad record never hides a member', () => {
    const events = [...life.slice(0, 2), ev('exemptionEnded', '1995-01-01')];
    expect(memberStateOn(member, events, '2000-01-01')).toMatchObject({
      status: 'official',
      organizationId: A,
    });
  });
});

const file: Pick<Member, 'id' | 'organizationId' | 'joinedOn' | 'status'> = {
  id: 'm1',
  organizationId: A,
  joinedOn: '2025-06-02',
  status: 'probationary',
};
const history = [ev('admission', '2025-06-02', { organizationId: A })];

describe('recording a new event on a file', () => {
  it('returns the state after the event and the member fields it changes', () => {
    const move = ev('transferInternal', '2026-03-02', {
      transferKind: 'official',
      fromOrganizationId: A,
      toOrganizationId: B,
    });
    const verdict = judgeNewEvent(file, history, move);
    expect(verdict).toEqual({
      ok: true,
      state: { status: 'probationary', organizationId: B, probationStartedOn: '2025-06-02' },
    });
    if (!verdict.ok) return;
    expect(memberChangesFor(verdict.state, move)).toEqual({
      status: 'probationary',
      organizationId: B,
      temporaryOrganizationId: undefined,
      temporaryExternal: undefined,
    });
  });

  it('making official also sets the official date and decision', () => {
    const official = { ...file, joinedOn: '2025-01-02' };
    const event = ev('madeOfficial', '2026-01-02', { decisionNumber: '15-QĐ/ĐU' });
    const verdict = judgeNewEvent(official, [], event);
    expect(verdict.ok && memberChangesFor(verdict.state, event)).toMatchObject({
      status: 'official',
      officialOn: '2026-01-02',
      officialDecisionNumber: '15-QĐ/ĐU',
    });
  });

  it('refuses a state change dated before the latest one', () => {
    const events = [
      ...history,
      ev('transferInternal', '2026-01-05', { fromOrganizationId: A, toOrganizationId: B }),
    ];
    expect(judgeNewEvent({ ...file, organizationId: B }, events, ev('resigned', '2025-12-01'))).toEqual({
      ok: false,
      reason:
        'Ngày 01/12/2025 trước sự kiện gần nhất (Chuyển sinh hoạt trong Đảng bộ ngày 05/01/2026); các sự kiện làm thay đổi tình trạng phải ghi theo đúng thứ tự thời gian.',
    });
  });

  it('judges an old award by the state on its date', () => {
    const dead = { ...file, status: 'deceased' as const, joinedOn: '1990-05-19' };
    const events = [
      ev('admission', '1990-05-19', { organizationId: A }),
      ev('madeOfficial', '1991-05-19'),
      ev('deceased', '2026-01-05'),
    ];
    expect(judgeNewEvent(dead, events, ev('award', '2020-02-03', { badgeYears: 30 })).ok).toBe(true);
    expect(judgeNewEvent(dead, events, ev('award', '1985-01-01', { awardName: 'Giấy khen' }))).toEqual({
      ok: false,
      reason: 'Ngày của sự kiện (01/01/1985) trước ngày vào Đảng (19/05/1990).',
    });
  });

  it('reads a readmitted member’s probation from the readmission', () => {
    expect(
      currentState({ ...file, joinedOn: '1990-05-19' }, [ev('readmission', '2025-06-02')]).probationStartedOn,
    ).toBe('2025-06-02');
  });
});

describe('the actions a file offers', () => {
  const kinds = (list: ReturnType<typeof availableActions>) =>
    list.map((a) => `${a.type}${a.verdict.ok ? '' : ' (disabled)'}`);

  it('a probationary member before the end of probation: making official shown with its date', () => {
    const actions = availableActions(currentState(file), file, '2026-03-15');
    expect(kinds(actions)).toEqual([
      'madeOfficial (disabled)',
      'transferInternal',
      'transferOut',
      'award',
      'discipline',
      'removedFromRolls',
      'resigned',
      'deceased',
    ]);
    expect(actions[0]!.verdict).toEqual({
      ok: false,
      reason:
        'Chưa đủ 12 tháng dự bị: đồng chí vào Đảng ngày 02/06/2025, sớm nhất được công nhận chính thức từ ngày 02/06/2026.',
    });
  });

  it.each([
    [
      'official',
      { status: 'official' as const },
      [
        'transferInternal',
        'transferOut',
        'exemption',
        'award',
        'discipline',
        'removedFromRolls',
        'resigned',
        'expelled',
        'deceased',
      ],
    ],
    [
      'exempted, attending elsewhere',
      { status: 'exempted' as const, temporaryExternal: 'Bệnh viện' },
      [
        'transferInternal',
        'transferOut',
        'temporaryReturn',
        'exemptionEnded',
        'award',
        'discipline',
        'removedFromRolls',
        'resigned',
        'expelled',
        'deceased',
      ],
    ],
    ['deceased', { status: 'deceased' as const }, ['award']],
    ['transferred out', { status: 'transferredOut' as const }, ['transferIn']],
    ['removed', { status: 'removedFromRolls' as const }, ['readmission']],
  ])('%s', (_, patch, expected) => {
    const state = currentState({ ...file, joinedOn: '1990-05-19', ...patch });
    expect(kinds(availableActions(state, { joinedOn: '1990-05-19' }, '2026-03-15'))).toEqual(expected);
  });
});

describe('who signs', () => {
  it.each([
    ['Đảng bộ phường Phúc Lợi', 'Đảng ủy phường Phúc Lợi'],
    ['Đảng bộ Công an phường', 'Đảng ủy Công an phường'],
    ['Chi bộ Tổ dân phố số 5', 'Chi bộ Tổ dân phố số 5'],
    ['Đảng bộphường', 'Đảng bộphường'],
  ])('%s → %s', (name, body) => {
    expect(issuingBodyName(name)).toBe(body);
  });
});

describe('a member\'s timeline', () => {
  // The reference: the completed history replayed event by event up to the end of the day.
  const replayUpTo = (m: (typeof demo.members)[number], events: LifecycleEvent[], date: string) => {
    let state: ReturnType<typeof memberStateOn> = null;
    for (const event of completeHistory(m, events)) {
      if (completeDate(event.date, 'start') > completeDate(date, 'end')) break;
      if (canApply(state, event, m).ok) state = applyEvent(state, event, m);
    }
    return state;
  };
  const demo = generateDemoWard({ seed: 11, memberCount: 400, asOf: '2025-11-26' });
  const dates = ['1975-01-01', '1999-12-31', '2010-06-30', '2024-12-31', '2025-07-01', '2025-11-26', '2026'];
  it.each(dates)('gives, on %s, the state of the events up to that day, for every member', (date) => {
    for (const m of demo.members) {
      const events = demo.events.filter((e) => e.memberId === m.id);
      const expected = replayUpTo(m, events, date);
      expect(stateOnTimeline(memberTimeline(m, events), date)).toEqual(expected);
      expect(memberStateOn(m, events, date)).toEqual(expected);
    }
  });

  it('is read at the end of the day and for partial dates at the end of the period', () => {
    const events = [ev('admission', '2010-05-19', { organizationId: A }), ev('transferInternal', '2015-03', { fromOrganizationId: A, toOrganizationId: B })];
    const timeline = memberTimeline({ ...member, organizationId: B }, events);
    expect(stateOnTimeline(timeline, '2010-05-18')).toBeNull();
    expect(stateOnTimeline(timeline, '2010-05-19')).toMatchObject({ organizationId: A });
    expect(stateOnTimeline(timeline, '2015-02-28')).toMatchObject({ organizationId: A });
    expect(stateOnTimeline(timeline, '2015-03-01')).toMatchObject({ organizationId: B });
    expect(stateOnTimeline(timeline, '2015')).toMatchObject({ organizationId: B });
  });
});

describe('correcting the history (delete, correct, restore an event)', () => {
  const admitted = ev('admission', '2010-05-19', { organizationId: A });
  const official = ev('madeOfficial', '2011-05-19', { decisionNumber: '12-QĐ/ĐU' });
  const moved = ev('transferInternal', '2020-03-01', { transferKind: 'official', fromOrganizationId: A, toOrganizationId: B });
  const award = ev('award', '2021-02-03', { awardName: 'Giấy khen' });
  const exempted = ev('exemption', '2022-01-10', { reason: 'Tuổi cao' });
  const back = ev('exemptionEnded', '2023-01-10');
  const died = ev('deceased', '2024-06-01');
  const facts = { ...member, organizationId: B, joinedOn: '2010-05-19', officialOn: '2011-05-19' };
  const history = [admitted, official, moved, award, exempted, back];
  const without = (e: LifecycleEvent) => history.filter((x) => x !== e);
  const replaced = (e: LifecycleEvent, by: Partial<LifecycleEvent>) => history.map((x) => (x === e ? { ...x, ...by } : x));

  it.each<[string, LifecycleEvent[], LifecycleEvent[], Partial<Member> | string]>([
    ['deleting an award changes nothing on the record', history, without(award), {}],
    [
      'deleting the move puts the member back in the branch before it',
      history,
      without(moved),
      { organizationId: A },
    ],
    [
      'deleting the official decision makes the member probationary again and clears the official date',
      [admitted, official],
      [admitted],
      { status: 'probationary', officialOn: undefined, officialDecisionNumber: undefined },
    ],
    [
      'correcting the official decision number updates the record',
      [admitted, official],
      [admitted, { ...official, decisionNumber: '15-QĐ/ĐU' }],
      { officialDecisionNumber: '15-QĐ/ĐU', officialOn: '2011-05-19' },
    ],
    [
      'restoring a death makes the member deceased again',
      history,
      [...history, died],
      { status: 'deceased' },
    ],
    [
      'the admission cannot go while other events remain',
      history,
      without(admitted),
      'Hồ sơ phải còn sự kiện kết nạp, kết nạp lại hoặc chuyển sinh hoạt đến. Nếu cả hồ sơ bị nhập nhầm, hãy đưa hồ sơ vào Thùng rác.',
    ],
    [
      'an exemption cannot go while its end remains',
      history,
      without(exempted),
      'Sự kiện “Trở lại sinh hoạt” ngày 10/01/2023 sẽ không còn hợp lệ: Đảng viên không ở diện miễn công tác và sinh hoạt đảng.',
    ],
    [
      'a date moved before the admission is refused',
      history,
      replaced(official, { date: '2009-01-01' }),
      'Sự kiện “Chuyển đảng chính thức” ngày 01/01/2009 sẽ không còn hợp lệ: Ngày của sự kiện (01/01/2009) trước ngày vào Đảng (19/05/2010).',
    ],
  ])('%s', (_, before, after, expected) => {
    const verdict = judgeHistoryChange(facts, before, after);
    if (typeof expected === 'string') expect(verdict).toEqual({ ok: false, reason: expected });
    else expect(verdict).toEqual({ ok: true, changes: expected });
  });
});
