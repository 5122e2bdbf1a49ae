/**
 * Vietnamese labels of the domain enumerations, for the UI dictionary, printed forms and reports.
 * `satisfies Record<…>` makes a new enum value without a label a compile error.
 */
import type {
  ArmedForces,
  DisciplineForm,
  MemberEventType,
  MemberStatus,
  OrgCategory,
  OrgOrigin,
  OrgStatus,
  OrgType,
  Sex,
  TransferKind,
} from './types';

export const ORG_TYPE_LABELS = {
  ward: 'Đảng bộ phường',
  grassrootsCommittee: 'Đảng bộ cơ sở',
  grassrootsBranch: 'Chi bộ cơ sở',
  subCommittee: 'Đảng bộ bộ phận',
  branch: 'Chi bộ trực thuộc',
  cell: 'Tổ đảng',
} as const satisfies Record<OrgType, string>;

export const ORG_CATEGORY_LABELS = {
  residentialGroup: 'Khu dân cư, tổ dân phố',
  partyAgency: 'Cơ quan Đảng, HĐND, UBND, MTTQ',
  school: 'Trường học',
  health: 'Y tế',
  enterprise: 'Doanh nghiệp',
  police: 'Công an',
  military: 'Quân sự',
  other: 'Khác',
} as const satisfies Record<OrgCategory, string>;

export const ORG_ORIGIN_LABELS = {
  receivedFromOtherCommittee: 'Tiếp nhận từ cấp ủy khác',
  founded: 'Thành lập mới',
  fromMergedWard: 'Từ đơn vị hành chính sáp nhập',
} as const satisfies Record<OrgOrigin, string>;

export const ORG_STATUS_LABELS = {
  active: 'Đang hoạt động',
  merged: 'Đã hợp nhất',
  dissolved: 'Đã giải thể',
} as const satisfies Record<OrgStatus, string>;

export const SEX_LABELS = {
  male: 'Nam',
  female: 'Nữ',
} as const satisfies Record<Sex, string>;

export const MEMBER_STATUS_LABELS = {
  probationary: 'Dự bị',
  official: 'Chính thức',
  exempted: 'Miễn công tác và sinh hoạt đảng',
  transferredOut: 'Đã chuyển đi',
  removedFromRolls: 'Xóa tên',
  expelled: 'Khai trừ',
  resigned: 'Ra khỏi Đảng',
  deceased: 'Từ trần',
} as const satisfies Record<MemberStatus, string>;

/** Short forms for table columns and chart legends. */
export const MEMBER_STATUS_SHORT_LABELS = {
  probationary: 'Dự bị',
  official: 'Chính thức',
  exempted: 'Miễn sinh hoạt',
  transferredOut: 'Chuyển đi',
  removedFromRolls: 'Xóa tên',
  expelled: 'Khai trừ',
  resigned: 'Ra khỏi Đảng',
  deceased: 'Từ trần',
} as const satisfies Record<MemberStatus, string>;

export const MEMBER_EVENT_TYPE_LABELS = {
  admission: 'Kết nạp',
  madeOfficial: 'Chuyển đảng chính thức',
  transferIn: 'Chuyển sinh hoạt đến',
  transferOut: 'Chuyển sinh hoạt đi',
  exemption: 'Miễn công tác và sinh hoạt đảng',
  exemptionEnded: 'Trở lại sinh hoạt',
  removedFromRolls: 'Xóa tên',
  expelled: 'Khai trừ',
  resigned: 'Ra khỏi Đảng',
  deceased: 'Từ trần',
  readmission: 'Kết nạp lại',
  award: 'Khen thưởng',
  discipline: 'Kỷ luật',
} as const satisfies Record<MemberEventType, string>;

export const TRANSFER_KIND_LABELS = {
  official: 'Chính thức',
  temporary: 'Tạm thời',
} as const satisfies Record<TransferKind, string>;

export const DISCIPLINE_FORM_LABELS = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  dismissal: 'Cách chức',
  expulsion: 'Khai trừ',
} as const satisfies Record<DisciplineForm, string>;

export const ARMED_FORCES_LABELS = {
  army: 'Quân đội',
  police: 'Công an',
} as const satisfies Record<ArmedForces, string>;
