/**
 * The personal side of a demo member: name, birth, origin, addresses, education and work. The party
 * side (admission dates, status, numbers, events) is in members.ts.
 */
import type { Address, Member, Sex } from '../domain/types';
import { chance, createWeightedPicker, pick, randomDigits, randomInt, type Rng } from '../util/random';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, SECOND_FEMALE_MIDDLE_NAMES } from './names';
import type { DemoLeaf } from './organizations';
import {
  CITY_NAME,
  HANOI_CODE,
  MOUNTAIN_PROVINCES,
  PROVINCES,
  RESIDENTIAL_AREAS,
  WARD_NAME,
  type Province,
} from './places';
import type { MemberProfile } from './profiles';

const pickFamily = createWeightedPicker(FAMILY_NAMES);
const pickMiddle = {
  male: {
    old: createWeightedPicker(MIDDLE_NAMES.male.old),
    young: createWeightedPicker(MIDDLE_NAMES.male.young),
  },
  female: {
    old: createWeightedPicker(MIDDLE_NAMES.female.old),
    young: createWeightedPicker(MIDDLE_NAMES.female.young),
  },
};
const pickGiven = {
  male: createWeightedPicker(GIVEN_NAMES.male),
  female: createWeightedPicker(GIVEN_NAMES.female),
};
const pickProvince = createWeightedPicker(PROVINCES.map((p) => [p, p.weight] as const));
const pickEthnicity = createWeightedPicker<string>([
  ['01', 983],
  ['02', 6],
  ['06', 5],
  ['07', 3],
  ['03', 2],
  ['04', 1],
]);
const pickReligion = createWeightedPicker<string>([
  ['none', 965],
  ['buddhism', 23],
  ['catholicism', 12],
]);
const MINORITY_LANGUAGES: Record<string, string> = {
  '02': 'Tiếng Tày',
  '03': 'Tiếng Thái',
  '04': 'Tiếng Hoa',
  '06': 'Tiếng Mường',
  '07': 'Tiếng Nùng',
};
const HANOI = PROVINCES[0]!;
const OTHER_HANOI_COMMUNES = [
  'Phường Bồ Đề',
  'Phường Long Biên',
  'Phường Việt Hưng',
  'Xã Gia Lâm',
  'Xã Bát Tràng',
  'Phường Hồng Hà',
];
const OTHER_STREETS = [
  'phố Nguyễn Văn Cừ',
  'phố Ngọc Lâm',
  'phố Ngô Gia Tự',
  'đường Nguyễn Văn Linh',
  'phố Bát Khối',
];
const RESIDENTIAL_WORKPLACES = [
  'Công ty TNHH Thương mại Hà Thành',
  'Công ty Cổ phần Đầu tư Long Biên',
  'Ngân hàng Thương mại Cổ phần',
  'Tự do',
];

type Range = readonly [number, number, number];

export interface ProfilePickers {
  ages: (rng: Rng) => Range;
  admissionAges: (rng: Rng) => Range;
  occupations: (rng: Rng) => string;
  before: (rng: Rng) => string;
  qualifications: (rng: Rng) => string;
  theory: (rng: Rng) => string;
}

const pickers = new WeakMap<MemberProfile, ProfilePickers>();

/** Weighted pickers of a profile, built once. */
export function profilePickers(profile: MemberProfile): ProfilePickers {
  let cached = pickers.get(profile);
  if (!cached) {
    cached = {
      ages: createWeightedPicker(profile.ages.map((range) => [range, range[2]] as const)),
      admissionAges: createWeightedPicker(profile.admissionAges.map((range) => [range, range[2]] as const)),
      occupations: createWeightedPicker(profile.occupations),
      before: createWeightedPicker(profile.occupationsBeforeAdmission),
      qualifications: createWeightedPicker(profile.qualifications),
      theory: createWeightedPicker(profile.politicalTheory),
    };
    pickers.set(profile, cached);
  }
  return cached;
}

/** A year in [from, to) drawn from weighted ranges, as a fraction (e.g. 34.7 years). */
export function drawYears(rng: Rng, range: Range): number {
  return range[0] + rng.next() * (range[1] - range[0]);
}

export function drawName(rng: Rng, sex: Sex, birthYear: number): string {
  const generation = birthYear < 1975 ? 'old' : 'young';
  let middle = pickMiddle[sex][generation](rng);
  if (middle === 'Thị' && chance(rng, generation === 'old' ? 0.05 : 0.12))
    middle += ` ${pick(rng, SECOND_FEMALE_MIDDLE_NAMES)}`;
  let given = pickGiven[sex](rng);
  // 'Lê Thùy Thủy' happens but reads like a typo in a demo; one redraw makes it rare.
  if (middle.endsWith(given) || given === middle.split(' ')[0]) given = pickGiven[sex](rng);
  return `${pickFamily(rng)} ${middle} ${given}`;
}

export interface Origin {
  ethnicity: string;
  religion: string;
  province: Province;
  birthPlace: Address;
  hometown: Address;
}

export function drawOrigin(rng: Rng): Origin {
  const ethnicity = pickEthnicity(rng);
  const mountain = ['02', '03', '06', '07'].includes(ethnicity);
  const province = ethnicity === '04' ? HANOI : mountain ? pick(rng, MOUNTAIN_PROVINCES) : pickProvince(rng);
  const place = (): Address => {
    const [commune, district] = pick(rng, province.communes);
    return { commune, district, province: province.name };
  };
  const birthPlace = place();
  return {
    ethnicity,
    religion: pickReligion(rng),
    province,
    birthPlace,
    hometown: chance(rng, 0.7) ? { ...birthPlace } : place(),
  };
}

/** An address in the ward; `leaf` places residential members in their own residential group. */
export function wardAddress(rng: Rng, leaf: DemoLeaf): Address {
  const area = leaf.area ?? pick(rng, RESIDENTIAL_AREAS);
  const group = leaf.groupNumber ?? randomInt(rng, 1, 8);
  const street = pick(rng, area.streets);
  const lane = chance(rng, 0.6) ? `ngõ ${randomInt(rng, 2, 250)} ` : '';
  return {
    detail: `Số ${randomInt(rng, 1, 120)} ${lane}${street}, tổ dân phố số ${group} ${area.name}`,
    commune: WARD_NAME,
    province: CITY_NAME,
  };
}

export function drawAddresses(
  rng: Rng,
  leaf: DemoLeaf,
  origin: Origin,
): Pick<Member, 'permanentAddress' | 'temporaryAddress'> {
  if (leaf.profile === 'residential' || chance(rng, 0.5)) {
    const home = wardAddress(rng, leaf);
    if (origin.province.citizenIdCode !== HANOI_CODE && leaf.profile !== 'residential' && chance(rng, 0.3)) {
      const { commune, province } = origin.birthPlace;
      return { permanentAddress: { detail: 'Thôn Trung', commune, province }, temporaryAddress: home };
    }
    return { permanentAddress: home };
  }
  return {
    permanentAddress: {
      detail: `Số ${randomInt(rng, 1, 200)} ${pick(rng, OTHER_STREETS)}`,
      commune: pick(rng, OTHER_HANOI_COMMUNES),
      province: CITY_NAME,
    },
  };
}

export function drawPhone(rng: Rng): string | undefined {
  return chance(rng, 0.85) ? `${pick(rng, ['09', '03', '08', '07'])}${randomDigits(rng, 8)}` : undefined;
}

type Background = Pick<
  Member,
  | 'generalEducation'
  | 'professionalQualification'
  | 'major'
  | 'academicTitle'
  | 'politicalTheory'
  | 'stateManagement'
  | 'foreignLanguages'
  | 'itSkill'
  | 'ethnicMinorityLanguage'
  | 'occupation'
  | 'workplace'
  | 'retired'
  | 'armedForces'
  | 'governmentPosts'
  | 'massOrganizationPosts'
>;

/** Education and work, as of the reference date. */
export function drawBackground(
  rng: Rng,
  leaf: DemoLeaf,
  profile: MemberProfile,
  sex: Sex,
  birthYear: number,
  age: number,
  ethnicity: string,
): Background {
  const p = profilePickers(profile);
  const out: Background = {};
  out.generalEducation =
    birthYear < 1966
      ? createOldEducation(rng)
      : leaf.profile === 'residential' && chance(rng, 0.08)
        ? '9/12'
        : '12/12';
  const qualification = p.qualifications(rng);
  out.professionalQualification = qualification;
  if (['college', 'university', 'master', 'doctorate'].includes(qualification))
    out.major = pick(rng, profile.majors);
  if (qualification === 'doctorate' && chance(rng, 0.3)) out.academicTitle = 'associateProfessor';
  out.politicalTheory = p.theory(rng);
  if (leaf.profile === 'agency')
    out.stateManagement = chance(rng, 0.25) ? 'Chuyên viên chính' : 'Chuyên viên';
  if (birthYear >= 1975 && chance(rng, 0.8))
    out.foreignLanguages = chance(rng, 0.6) ? 'Tiếng Anh B1' : 'Tiếng Anh trình độ B';
  else if (birthYear < 1965 && chance(rng, 0.15)) out.foreignLanguages = 'Tiếng Nga trình độ B';
  if (birthYear >= 1970 && chance(rng, 0.75)) out.itSkill = 'Ứng dụng công nghệ thông tin cơ bản';
  const minority = MINORITY_LANGUAGES[ethnicity];
  if (minority) out.ethnicMinorityLanguage = minority;

  const retirementAge = sex === 'male' ? 61 : 56;
  if (leaf.profile === 'residential') {
    if (age >= retirementAge) {
      const pensioner = chance(rng, 0.88);
      out.occupation = pensioner ? 'Hưu trí' : pick(rng, ['Nội trợ', 'Làm nông nghiệp', 'Kinh doanh']);
      if (pensioner) out.retired = true;
      if (chance(rng, 0.08)) {
        out.massOrganizationPosts = pick(rng, [
          'Chi hội trưởng Hội Cựu chiến binh',
          'Chi hội trưởng Hội Người cao tuổi',
          sex === 'female' ? 'Chi hội trưởng Hội Liên hiệp Phụ nữ' : 'Tổ trưởng tổ dân phố',
        ]);
      }
    } else {
      out.occupation = p.occupations(rng);
      out.workplace = pick(rng, RESIDENTIAL_WORKPLACES);
    }
    return out;
  }
  out.occupation = p.occupations(rng);
  if (leaf.workplace) out.workplace = leaf.workplace;
  if (profile.armedForces) out.armedForces = profile.armedForces;
  if (leaf.profile === 'agency' && chance(rng, 0.12))
    out.governmentPosts = pick(rng, ['Trưởng phòng', 'Phó Trưởng phòng']);
  return out;
}

function createOldEducation(rng: Rng): string {
  const roll = rng.next();
  return roll < 0.6 ? '10/10' : roll < 0.85 ? '7/10' : roll < 0.95 ? '9/10' : '4/10';
}
