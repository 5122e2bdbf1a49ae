/**
 * Vietnamese labels of the domain enumerations, for the UI dictionary, printed forms and reports.
 * `satisfies Record<…>` makes a new enum value without a label a compile error.
 */
import type {
  ArmedForces,
  DisciplineForm,
  Member,
  MemberEvent,
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
  transferInternal: 'Chuyển sinh hoạt trong Đảng bộ',
  temporaryReturn: 'Kết thúc sinh hoạt tạm thời',
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

/** Vietnamese names of the member's fields: form labels, edit history, import reports. */
export const MEMBER_FIELD_LABELS = {
  id: 'Mã bản ghi',
  organizationId: 'Tổ chức đảng',
  status: 'Tình trạng',
  fullName: 'Họ và tên',
  birthName: 'Họ và tên khai sinh',
  alias: 'Bí danh',
  sex: 'Giới tính',
  birthDate: 'Ngày sinh',
  birthPlace: 'Nơi sinh',
  hometown: 'Quê quán',
  permanentAddress: 'Nơi thường trú',
  temporaryAddress: 'Nơi tạm trú',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  citizenId: 'Số định danh cá nhân (CCCD)',
  partyCardNumber: 'Số thẻ đảng viên',
  dossierNumber: 'Số lý lịch',
  phone: 'Điện thoại',
  admissionDecisionNumber: 'Số quyết định kết nạp',
  admissionDecisionDate: 'Ngày quyết định kết nạp',
  joinedOn: 'Ngày vào Đảng',
  admissionCeremonyPlace: 'Nơi kết nạp',
  officialOn: 'Ngày chính thức',
  officialDecisionNumber: 'Số quyết định công nhận chính thức',
  generalEducation: 'Giáo dục phổ thông',
  professionalQualification: 'Chuyên môn nghiệp vụ',
  major: 'Chuyên ngành',
  academicTitle: 'Học hàm',
  politicalTheory: 'Lý luận chính trị',
  stateManagement: 'Quản lý nhà nước',
  foreignLanguages: 'Ngoại ngữ',
  itSkill: 'Tin học',
  ethnicMinorityLanguage: 'Tiếng dân tộc thiểu số',
  occupationBeforeAdmission: 'Nghề nghiệp khi vào Đảng',
  occupation: 'Nghề nghiệp hiện nay',
  workplace: 'Nơi làm việc',
  partyPosts: 'Chức vụ Đảng',
  governmentPosts: 'Chức vụ chính quyền',
  massOrganizationPosts: 'Chức vụ đoàn thể',
  armedForces: 'Quân đội, công an',
  retired: 'Hưu trí',
  admissionVoteDate: 'Ngày chi bộ xét kết nạp',
  admissionExceptionNote: 'Căn cứ kết nạp ngoài độ tuổi',
  temporaryOrganizationId: 'Nơi sinh hoạt tạm thời',
  temporaryExternal: 'Nơi sinh hoạt tạm thời (ngoài Đảng bộ)',
  isDemo: 'Dữ liệu mẫu',
  notes: 'Ghi chú',
} as const satisfies Record<keyof Member, string>;

/** Vietnamese names of the lifecycle events' fields. */
export const MEMBER_EVENT_FIELD_LABELS = {
  id: 'Mã bản ghi',
  memberId: 'Đảng viên',
  type: 'Loại sự kiện',
  date: 'Ngày',
  decisionNumber: 'Số quyết định',
  issuedBy: 'Cơ quan ban hành',
  decisionDate: 'Ngày quyết định',
  organizationId: 'Tổ chức đảng',
  note: 'Ghi chú',
  reason: 'Lý do',
  requestedOn: 'Ngày làm đơn',
  transferKind: 'Hình thức chuyển',
  fromOrganizationId: 'Chuyển từ',
  toOrganizationId: 'Chuyển đến',
  fromExternal: 'Chuyển từ (ngoài Đảng bộ)',
  toExternal: 'Chuyển đến (ngoài Đảng bộ)',
  duesPaidThrough: 'Đã đóng đảng phí đến hết tháng',
  temporaryUntil: 'Sinh hoạt tạm thời đến ngày',
  disciplineForm: 'Hình thức kỷ luật',
  awardName: 'Hình thức khen thưởng',
  badgeYears: 'Huy hiệu (năm tuổi Đảng)',
  causeOfDeath: 'Nguyên nhân từ trần',
  posthumous: 'Truy tặng',
  medicalEvidence: 'Giấy tờ y tế kèm theo',
  arrivalStatus: 'Tình trạng khi chuyển đến',
  isDemo: 'Dữ liệu mẫu',
} as const satisfies Record<keyof MemberEvent, string>;
