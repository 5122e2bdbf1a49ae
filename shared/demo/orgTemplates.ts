/**
 * The organizations of the demo ward, by how they came under the ward committee in July 2025
 * (domain.md §0.1): 11 received from Quận ủy Long Biên, 41 founded, the rest residential branches
 * carried over from the merged wards. Grassroots committees count with the branches inside them.
 * Names are plausible, not the real list (which the office has not given us).
 */
import type { OrgCategory } from '../domain/types';

/** Who the members of an organization are: drives ages, sex ratio, occupations, qualifications. */
export type Profile =
  | 'residential'
  | 'police'
  | 'military'
  | 'agency'
  | 'school'
  | 'kindergarten'
  | 'health'
  | 'enterprise'
  | 'cooperative';

export interface LeafTemplate {
  name: string;
  shortName: string;
  category: OrgCategory;
  profile: Profile;
  /** Members, inclusive range; a grassroots branch stays under 30. */
  size: readonly [number, number];
}

export interface CommitteeTemplate {
  name: string;
  shortName: string;
  category: OrgCategory;
  profile: Profile;
  /** Branch names; each branch's size range is `branchSize`, chosen so the committee has ≥ 30. */
  branches: readonly string[];
  branchSize: readonly [number, number];
}

export const RECEIVED_NOTE = 'Tiếp nhận từ Quận ủy Long Biên';

export const RECEIVED_COMMITTEES: readonly CommitteeTemplate[] = [
  {
    name: 'Đảng bộ Trường THPT Thạch Bàn',
    shortName: 'ĐB THPT Thạch Bàn',
    category: 'school',
    profile: 'school',
    branches: ['Chi bộ Tổ Khoa học Tự nhiên', 'Chi bộ Tổ Khoa học Xã hội', 'Chi bộ Hành chính – Văn phòng'],
    branchSize: [10, 14],
  },
  {
    name: 'Đảng bộ Công ty Cổ phần Cơ khí Sài Đồng',
    shortName: 'ĐB CTCP Cơ khí Sài Đồng',
    category: 'enterprise',
    profile: 'enterprise',
    branches: ['Chi bộ Phân xưởng Cơ khí', 'Chi bộ Phòng Kỹ thuật – Kinh doanh', 'Chi bộ Khối Văn phòng'],
    branchSize: [10, 16],
  },
];

export const RECEIVED_BRANCHES: readonly LeafTemplate[] = [
  {
    name: 'Chi bộ Trường Trung cấp Kinh tế – Kỹ thuật Long Biên',
    shortName: 'CB TC KT-KT Long Biên',
    category: 'school',
    profile: 'school',
    size: [10, 25],
  },
  {
    name: 'Chi bộ Trung tâm Y tế khu vực Phúc Lợi',
    shortName: 'CB TTYT khu vực',
    category: 'health',
    profile: 'health',
    size: [10, 22],
  },
  {
    name: 'Chi bộ Công ty Cổ phần Vận tải Long Biên',
    shortName: 'CB CTCP Vận tải Long Biên',
    category: 'enterprise',
    profile: 'enterprise',
    size: [8, 20],
  },
];

export const FOUNDED_COMMITTEES: readonly CommitteeTemplate[] = [
  {
    name: 'Đảng bộ Công an phường Phúc Lợi',
    shortName: 'ĐB Công an phường',
    category: 'police',
    profile: 'police',
    branches: [
      'Chi bộ Cảnh sát khu vực',
      'Chi bộ An ninh',
      'Chi bộ Cảnh sát trật tự – Phòng cháy',
      'Chi bộ Tổng hợp',
    ],
    branchSize: [8, 14],
  },
  {
    name: 'Đảng bộ các cơ quan Đảng phường Phúc Lợi',
    shortName: 'ĐB các cơ quan Đảng',
    category: 'partyAgency',
    profile: 'agency',
    branches: [
      'Chi bộ Văn phòng Đảng ủy',
      'Chi bộ Ban Xây dựng Đảng – Ủy ban Kiểm tra',
      'Chi bộ Mặt trận Tổ quốc và các đoàn thể',
    ],
    branchSize: [10, 14],
  },
  {
    name: 'Đảng bộ Ủy ban nhân dân phường Phúc Lợi',
    shortName: 'ĐB UBND phường',
    category: 'partyAgency',
    profile: 'agency',
    branches: [
      'Chi bộ Văn phòng HĐND và UBND',
      'Chi bộ Phòng Kinh tế, Hạ tầng và Đô thị',
      'Chi bộ Phòng Văn hóa – Xã hội',
      'Chi bộ Trung tâm Phục vụ hành chính công',
    ],
    branchSize: [8, 12],
  },
];

const school = (
  kind: string,
  area: string,
  profile: Profile,
  size: readonly [number, number],
): LeafTemplate => ({
  name: `Chi bộ Trường ${kind} ${area}`,
  shortName: `CB ${kind} ${area}`,
  category: 'school',
  profile,
  size,
});

const enterprise = (name: string, size: readonly [number, number] = [5, 18]): LeafTemplate => ({
  name: `Chi bộ ${name}`,
  shortName: `CB ${name.replace('Công ty Cổ phần', 'CTCP').replace('Công ty TNHH', 'Cty TNHH')}`,
  category: 'enterprise',
  profile: 'enterprise',
  size,
});

export const FOUNDED_BRANCHES: readonly LeafTemplate[] = [
  ...['Phúc Lợi', 'Giang Biên', 'Việt Hưng', 'Hoa Sữa', 'Cổ Bi', 'Thạch Bàn'].map((area) =>
    school('Mầm non', area, 'kindergarten', [8, 18]),
  ),
  ...['Phúc Lợi', 'Giang Biên', 'Việt Hưng', 'Cổ Bi', 'Thạch Bàn'].map((area) =>
    school('Tiểu học', area, 'school', [10, 22]),
  ),
  ...['Phúc Lợi', 'Giang Biên', 'Cổ Bi', 'Thạch Bàn'].map((area) => school('THCS', area, 'school', [10, 22])),
  {
    name: 'Chi bộ Trạm Y tế phường Phúc Lợi',
    shortName: 'CB Trạm Y tế',
    category: 'health',
    profile: 'health',
    size: [6, 12],
  },
  {
    name: 'Chi bộ Ban Chỉ huy quân sự phường Phúc Lợi',
    shortName: 'CB Quân sự',
    category: 'military',
    profile: 'military',
    size: [5, 10],
  },
  {
    name: 'Chi bộ Hợp tác xã Nông nghiệp Cổ Bi',
    shortName: 'CB HTX NN Cổ Bi',
    category: 'other',
    profile: 'cooperative',
    size: [5, 12],
  },
  {
    name: 'Chi bộ Hợp tác xã Dịch vụ Thạch Bàn',
    shortName: 'CB HTX DV Thạch Bàn',
    category: 'other',
    profile: 'cooperative',
    size: [5, 12],
  },
  {
    name: 'Chi bộ Ban Quản lý chợ Phúc Lợi',
    shortName: 'CB BQL chợ',
    category: 'other',
    profile: 'cooperative',
    size: [5, 10],
  },
  enterprise('Công ty TNHH Điện tử Sài Đồng'),
  enterprise('Công ty Cổ phần Xây dựng Giang Biên'),
  enterprise('Công ty Cổ phần Thương mại Việt Hưng'),
  enterprise('Công ty TNHH Cơ khí chính xác Phúc Lợi'),
  enterprise('Công ty Cổ phần Môi trường đô thị Long Biên'),
  enterprise('Công ty TNHH May Thạch Bàn'),
  enterprise('Công ty Cổ phần Dược phẩm Phúc Đồng'),
];

/** Residential branches: members' ages and the share of retirees are the highest here. */
export const RESIDENTIAL_SIZE: readonly [number, number] = [30, 110];

/** Display order of categories in the register: agencies first, residential branches last. */
export const CATEGORY_ORDER: readonly OrgCategory[] = [
  'partyAgency',
  'police',
  'military',
  'school',
  'health',
  'other',
  'enterprise',
  'residentialGroup',
];
