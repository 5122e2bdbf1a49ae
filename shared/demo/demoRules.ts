/**
 * Checks a demo data set against the domain rules it promises to obey (domain.md §3, §7). Used by
 * the generator's tests at every size; returns readable violations instead of throwing at the
 * first, so a failing test shows what kind of rule broke and how often.
 */
import { addMonths, ageInMonths, compareIsoDates, weekdaysBetween } from '../domain/dates';
import { citizenIdMatches, isCitizenId, isDossierNumber, isLegacyPartyCardNumber } from '../domain/formats';
import {
  isActiveMemberStatus,
  type IsoDate,
  type Member,
  type MemberEvent,
  type Organization,
} from '../domain/types';

export interface DemoData {
  organizations: readonly Organization[];
  members: readonly Member[];
  events: readonly MemberEvent[];
  asOf: IsoDate;
}

export function demoRuleViolations(data: DemoData, limit = 20): string[] {
  const violations: string[] = [];
  const fail = (message: string) => {
    if (violations.length < limit) violations.push(message);
  };
  const { asOf } = data;
  const eventsByMember = new Map<string, MemberEvent[]>();
  for (const event of data.events) {
    const list = eventsByMember.get(event.memberId);
    if (list) list.push(event);
    else eventsByMember.set(event.memberId, [event]);
  }

  for (const m of data.members) {
    const who = `${m.fullName} (${m.id})`;
    if (!isActiveMemberStatus(m.status)) fail(`${who}: status ${m.status} is not active`);
    const decision = m.admissionDecisionDate;
    if (!decision) {
      fail(`${who}: no admission decision date`);
      continue;
    }
    // Partial birth dates are read in the member's disfavour on both bounds.
    if (ageInMonths(m.birthDate, decision, 'end') < 18 * 12) fail(`${who}: younger than 18 at admission`);
    if (ageInMonths(m.birthDate, decision, 'start') > 60 * 12) fail(`${who}: older than 60 at admission`);
    if (compareIsoDates(decision, m.joinedOn) >= 0)
      fail(`${who}: ceremony ${m.joinedOn} not after decision ${decision}`);
    const weekdays = weekdaysBetween(decision, m.joinedOn);
    if (weekdays > 30) fail(`${who}: ceremony ${weekdays} weekdays after the decision`);
    if (compareIsoDates(m.joinedOn, asOf) > 0) fail(`${who}: joined after the reference date`);
    const probationEnd = addMonths(m.joinedOn, 12);
    if (m.status === 'probationary') {
      if (m.officialOn !== undefined) fail(`${who}: probationary with an official date`);
      if (compareIsoDates(probationEnd, asOf) <= 0) fail(`${who}: still probationary after 12 months`);
      if (m.partyCardNumber !== undefined) fail(`${who}: probationary with a party card`);
    } else {
      if (m.officialOn !== probationEnd)
        fail(`${who}: official on ${m.officialOn}, expected ${probationEnd}`);
      if (m.officialOn && compareIsoDates(m.officialOn, asOf) > 0)
        fail(`${who}: official after the reference date`);
      if (!m.partyCardNumber || !isLegacyPartyCardNumber(m.partyCardNumber))
        fail(`${who}: bad card ${m.partyCardNumber}`);
    }
    const birthYear = Number(m.birthDate.slice(0, 4));
    if (!m.citizenId || !isCitizenId(m.citizenId) || !citizenIdMatches(m.citizenId, m.sex, birthYear)) {
      fail(`${who}: citizen id ${m.citizenId} does not match ${m.sex}, ${birthYear}`);
    }
    if (!m.dossierNumber || !isDossierNumber(m.dossierNumber))
      fail(`${who}: bad dossier number ${m.dossierNumber}`);

    const events = eventsByMember.get(m.id) ?? [];
    const ofType = (type: MemberEvent['type']) => events.filter((e) => e.type === type);
    const admissions = ofType('admission');
    if (admissions.length !== 1 || admissions[0]!.date !== m.joinedOn)
      fail(`${who}: admission event missing or misdated`);
    const official = ofType('madeOfficial');
    const expectOfficial = m.status === 'official' || m.status === 'exempted' ? 1 : 0;
    if (official.length !== expectOfficial || (expectOfficial && official[0]!.date !== m.officialOn)) {
      fail(`${who}: madeOfficial events do not match the status`);
    }
    const exemptions = ofType('exemption');
    if (exemptions.length !== (m.status === 'exempted' ? 1 : 0))
      fail(`${who}: exemption events do not match the status`);
    for (const e of exemptions) {
      if (!m.officialOn || compareIsoDates(e.date, m.officialOn) <= 0 || compareIsoDates(e.date, asOf) > 0) {
        fail(`${who}: exemption on ${e.date} outside (official date, reference date]`);
      }
    }
    if (events.length !== 1 + expectOfficial + exemptions.length) fail(`${who}: unexpected events`);
  }
  return violations;
}
