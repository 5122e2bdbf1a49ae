/**
 * The business records of the register: party organizations, members and their lifecycle events.
 * Names follow the glossary in docs/style.md. Records carry their UUID `id` and business fields
 * only; the data core adds the sync envelope (`deleted`, `_h`, `_v`, `_maxHlc`, see shared/sync).
 *
 * Conventions:
 * - Dates are ISO strings (`IsoDate`) and may be partial ('1965', '1965-04') where the paper record
 *   is; see shared/domain/dates.ts.
 * - An empty optional field is `undefined` in these types. After a sync a cleared field may arrive
 *   as `null` (JSON has no `undefined`); the schemas in schemas.ts accept it and return `undefined`.
 * - Enumerations are `as const` arrays so screens and tests can iterate them; Vietnamese labels
 *   live in labels.ts. Values are stored, so they are additive only: never rename one.
 */

/** A random UUID (RFC 4122 version 4), the key of every synced record. */
export type Id = string;

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export type IsoDate = string;

// ---------------------------------------------------------------- organizations

/** Level of a party organization (glossary: Đảng bộ phường, đảng bộ cơ sở, chi bộ cơ sở, ...). */
export const ORG_TYPES = [
  'ward',
  'grassrootsCommittee',
  'grassrootsBranch',
  'subCommittee',
  'branch',
  'cell',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Types that are a "tổ chức cơ sở đảng" (own seal) by definition (domain.md §1.2). */
export const GRASSROOTS_ORG_TYPES = [
  'grassrootsCommittee',
  'grassrootsBranch',
] as const satisfies readonly OrgType[];

/** What the organization is attached to; kept apart from its type (domain.md §1.2). */
export const ORG_CATEGORIES = [
  'residentialGroup',
  'partyAgency',
  'school',
  'health',
  'enterprise',
  'police',
  'military',
  'other',
] as const;
export type OrgCategory = (typeof ORG_CATEGORIES)[number];

/** How the organization came under the ward committee in the July 2025 set-up (or later). */
export const ORG_ORIGINS = ['receivedFromOtherCommittee', 'founded', 'fromMergedWard'] as const;
export type OrgOrigin = (typeof ORG_ORIGINS)[number];

export const ORG_STATUSES = ['active', 'merged', 'dissolved'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export interface Organization {
  id: Id;
  /** Full name as on the founding decision, e.g. 'Chi bộ Tổ dân phố số 5 Giang Biên'. */
  name: string;
  shortName?: string;
  type: OrgType;
  category: OrgCategory;
  /**
   * Whether this is a "tổ chức cơ sở đảng". Stored rather than derived: the default comes from the
   * type (`isGrassrootsType`), but the ward decides how it classifies its directly attached branches
   * (domain.md "Still open": how Phúc Lợi classifies its 98 organisations).
   */
  isGrassroots: boolean;
  /** The superior organization; `null` only for the root (the ward committee). */
  parentId: Id | null;
  foundedOn?: IsoDate;
  foundingDecisionNumber?: string;
  origin: OrgOrigin;
  /** e.g. 'Tiếp nhận từ Quận ủy Long Biên'. */
  originNote?: string;
  status: OrgStatus;
  /** Set when status is 'merged': reads follow this pointer (sync.md "Model"). */
  mergedInto?: Id;
  mergedOn?: IsoDate;
  dissolvedOn?: IsoDate;
  /** Current term of office, e.g. '2025–2030'. */
  term?: string;
  /** Bí thư: an active member of the organization (of its sub-tree, for a committee). */
  secretaryId?: Id;
  /** Phó Bí thư (one, or two in the ward committee). */
  deputySecretaryIds?: Id[];
  /** The other chi ủy / cấp ủy members; the committee's size counts these with the secretary and deputies. */
  committeeMemberIds?: Id[];
  /**
   * Ủy viên Ban Thường vụ other than the secretary and deputies (who sit on it by office): only the
   * ward committee and grassroots committees elect one. Each is also a committee member.
   */
  standingCommitteeIds?: Id[];
  /** Position among its siblings in lists and printed registers. */
  sortOrder: number;
  isDemo?: boolean;
  notes?: string;
}

export function isGrassrootsType(type: OrgType): boolean {
  return (GRASSROOTS_ORG_TYPES as readonly OrgType[]).includes(type);
}

// ---------------------------------------------------------------- members

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** Current standing of a member. Temporary attendance is a transfer event, not a status. */
export const MEMBER_STATUSES = [
  'probationary',
  'official',
  'exempted',
  'transferredOut',
  'removedFromRolls',
  'expelled',
  'resigned',
  'deceased',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Statuses counted in the organization's total ("đảng viên đang sinh hoạt", incl. exempted). */
export const ACTIVE_MEMBER_STATUSES = [
  'probationary',
  'official',
  'exempted',
] as const satisfies readonly MemberStatus[];
export type ActiveMemberStatus = (typeof ACTIVE_MEMBER_STATUSES)[number];

/** Statuses that count as a full member (đảng viên chính thức), e.g. for the "≥3 full members" rule. */
export const FULL_MEMBER_STATUSES = ['official', 'exempted'] as const satisfies readonly MemberStatus[];

export function isActiveMemberStatus(status: MemberStatus): status is ActiveMemberStatus {
  return (ACTIVE_MEMBER_STATUSES as readonly MemberStatus[]).includes(status);
}

/** Column "Quân đội, công an" of form 7-HSĐV: serving in the armed forces. */
export const ARMED_FORCES = ['army', 'police'] as const;
export type ArmedForces = (typeof ARMED_FORCES)[number];

/**
 * A place as a structure rather than one line. Districts were abolished on 1/7/2025 (two-tier local
 * government), so new addresses have no district while older paper records and hometowns still
 * name one; keeping the parts apart lets both coexist and lets reports group by province or commune.
 * Names are stored as written at the time (domain.md §2.2: record old and new names if they changed).
 */
export interface Address {
  /** House number, street, residential group (tổ dân phố), village. */
  detail?: string;
  /** Xã / phường / thị trấn / đặc khu. */
  commune?: string;
  /** Quận / huyện / thị xã: only on addresses from before 1/7/2025. */
  district?: string;
  province?: string;
}

/**
 * One party member: forms 2-HSĐV (Phiếu đảng viên) and 7-HSĐV (Sổ danh sách đảng viên).
 * Histories (transfers, awards, discipline, death) are `MemberEvent`s; the fields here are the
 * current values.
 */
export interface Member {
  id: Id;
  /** The organization where the member currently attends (official attendance). */
  organizationId: Id;
  status: MemberStatus;

  /** Name in use, as typed (NFC); printed in upper case on forms (shared/text/vi.ts). */
  fullName: string;
  birthName?: string;
  alias?: string;
  sex: Sex;
  birthDate: IsoDate;
  birthPlace?: Address;
  hometown?: Address;
  permanentAddress?: Address;
  temporaryAddress?: Address;
  /** Code from the ethnic-group list ('01' Kinh …), see codeLists.ts. */
  ethnicity?: string;
  /** Code from the religion list ('none' = Không), see codeLists.ts. */
  religion?: string;
  /** Số định danh cá nhân (CCCD), 12 digits. */
  citizenId?: string;
  /** 8 digits on cards issued since 2003; the 2025 chip-card format is not known, so free form. */
  partyCardNumber?: string;
  /** Số lý lịch: 6 digits + 1–3 letters. */
  dossierNumber?: string;
  phone?: string;

  admissionDecisionNumber?: string;
  /** Optional because old decisions are sometimes lost (tenure then counts from the card date). */
  admissionDecisionDate?: IsoDate;
  /** Ceremony date = ngày vào Đảng; probation runs 12 months from it. */
  joinedOn: IsoDate;
  admissionCeremonyPlace?: string;
  officialOn?: IsoDate;
  officialDecisionNumber?: string;

  /** '12/12' style; '10/10' for the old 10-year system. */
  generalEducation?: string;
  /** Highest professional qualification, code from codeLists.ts. */
  professionalQualification?: string;
  major?: string;
  /** Học hàm (GS, PGS), code from codeLists.ts; the degree is in `professionalQualification`. */
  academicTitle?: string;
  /** Code from codeLists.ts; 'advanced' and 'bachelor' count together in statistics. */
  politicalTheory?: string;
  stateManagement?: string;
  foreignLanguages?: string;
  itSkill?: string;
  ethnicMinorityLanguage?: string;

  occupationBeforeAdmission?: string;
  occupation?: string;
  workplace?: string;
  partyPosts?: string;
  governmentPosts?: string;
  massOrganizationPosts?: string;
  /** Serving in the army or police (7-HSĐV). */
  armedForces?: ArmedForces;
  /** Retired on a pension (7-HSĐV "hưu trí"; also decides the dues rate). */
  retired?: boolean;

  /** Date of the branch vote on admission; the admission age is counted on it when known (§3.1). */
  admissionVoteDate?: IsoDate;
  /** Reference of the consent to admit outside the age bounds (domain.md §7.5), e.g. 'CV 12-CV/TU'. */
  admissionExceptionNote?: string;
  /** Organization of the ward where the member attends temporarily (not counted there): lifecycle.ts. */
  temporaryOrganizationId?: Id;
  /** Name of the organization outside the ward where the member attends temporarily. */
  temporaryExternal?: string;

  isDemo?: boolean;
  notes?: string;
}

// ---------------------------------------------------------------- lifecycle events

export const MEMBER_EVENT_TYPES = [
  'admission',
  'madeOfficial',
  'transferIn',
  'transferOut',
  'exemption',
  'exemptionEnded',
  'removedFromRolls',
  'expelled',
  'resigned',
  'deceased',
  'readmission',
  'award',
  'discipline',
  /** A move between two organizations of the ward: one event with both ids (lifecycle.ts). */
  'transferInternal',
  /** End of a temporary attendance elsewhere: the member is back at the home organization. */
  'temporaryReturn',
] as const;
export type MemberEventType = (typeof MEMBER_EVENT_TYPES)[number];

export const TRANSFER_KINDS = ['official', 'temporary'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** The status a member arrives with on a transfer in from outside the ward. */
export const ARRIVAL_STATUSES = ['official', 'probationary'] as const satisfies readonly MemberStatus[];
export type ArrivalStatus = (typeof ARRIVAL_STATUSES)[number];

/** Khiển trách / cảnh cáo / cách chức / khai trừ, in increasing severity. */
export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

/**
 * One dated fact in a member's history. Details are flat optional fields rather than a nested
 * object because sync merges field by field: two laptops filling different details must both win.
 */
export interface MemberEvent {
  id: Id;
  memberId: Id;
  type: MemberEventType;
  /** Effective date (ceremony, decision, resolution, death...). */
  date: IsoDate;
  decisionNumber?: string;
  /** The body that decided or issued, e.g. 'Đảng ủy phường Phúc Lợi'. */
  issuedBy?: string;
  /** Date the decision was signed, when it differs from the effective date (admission: decision vs ceremony). */
  decisionDate?: IsoDate;
  /** The organization the member belonged to when it happened, so period counts stay per organization. */
  organizationId?: Id;
  note?: string;
  /** Why (exemption, removal, resignation, discipline). */
  reason?: string;
  /** When the member asked (exemption, resignation): required by domain.md §7.16. */
  requestedOn?: IsoDate;

  transferKind?: TransferKind;
  fromOrganizationId?: Id;
  toOrganizationId?: Id;
  /** Name of an organization outside this register. */
  fromExternal?: string;
  toExternal?: string;
  /** 'YYYY-MM' from the transfer letter's "đã đóng đảng phí đến hết tháng". */
  duesPaidThrough?: string;
  /** End of a temporary transfer. */
  temporaryUntil?: IsoDate;

  disciplineForm?: DisciplineForm;
  awardName?: string;
  /** Party badge (Huy hiệu Đảng) milestone in years, when the award is one. */
  badgeYears?: number;
  causeOfDeath?: string;
  /** An award given after death (truy tặng): the only event allowed after death. */
  posthumous?: boolean;
  /** Medical evidence attached to an exemption request; its absence is warned about (§7.16). */
  medicalEvidence?: string;
  /** Transfer in from outside: official unless the letter says probationary. */
  arrivalStatus?: ArrivalStatus;

  isDemo?: boolean;
}

/** Detail fields that apply to each event type (forms show these; others stay empty). */
export const EVENT_DETAIL_FIELDS = {
  admission: [],
  madeOfficial: [],
  transferIn: [
    'transferKind',
    'fromOrganizationId',
    'fromExternal',
    'toOrganizationId',
    'duesPaidThrough',
    'temporaryUntil',
    'arrivalStatus',
  ],
  transferOut: [
    'transferKind',
    'fromOrganizationId',
    'toOrganizationId',
    'toExternal',
    'duesPaidThrough',
    'temporaryUntil',
  ],
  exemption: ['reason', 'requestedOn', 'medicalEvidence'],
  exemptionEnded: ['requestedOn'],
  removedFromRolls: ['reason'],
  expelled: ['reason'],
  resigned: ['reason', 'requestedOn'],
  deceased: ['causeOfDeath'],
  readmission: ['toOrganizationId'],
  award: ['awardName', 'badgeYears', 'posthumous'],
  discipline: ['disciplineForm', 'reason'],
  transferInternal: ['transferKind', 'fromOrganizationId', 'toOrganizationId', 'duesPaidThrough', 'temporaryUntil'],
  temporaryReturn: [],
} as const satisfies Record<MemberEventType, readonly (keyof MemberEvent)[]>;

// ---------------------------------------------------------------- photos

/**
 * A member's file photo, in a table of its own: a JPEG data URL is 30–80 KB, and kept on the member
 * row it would travel with every read of the register. Its id is the member's id (one photo per
 * member), so two laptops that each set a photo merge into one record, the later one winning.
 */
export interface MemberPhoto {
  /** The member's id. */
  id: Id;
  /** The photo as a JPEG data URL, at most 600 px on its longer side; empty once removed. */
  dataUrl?: string;
}
