/**
 * Who the members of each kind of organization are. Residential branches are mostly retirees, many
 * admitted young in the army; schools are mostly women; police and military mostly men.
 */
import type { ArmedForces } from '../domain/types';
import type { Profile } from './orgTemplates';

type Weighted = readonly (readonly [string, number])[];

export interface MemberProfile {
  femaleShare: number;
  /** Age at the reference date: [from, to, weight] in years. */
  ages: readonly (readonly [number, number, number])[];
  /** Age at admission: [from, to, weight] in years. */
  admissionAges: readonly (readonly [number, number, number])[];
  /** Chance that a member young enough is still probationary. */
  probationaryShare: number;
  occupations: Weighted;
  occupationsBeforeAdmission: Weighted;
  qualifications: Weighted;
  politicalTheory: Weighted;
  /** Majors of members with a college degree or higher. */
  majors: readonly string[];
  armedForces?: ArmedForces;
}

// prettier-ignore
const working = {
  ages: [[24, 30, 3], [30, 40, 4], [40, 50, 3], [50, 59, 2]],
  admissionAges: [[21, 25, 4], [25, 30, 4], [30, 38, 2]],
  probationaryShare: 0.12,
} as const;

// prettier-ignore
export const MEMBER_PROFILES: Record<Profile, MemberProfile> = {
  residential: {
    femaleShare: 0.45,
    ages: [[26, 40, 5], [40, 60, 17], [60, 70, 24], [70, 80, 28], [80, 90, 20], [90, 99, 6]],
    admissionAges: [[18, 22, 4], [22, 28, 5], [28, 35, 3], [35, 45, 1]],
    // Only members young enough can be probationary; this share makes about 3% overall.
    probationaryShare: 0.06,
    occupations: [
      ['Kinh doanh', 3], ['Lao động tự do', 2], ['Nhân viên văn phòng', 2], ['Công chức', 1],
      ['Giáo viên', 1], ['Kỹ sư', 1],
    ],
    occupationsBeforeAdmission: [
      ['Quân nhân', 5], ['Công nhân', 3], ['Nông dân', 2], ['Học sinh, sinh viên', 2], ['Giáo viên', 1],
      ['Cán bộ', 2],
    ],
    qualifications: [
      ['none', 30], ['elementary', 8], ['intermediate', 20], ['college', 8], ['university', 30],
      ['master', 3], ['doctorate', 1],
    ],
    politicalTheory: [
      ['none', 12], ['elementary', 58], ['intermediate', 24], ['advanced', 5], ['bachelor', 1],
    ],
    majors: [
      'Kinh tế', 'Kỹ thuật xây dựng', 'Sư phạm Ngữ văn', 'Cơ khí', 'Kế toán', 'Luật', 'Y đa khoa',
      'Chỉ huy tham mưu',
    ],
  },
  police: {
    ...working,
    femaleShare: 0.12,
    ages: [[23, 30, 4], [30, 40, 4], [40, 50, 2], [50, 55, 1]],
    occupations: [['Sĩ quan Công an', 5], ['Hạ sĩ quan Công an', 1]],
    occupationsBeforeAdmission: [['Học viên Công an', 3], ['Chiến sĩ Công an', 2]],
    qualifications: [['intermediate', 3], ['university', 7], ['master', 1]],
    politicalTheory: [['elementary', 4], ['intermediate', 5], ['advanced', 1]],
    majors: ['An ninh nhân dân', 'Cảnh sát nhân dân', 'Luật'],
    armedForces: 'police',
  },
  military: {
    ...working,
    femaleShare: 0.05,
    ages: [[23, 30, 2], [30, 45, 4], [45, 52, 2]],
    occupations: [['Sĩ quan Quân đội', 3], ['Quân nhân chuyên nghiệp', 2]],
    occupationsBeforeAdmission: [['Quân nhân', 4], ['Học viên quân sự', 1]],
    qualifications: [['intermediate', 3], ['college', 2], ['university', 5]],
    politicalTheory: [['elementary', 4], ['intermediate', 5], ['advanced', 1]],
    majors: ['Chỉ huy tham mưu', 'Công tác chính trị'],
    armedForces: 'army',
  },
  agency: {
    ...working,
    femaleShare: 0.45,
    ages: [[26, 35, 3], [35, 45, 4], [45, 59, 3]],
    occupations: [['Công chức', 6], ['Viên chức', 2], ['Cán bộ', 3]],
    occupationsBeforeAdmission: [['Sinh viên', 3], ['Viên chức', 2], ['Nhân viên', 1]],
    qualifications: [['university', 7], ['master', 3], ['college', 1]],
    politicalTheory: [['elementary', 2], ['intermediate', 5], ['advanced', 2], ['bachelor', 1]],
    majors: ['Luật', 'Hành chính học', 'Kinh tế', 'Xây dựng Đảng và chính quyền nhà nước', 'Quản lý đô thị'],
  },
  school: {
    ...working,
    femaleShare: 0.72,
    occupations: [['Giáo viên', 8], ['Nhân viên', 1], ['Cán bộ quản lý giáo dục', 1]],
    occupationsBeforeAdmission: [['Giáo viên', 4], ['Sinh viên', 3]],
    qualifications: [['college', 1], ['university', 7], ['master', 2]],
    politicalTheory: [['elementary', 8], ['intermediate', 2]],
    majors: ['Sư phạm Toán', 'Sư phạm Ngữ văn', 'Sư phạm Tiếng Anh', 'Sư phạm Vật lý', 'Giáo dục tiểu học'],
  },
  kindergarten: {
    ...working,
    femaleShare: 0.97,
    occupations: [['Giáo viên mầm non', 8], ['Nhân viên', 1], ['Cán bộ quản lý giáo dục', 1]],
    occupationsBeforeAdmission: [['Giáo viên', 4], ['Sinh viên', 2]],
    qualifications: [['intermediate', 1], ['college', 3], ['university', 6]],
    politicalTheory: [['elementary', 8], ['intermediate', 2]],
    majors: ['Giáo dục mầm non'],
  },
  health: {
    ...working,
    femaleShare: 0.68,
    occupations: [['Bác sĩ', 3], ['Y sĩ', 2], ['Điều dưỡng', 3], ['Dược sĩ', 1]],
    occupationsBeforeAdmission: [['Sinh viên', 3], ['Viên chức', 2]],
    qualifications: [['intermediate', 2], ['college', 2], ['university', 5], ['master', 1]],
    politicalTheory: [['elementary', 7], ['intermediate', 3]],
    majors: ['Y đa khoa', 'Điều dưỡng', 'Dược học', 'Y học cổ truyền'],
  },
  enterprise: {
    ...working,
    femaleShare: 0.42,
    occupations: [['Kỹ sư', 3], ['Công nhân', 3], ['Nhân viên', 3], ['Cán bộ quản lý', 1]],
    occupationsBeforeAdmission: [['Công nhân', 3], ['Sinh viên', 2], ['Nhân viên', 2]],
    qualifications: [['none', 1], ['intermediate', 3], ['college', 2], ['university', 5]],
    politicalTheory: [['none', 1], ['elementary', 7], ['intermediate', 2]],
    majors: ['Cơ khí chế tạo', 'Kế toán', 'Quản trị kinh doanh', 'Điện tử viễn thông', 'Công nghệ thông tin'],
  },
  cooperative: {
    ...working,
    femaleShare: 0.4,
    ages: [[30, 45, 3], [45, 60, 4]],
    occupations: [['Xã viên', 4], ['Cán bộ hợp tác xã', 2], ['Kinh doanh', 1]],
    occupationsBeforeAdmission: [['Nông dân', 3], ['Quân nhân', 1], ['Công nhân', 1]],
    qualifications: [['none', 3], ['intermediate', 3], ['college', 1], ['university', 2]],
    politicalTheory: [['elementary', 7], ['intermediate', 2]],
    majors: ['Nông học', 'Kế toán', 'Kinh tế nông nghiệp'],
  },
};

/** Where a member born long ago was admitted, by what they did then. */
// prettier-ignore
export const HISTORIC_CEREMONY_PLACES: Record<string, readonly string[]> = {
  'Quân nhân': [
    'Chi bộ Đại đội 2, Tiểu đoàn 5, Trung đoàn 52', 'Chi bộ Đại đội 7, Trung đoàn 141',
    'Chi bộ Tiểu đoàn 3, Lữ đoàn 368',
  ],
  'Công nhân': [
    'Chi bộ Nhà máy Xe lửa Gia Lâm', 'Chi bộ Nhà máy Cơ khí Gia Lâm', 'Chi bộ Xí nghiệp Gạch Cầu Đuống',
  ],
  'Nông dân': ['Chi bộ Hợp tác xã Nông nghiệp Cổ Bi', 'Chi bộ thôn Thạch Bàn', 'Chi bộ thôn Giang Biên'],
  'Học sinh, sinh viên': [
    'Chi bộ Trường Đại học Bách khoa Hà Nội', 'Chi bộ Trường Đại học Sư phạm Hà Nội',
    'Chi bộ Trường Đại học Nông nghiệp I',
  ],
};
