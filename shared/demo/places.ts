/**
 * Places of the demo ward. Phúc Lợi ward (from 1/7/2025) joined the old Phúc Lợi ward with parts of
 * neighbouring wards and Cổ Bi commune; its residential areas keep those names. Street names are
 * plausible, not a map. Addresses before 1/7/2025 name a district; later ones do not.
 */

export const WARD_NAME = 'Phường Phúc Lợi';
export const CITY_NAME = 'Thành phố Hà Nội';

export interface ResidentialArea {
  name: string;
  /** The unit the area's branches came from before the merger (origin note). */
  formerUnit: string;
  /** Share of the residential branches. */
  weight: number;
  streets: readonly string[];
}

export const RESIDENTIAL_AREAS: readonly ResidentialArea[] = [
  {
    name: 'Phúc Lợi',
    formerUnit: 'Đảng bộ phường Phúc Lợi (cũ)',
    weight: 12,
    streets: ['phố Phúc Lợi', 'phố Hoa Lâm', 'đường Vũ Xuân Thiều'],
  },
  {
    name: 'Giang Biên',
    formerUnit: 'Đảng bộ phường Giang Biên (cũ)',
    weight: 8,
    streets: ['phố Giang Biên', 'phố Trường Lâm'],
  },
  {
    name: 'Việt Hưng',
    formerUnit: 'Đảng bộ phường Việt Hưng (cũ)',
    weight: 7,
    streets: ['phố Việt Hưng', 'phố Đoàn Khuê'],
  },
  {
    name: 'Phúc Đồng',
    formerUnit: 'Đảng bộ phường Phúc Đồng (cũ)',
    weight: 6,
    streets: ['phố Phúc Đồng', 'phố Chu Huy Mân'],
  },
  {
    name: 'Thạch Bàn',
    formerUnit: 'Đảng bộ phường Thạch Bàn (cũ)',
    weight: 6,
    streets: ['phố Thạch Bàn', 'phố Cổ Linh'],
  },
  { name: 'Cổ Bi', formerUnit: 'Đảng bộ xã Cổ Bi (cũ)', weight: 7, streets: ['đường Cổ Bi', 'thôn Cam'] },
];

/** Communes of the area before 1/7/2025, for birthplaces and hometowns of local people. */
// prettier-ignore
export const LOCAL_COMMUNES: readonly (readonly [commune: string, district: string])[] = [
  ['Phường Phúc Lợi', 'Quận Long Biên'], ['Phường Giang Biên', 'Quận Long Biên'],
  ['Phường Việt Hưng', 'Quận Long Biên'], ['Phường Phúc Đồng', 'Quận Long Biên'],
  ['Phường Thạch Bàn', 'Quận Long Biên'], ['Xã Cổ Bi', 'Huyện Gia Lâm'], ['Xã Đặng Xá', 'Huyện Gia Lâm'],
  ['Xã Bát Tràng', 'Huyện Gia Lâm'], ['Phường Ngọc Lâm', 'Quận Long Biên'], ['Xã Uy Nỗ', 'Huyện Đông Anh'],
];

export interface Province {
  /** Digits 1–3 of the citizen id of a person whose birth was registered there. */
  citizenIdCode: string;
  name: string;
  /** Letters of a dossier number issued there. */
  dossierLetters: string;
  weight: number;
  communes: readonly (readonly [commune: string, district: string])[];
}

export const HANOI_CODE = '001';

// prettier-ignore
export const PROVINCES: readonly Province[] = [
  { citizenIdCode: HANOI_CODE, name: 'Hà Nội', dossierLetters: 'HN', weight: 66, communes: LOCAL_COMMUNES },
  {
    citizenIdCode: '034',
    name: 'Thái Bình',
    dossierLetters: 'TB',
    weight: 6,
    communes: [
      ['Xã Đông Hợp', 'Huyện Đông Hưng'], ['Xã Vũ Hội', 'Huyện Vũ Thư'], ['Xã Thụy Hải', 'Huyện Thái Thụy'],
    ],
  },
  {
    citizenIdCode: '036',
    name: 'Nam Định',
    dossierLetters: 'NĐ',
    weight: 5,
    communes: [
      ['Xã Hải Minh', 'Huyện Hải Hậu'], ['Xã Giao Thiện', 'Huyện Giao Thủy'],
      ['Xã Trực Đại', 'Huyện Trực Ninh'],
    ],
  },
  {
    citizenIdCode: '033',
    name: 'Hưng Yên',
    dossierLetters: 'HY',
    weight: 4,
    communes: [['Xã Phụng Công', 'Huyện Văn Giang'], ['Thị trấn Như Quỳnh', 'Huyện Văn Lâm']],
  },
  {
    citizenIdCode: '030',
    name: 'Hải Dương',
    dossierLetters: 'HD',
    weight: 3,
    communes: [['Xã Cẩm Vũ', 'Huyện Cẩm Giàng'], ['Xã Thanh Hải', 'Huyện Thanh Hà']],
  },
  {
    citizenIdCode: '027',
    name: 'Bắc Ninh',
    dossierLetters: 'BN',
    weight: 3,
    communes: [['Xã Đình Tổ', 'Huyện Thuận Thành'], ['Xã Phật Tích', 'Huyện Tiên Du']],
  },
  {
    citizenIdCode: '035',
    name: 'Hà Nam',
    dossierLetters: 'HNA',
    weight: 2,
    communes: [['Xã Liêm Tuyền', 'Huyện Thanh Liêm']],
  },
  {
    citizenIdCode: '037',
    name: 'Ninh Bình',
    dossierLetters: 'NB',
    weight: 2,
    communes: [['Xã Gia Sinh', 'Huyện Gia Viễn']],
  },
  {
    citizenIdCode: '038',
    name: 'Thanh Hóa',
    dossierLetters: 'TH',
    weight: 3,
    communes: [['Xã Hoằng Lộc', 'Huyện Hoằng Hóa'], ['Xã Quảng Phong', 'Huyện Quảng Xương']],
  },
  {
    citizenIdCode: '040',
    name: 'Nghệ An',
    dossierLetters: 'NA',
    weight: 3,
    communes: [['Xã Kim Liên', 'Huyện Nam Đàn'], ['Xã Diễn Hải', 'Huyện Diễn Châu']],
  },
  {
    citizenIdCode: '042',
    name: 'Hà Tĩnh',
    dossierLetters: 'HT',
    weight: 1,
    communes: [['Xã Thạch Kim', 'Huyện Lộc Hà']],
  },
  {
    citizenIdCode: '022',
    name: 'Quảng Ninh',
    dossierLetters: 'QN',
    weight: 1,
    communes: [['Phường Hồng Hải', 'Thành phố Hạ Long']],
  },
  {
    citizenIdCode: '025',
    name: 'Phú Thọ',
    dossierLetters: 'PT',
    weight: 1,
    communes: [['Xã Hy Cương', 'Thành phố Việt Trì']],
  },
];

/** Provinces of members of the northern mountain ethnic groups (Tày, Nùng, Thái, Mường). */
// prettier-ignore
export const MOUNTAIN_PROVINCES: readonly Province[] = [
  {
    citizenIdCode: '020',
    name: 'Lạng Sơn',
    dossierLetters: 'LS',
    weight: 1,
    communes: [['Xã Hoàng Đồng', 'Thành phố Lạng Sơn']],
  },
  {
    citizenIdCode: '004',
    name: 'Cao Bằng',
    dossierLetters: 'CB',
    weight: 1,
    communes: [['Xã Hưng Đạo', 'Thành phố Cao Bằng']],
  },
  {
    citizenIdCode: '017',
    name: 'Hòa Bình',
    dossierLetters: 'HB',
    weight: 1,
    communes: [['Xã Mông Hóa', 'Huyện Kỳ Sơn']],
  },
  {
    citizenIdCode: '014',
    name: 'Sơn La',
    dossierLetters: 'SL',
    weight: 1,
    communes: [['Xã Chiềng Ngần', 'Thành phố Sơn La']],
  },
];

/** The committee that decided admissions in this area, by period (the district level ended 1/7/2025). */
export function admissionAuthority(date: string): { body: string; suffix: string } {
  if (date < '2003-11-01') return { body: 'Huyện ủy Gia Lâm', suffix: 'QĐ/HU' };
  if (date < '2025-07-01') return { body: 'Quận ủy Long Biên', suffix: 'QĐ/QU' };
  return { body: 'Đảng ủy phường Phúc Lợi', suffix: 'QĐ/ĐU' };
}
