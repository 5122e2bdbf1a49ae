/**
 * Demo members and their lifecycle events, obeying domain.md §3 and §7:
 * - age at admission 18–60 counted in months (the decision is at least 18 years 3 months after
 *   birth, leaving room for the branch vote before it), with partial birth dates read
 *   conservatively;
 * - ceremony (joinedOn) 3–30 weekdays after the decision (weekdays ≥ working days, so it is within
 *   30 working days whatever the holidays);
 * - official on the day 12 months after the ceremony; probationary only while that day is after
 *   the reference date; exemption only for official members, after they became official.
 * Day arithmetic runs on day numbers: the 100,000-member demo would otherwise parse dates millions
 * of times.
 */
import { addMonths, completeDate, fromDayNumber, toDayNumber } from '../domain/dates';
import { citizenIdSexCenturyYear } from '../domain/formats';
import type { IsoDate, Member, MemberEvent, Sex } from '../domain/types';
import { chance, randomDigits, randomInt, uuidFromRandom, type Rng } from '../util/random';
import type { DemoLeaf } from './organizations';
import { admissionAuthority, HANOI_CODE, RESIDENTIAL_AREAS } from './places';
import {
  drawAddresses,
  drawBackground,
  drawName,
  drawOrigin,
  drawPhone,
  drawYears,
  profilePickers,
} from './person';
import { HISTORIC_CEREMONY_PLACES, MEMBER_PROFILES } from './profiles';

const DAYS_PER_YEAR = 365.2425;
/** The admission rule's bounds, in months; the minimum leaves 3 months for the vote-to-decision step. */
const MIN_DECISION_AGE_MONTHS = 18 * 12 + 3;
const MAX_DECISION_AGE_MONTHS = 60 * 12;
const PROBATION_MONTHS = 12;
/** A decision at least this many days before the reference date leaves room for a 30-weekday ceremony. */
const CEREMONY_ROOM_DAYS = 45;

function addWeekdayNumbers(day: number, weekdays: number): number {
  let current = day;
  for (let left = weekdays; left > 0;) {
    current += 1;
    const weekday = (((current + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}

const monthsAfter = (day: number, months: number) => toDayNumber(addMonths(fromDayNumber(day), months));

/** Exemption is mostly for the very old in residential branches (age alone is not enough: §3.3). */
function exemptionChance(residential: boolean, age: number): number {
  if (!residential) return 0.003;
  if (age >= 85) return 0.55;
  if (age >= 80) return 0.35;
  if (age >= 75) return 0.18;
  if (age >= 70) return 0.06;
  return 0.005;
}

export class DemoMemberFactory {
  readonly members: Member[] = [];
  readonly events: MemberEvent[] = [];
  private readonly citizenIds = new Set<string>();
  private readonly cardNumbers = new Set<string>();
  private readonly dossierNumbers = new Set<string>();
  private readonly asOfDay: number;
  private readonly lastOfficialDecision: number;
  private readonly firstProbationaryDecision: number;

  constructor(
    private readonly rng: Rng,
    private readonly asOf: IsoDate,
  ) {
    this.asOfDay = toDayNumber(asOf);
    const probationStart = toDayNumber(addMonths(asOf, -PROBATION_MONTHS));
    this.lastOfficialDecision = probationStart - CEREMONY_ROOM_DAYS;
    this.firstProbationaryDecision = probationStart + 1;
  }

  private unique(set: Set<string>, draw: () => string): string {
    for (;;) {
      const value = draw();
      if (!set.has(value)) {
        set.add(value);
        return value;
      }
    }
  }

  /**
   * Adds `count` members attending `leaf`; the first two official ones lead the branch. The first
   * three are never probationary, so every branch has the 3 full members the Charter asks for.
   */
  addMembers(leaf: DemoLeaf, count: number): void {
    let leaders = 0;
    for (let i = 0; i < count; i += 1) {
      const member = this.createMember(leaf, i >= 3);
      if (leaders < 2 && member.status === 'official') {
        member.partyPosts = leaders === 0 ? 'Bí thư Chi bộ' : 'Phó Bí thư Chi bộ';
        // The branch's leadership points at the same people, as the organizations screen reads it.
        if (leaders === 0) leaf.organization.secretaryId = member.id;
        else leaf.organization.deputySecretaryIds = [member.id];
        leaders += 1;
      }
    }
  }

  private createMember(leaf: DemoLeaf, mayBeProbationary: boolean): Member {
    const { rng } = this;
    const profile = MEMBER_PROFILES[leaf.profile];
    const pickers = profilePickers(profile);
    const org = leaf.organization;
    const sex: Sex = chance(rng, profile.femaleShare) ? 'female' : 'male';

    const birthDay =
      this.asOfDay - Math.floor(drawYears(rng, pickers.ages(rng)) * DAYS_PER_YEAR) - randomInt(rng, 0, 364);
    const birthIso = fromDayNumber(birthDay);
    const birthYear = Number(birthIso.slice(0, 4));
    // Some of the oldest files give only the year of birth.
    const birthDate = birthYear < 1945 && chance(rng, 0.03) ? String(birthYear) : birthIso;
    const latestBirth = toDayNumber(completeDate(birthDate, 'end'));
    const earliestBirth = toDayNumber(completeDate(birthDate, 'start'));
    const age = Math.floor((this.asOfDay - birthDay) / DAYS_PER_YEAR);

    const minDecision = monthsAfter(latestBirth, MIN_DECISION_AGE_MONTHS);
    const maxDecision = monthsAfter(earliestBirth, MAX_DECISION_AGE_MONTHS);
    let decisionDay: number | undefined;
    if (mayBeProbationary && chance(rng, profile.probationaryShare)) {
      const low = Math.max(this.firstProbationaryDecision, minDecision);
      const high = Math.min(this.asOfDay - CEREMONY_ROOM_DAYS, maxDecision);
      if (low <= high) decisionDay = randomInt(rng, low, high);
    }
    if (decisionDay === undefined) {
      const high = Math.min(maxDecision, this.lastOfficialDecision);
      if (minDecision > high)
        throw new Error(`Demo profile ${leaf.profile} draws members too young to be admitted`);
      const target = birthDay + Math.floor(drawYears(rng, pickers.admissionAges(rng)) * DAYS_PER_YEAR);
      decisionDay = target >= minDecision && target <= high ? target : randomInt(rng, minDecision, high);
    }
    const decisionDate = fromDayNumber(decisionDay);
    const joinedOn = fromDayNumber(addWeekdayNumbers(decisionDay, randomInt(rng, 3, 30)));
    const officialOn = addMonths(joinedOn, PROBATION_MONTHS);
    const isOfficial = officialOn <= this.asOf;

    const origin = drawOrigin(rng);
    const occupationBeforeAdmission = pickers.before(rng);
    const authority = admissionAuthority(decisionDate);
    const member: Member = {
      id: uuidFromRandom(rng),
      organizationId: org.id,
      status: isOfficial ? 'official' : 'probationary',
      fullName: drawName(rng, sex, birthYear),
      sex,
      birthDate,
      birthPlace: origin.birthPlace,
      hometown: origin.hometown,
      ...drawAddresses(rng, leaf, origin),
      ethnicity: origin.ethnicity,
      religion: origin.religion,
      citizenId: this.unique(
        this.citizenIds,
        () => origin.province.citizenIdCode + citizenIdSexCenturyYear(sex, birthYear) + randomDigits(rng, 6),
      ),
      dossierNumber: this.unique(this.dossierNumbers, () => {
        const letters =
          origin.province.citizenIdCode !== HANOI_CODE && chance(rng, 0.3)
            ? origin.province.dossierLetters
            : 'HN';
        return randomDigits(rng, 6) + letters;
      }),
      admissionDecisionNumber: `${randomInt(rng, 1, 1999)}-${authority.suffix}`,
      admissionDecisionDate: decisionDate,
      joinedOn,
      occupationBeforeAdmission,
      ...drawBackground(rng, leaf, profile, sex, birthYear, age, origin.ethnicity),
      isDemo: true,
    };
    const phone = drawPhone(rng);
    if (phone) member.phone = phone;
    const ceremonyPlace = this.ceremonyPlace(leaf, joinedOn, occupationBeforeAdmission);
    if (ceremonyPlace) member.admissionCeremonyPlace = ceremonyPlace;

    this.addEvent(member, leaf, {
      type: 'admission',
      date: joinedOn,
      decisionNumber: member.admissionDecisionNumber!,
      issuedBy: authority.body,
    });
    if (isOfficial) {
      const officialAuthority = admissionAuthority(officialOn);
      member.officialOn = officialOn;
      member.officialDecisionNumber = `${randomInt(rng, 1, 1999)}-${officialAuthority.suffix}`;
      member.partyCardNumber = this.unique(this.cardNumbers, () => randomDigits(rng, 8));
      this.addEvent(member, leaf, {
        type: 'madeOfficial',
        date: officialOn,
        decisionNumber: member.officialDecisionNumber,
        issuedBy: officialAuthority.body,
      });
      if (chance(rng, exemptionChance(leaf.profile === 'residential', age)))
        this.exempt(member, leaf, birthDay, toDayNumber(officialOn));
    }
    this.members.push(member);
    return member;
  }

  private ceremonyPlace(leaf: DemoLeaf, joinedOn: IsoDate, before: string): string | undefined {
    const org = leaf.organization;
    if (org.foundedOn && joinedOn >= org.foundedOn) return org.name;
    const historic = HISTORIC_CEREMONY_PLACES[before];
    if (historic && joinedOn < '1995') return historic[randomInt(this.rng, 0, historic.length - 1)];
    if (leaf.area) return `Chi bộ Tổ dân phố số ${leaf.groupNumber ?? 1}, ${leaf.area.formerUnit}`;
    if (leaf.workplace) return `Chi bộ ${leaf.workplace}`;
    return `Chi bộ khu dân cư, ${RESIDENTIAL_AREAS[0]!.formerUnit}`;
  }

  /** Miễn công tác và sinh hoạt đảng: after the member became official, usually past 68. */
  private exempt(member: Member, leaf: DemoLeaf, birthDay: number, officialDay: number): void {
    const { rng } = this;
    const end = this.asOfDay - 1;
    let start = Math.max(officialDay + 1, birthDay + Math.floor(68 * DAYS_PER_YEAR));
    if (start > end) start = officialDay + 1;
    if (start > end) return;
    const day = randomInt(rng, start, end);
    const requestedDay = Math.max(officialDay, day - randomInt(rng, 3, 20));
    member.status = 'exempted';
    this.addEvent(member, leaf, {
      type: 'exemption',
      date: fromDayNumber(day),
      decisionNumber: `${randomInt(rng, 1, 40)}-NQ/CB`,
      reason: 'Tuổi cao, sức khỏe yếu',
      requestedOn: fromDayNumber(requestedDay),
      ...(leaf.organization.foundedOn &&
        fromDayNumber(day) >= leaf.organization.foundedOn && { issuedBy: leaf.organization.name }),
    });
  }

  private addEvent(
    member: Member,
    leaf: DemoLeaf,
    fields: Omit<MemberEvent, 'id' | 'memberId' | 'isDemo'>,
  ): void {
    const event: MemberEvent = { id: uuidFromRandom(this.rng), memberId: member.id, ...fields, isDemo: true };
    const foundedOn = leaf.organization.foundedOn;
    // Only events after the organization existed belong to it (period counts per organization).
    if (foundedOn && fields.date >= foundedOn) event.organizationId = leaf.organization.id;
    this.events.push(event);
  }
}
