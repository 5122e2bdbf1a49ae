import { describe, expect, it } from 'vitest';
import { checkEvent, type EventDraft, type EventRuleContext } from './eventRules';

const context: EventRuleContext = { today: '2026-03-15', badgeMilestones: [30, 40, 45, 50] };

const complete: Record<string, EventDraft> = {
  madeOfficial: { type: 'madeOfficial', date: '2026-03-02', decisionNumber: '12-QĐ/ĐU' },
  transferInternal: {
    type: 'transferInternal',
    date: '2026-03-02',
    transferKind: 'official',
    decisionNumber: '05',
    toOrganizationId: 'b',
    duesPaidThrough: '2026-02',
  },
  transferOut: {
    type: 'transferOut',
    date: '2026-03-02',
    transferKind: 'official',
    decisionNumber: '06',
    toExternal: 'Đảng bộ phường Bồ Đề',
    duesPaidThrough: '2026-02',
  },
  temporary: {
    type: 'transferOut',
    date: '2026-03-02',
    transferKind: 'temporary',
    decisionNumber: '07',
    toExternal: 'Trường Chính trị',
    duesPaidThrough: '2026-02',
    temporaryUntil: '2026-09-02',
  },
  transferIn: {
    type: 'transferIn',
    date: '2026-03-02',
    transferKind: 'official',
    decisionNumber: '08',
    toOrganizationId: 'a',
    fromExternal: 'Đảng bộ xã Cổ Bi',
  },
  exemption: {
    type: 'exemption',
    date: '2026-03-02',
    reason: 'Tuổi cao, sức khỏe yếu',
    requestedOn: '2026-02-20',
    medicalEvidence: 'Giấy ra viện',
  },
  removedFromRolls: { type: 'removedFromRolls', date: '2026-03-02', reason: 'Bỏ sinh hoạt 3 tháng' },
  deceased: { type: 'deceased', date: '2026-03-02', causeOfDeath: 'Bệnh già' },
  award: { type: 'award', date: '2026', badgeYears: 40 },
  discipline: {
    type: 'discipline',
    date: '2026-03-02',
    disciplineForm: 'warning',
    reason: 'Vi phạm quy định',
  },
  readmission: { type: 'readmission', date: '2026-03-02', toOrganizationId: 'a' },
};

describe('a complete event passes', () => {
  it.each(Object.entries(complete))('%s', (_, event) => {
    expect(checkEvent(event, context)).toEqual({ errors: [], warnings: [] });
  });
});

describe('errors', () => {
  it.each<[string, EventDraft, string, string]>([
    [
      'no date',
      { ...complete.madeOfficial!, date: '' },
      'date',
      'Hãy nhập ngày của sự kiện (ngày/tháng/năm).',
    ],
    [
      '31/04',
      { ...complete.madeOfficial!, date: '31/04/2026' },
      'date',
      'Ngày 31/04/2026 không hợp lệ: tháng 04/2026 chỉ có 30 ngày.',
    ],
    [
      'a date to come',
      { ...complete.madeOfficial!, date: '2026-03-16' },
      'date',
      'Ngày 16/03/2026 ở sau ngày hôm nay; chỉ ghi những sự kiện đã diễn ra.',
    ],
    [
      'a request after the resolution',
      { ...complete.exemption!, requestedOn: '2026-03-05' },
      'requestedOn',
      'Ngày làm đơn (05/03/2026) phải trước hoặc cùng ngày 02/03/2026 của sự kiện.',
    ],
    [
      'a transfer without its kind',
      { ...complete.transferOut!, transferKind: undefined },
      'transferKind',
      'Hãy chọn hình thức chuyển sinh hoạt: chính thức hoặc tạm thời.',
    ],
    [
      'a transfer without its letter number',
      { ...complete.transferInternal!, decisionNumber: ' ' },
      'decisionNumber',
      'Hãy ghi số giấy giới thiệu sinh hoạt đảng.',
    ],
    [
      'a move inside the ward without its destination',
      { ...complete.transferInternal!, toOrganizationId: undefined },
      'toOrganizationId',
      'Hãy chọn tổ chức đảng chuyển đến.',
    ],
    [
      'a transfer out without its destination',
      { ...complete.transferOut!, toExternal: '' },
      'toExternal',
      'Hãy ghi tên tổ chức đảng nơi chuyển đến.',
    ],
    [
      'a transfer in without the receiving branch',
      { ...complete.transferIn!, toOrganizationId: undefined },
      'toOrganizationId',
      'Hãy chọn tổ chức đảng tiếp nhận.',
    ],
    [
      'no dues month',
      { ...complete.transferOut!, duesPaidThrough: undefined },
      'duesPaidThrough',
      'Hãy ghi tháng đã đóng đảng phí đến hết (theo giấy giới thiệu).',
    ],
    [
      'a dues month 13',
      { ...complete.transferOut!, duesPaidThrough: '2026-13' },
      'duesPaidThrough',
      'Tháng đã đóng đảng phí không hợp lệ; hãy nhập theo dạng tháng/năm, ví dụ 06/2025.',
    ],
    [
      'a temporary end before the start',
      { ...complete.temporary!, temporaryUntil: '2026-03-01' },
      'temporaryUntil',
      'Ngày hết hạn sinh hoạt tạm thời (01/03/2026) phải sau ngày chuyển (02/03/2026).',
    ],
    [
      'an exemption without reason',
      { ...complete.exemption!, reason: '' },
      'reason',
      'Hãy ghi lý do miễn công tác và sinh hoạt đảng.',
    ],
    [
      'an exemption without request date',
      { ...complete.exemption!, requestedOn: undefined },
      'requestedOn',
      'Hãy ghi ngày đảng viên làm đơn đề nghị.',
    ],
    [
      'a removal without reason',
      { ...complete.removedFromRolls!, reason: undefined },
      'reason',
      'Hãy ghi lý do theo quyết định.',
    ],
    [
      'an award without a name or badge',
      { ...complete.award!, badgeYears: undefined },
      'awardName',
      'Hãy ghi hình thức khen thưởng hoặc chọn mốc Huy hiệu Đảng.',
    ],
    [
      'a discipline without its form',
      { ...complete.discipline!, disciplineForm: undefined },
      'disciplineForm',
      'Hãy chọn hình thức kỷ luật.',
    ],
    [
      'a discipline without reason',
      { ...complete.discipline!, reason: '' },
      'reason',
      'Hãy ghi lý do kỷ luật.',
    ],
    [
      'a readmission without its branch',
      { ...complete.readmission!, toOrganizationId: undefined },
      'toOrganizationId',
      'Hãy chọn tổ chức đảng nơi kết nạp lại.',
    ],
  ])('%s', (_, event, field, message) => {
    expect(checkEvent(event, context).errors).toContainEqual({ field, message });
  });
});

describe('warnings', () => {
  it.each<[string, EventDraft, string, string]>([
    [
      'an exemption without medical evidence',
      { ...complete.exemption!, medicalEvidence: undefined },
      'medicalEvidence',
      'Chưa ghi giấy tờ y tế kèm theo; đơn xin miễn sinh hoạt thường có xác nhận của cơ sở y tế.',
    ],
    [
      'a temporary transfer of 2 months',
      { ...complete.temporary!, temporaryUntil: '2026-05-02' },
      'temporaryUntil',
      'Thời hạn sinh hoạt tạm thời chỉ 2 tháng; quy định là từ 3 tháng đến dưới 1 năm.',
    ],
    [
      'a temporary transfer of 13 months',
      { ...complete.temporary!, temporaryUntil: '2027-04-02' },
      'temporaryUntil',
      'Thời hạn sinh hoạt tạm thời là 13 tháng; quá 1 năm chỉ áp dụng cho người đi học tập trung (tối đa 2 năm).',
    ],
    [
      'a temporary transfer of 25 months',
      { ...complete.temporary!, temporaryUntil: '2028-04-02' },
      'temporaryUntil',
      'Thời hạn sinh hoạt tạm thời là 25 tháng, quá 2 năm (mức tối đa cho người đi học tập trung).',
    ],
    [
      'a temporary transfer without an end',
      { ...complete.temporary!, temporaryUntil: undefined },
      'temporaryUntil',
      'Chưa ghi thời hạn sinh hoạt tạm thời; hãy ghi ngày hết hạn theo giấy giới thiệu.',
    ],
    [
      'a transfer in without its origin',
      { ...complete.transferIn!, fromExternal: undefined },
      'fromExternal',
      'Chưa ghi tổ chức đảng nơi chuyển đi; hãy ghi theo giấy giới thiệu.',
    ],
    [
      'a death without its cause',
      { ...complete.deceased!, causeOfDeath: '' },
      'causeOfDeath',
      'Chưa ghi nguyên nhân từ trần (sổ 7-HSĐV có cột này).',
    ],
    [
      'a badge that is no milestone',
      { ...complete.award!, badgeYears: 35 },
      'badgeYears',
      '35 năm không phải là một mốc Huy hiệu Đảng.',
    ],
  ])('%s', (_, event, field, message) => {
    const { errors, warnings } = checkEvent(event, context);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ field, message }]);
  });
});
