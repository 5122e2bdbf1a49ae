/**
 * What the member rules read besides the draft: the thresholds in force for the draft's dates
 * (resolved from the dated settings, so the rules stay pure), the code-list entries a form offers,
 * and the organizations a member may attend.
 */
import { activeEntries, type CodeList } from './codeLists';
import { addMonths, completeDate, isFullIsoDate } from './dates';
import type { MemberDraft } from './memberDraft';
import { validDate } from './ruleIssues';
import { resolveSetting, type SettingDefinition } from './settings';
import { SETTINGS } from './settingDefinitions';
import type { IsoDate, OrgType, Organization } from './types';

export interface MemberRuleContext {
  /** The day the check runs (deadlines and "not in the future"). */
  today: IsoDate;
  probationMonths: number;
  admissionMinAgeYears: number;
  admissionMaxAgeYears: number;
  /** Working days allowed between the admission decision and the ceremony. */
  ceremonyWorkingDays: number;
  /** Working days allowed after probation ends to decide on official status. */
  probationReviewWorkingDays: number;
  ethnicGroups: CodeList;
  religions: CodeList;
  /** Start of the current probation when it is not `joinedOn` (a readmitted member). */
  probationStartedOn?: IsoDate;
}

/** Stored versions of the settings, by setting key (the `versions` of each settings record). */
export type StoredSettingVersions = Readonly<Record<string, readonly unknown[] | undefined>>;

/**
 * The thresholds in force for this draft: the admission rules on the day of the vote (or the
 * ceremony), the probation rules on the ceremony day, the code lists today.
 */
export function memberRuleContext(
  stored: StoredSettingVersions,
  draft: MemberDraft,
  today: IsoDate,
): MemberRuleContext {
  const at = (date: unknown) => {
    const valid = validDate(date);
    return valid ? completeDate(valid, 'start') : today;
  };
  const resolve = <T>(definition: SettingDefinition<T>, asOf: IsoDate): T =>
    resolveSetting(definition, stored[definition.key], asOf);
  const admissionDay = at(draft.admissionVoteDate ?? draft.joinedOn);
  return {
    today,
    probationMonths: resolve(SETTINGS.probationMonths, at(draft.joinedOn)),
    admissionMinAgeYears: resolve(SETTINGS.admissionMinAgeYears, admissionDay),
    admissionMaxAgeYears: resolve(SETTINGS.admissionMaxAgeYears, admissionDay),
    ceremonyWorkingDays: resolve(SETTINGS.admissionCeremonyWorkingDays, at(draft.admissionDecisionDate)),
    probationReviewWorkingDays: resolve(SETTINGS.probationReviewWorkingDays, at(draft.joinedOn)),
    ethnicGroups: resolve(SETTINGS.ethnicGroups, today),
    religions: resolve(SETTINGS.religions, today),
  };
}

/** The official date the rules expect for a ceremony date, when it is a full date. */
export function suggestedOfficialOn(
  joinedOn: IsoDate | undefined,
  probationMonths: number,
): IsoDate | undefined {
  return joinedOn && isFullIsoDate(joinedOn) ? addMonths(joinedOn, probationMonths) : undefined;
}

/** Code-list entries a form offers: the active ones, plus the record's own code if it is inactive. */
export function offeredEntries(list: CodeList, current: string | undefined): CodeList {
  const active = activeEntries(list);
  const own = current ? list.find((entry) => entry.code === current && entry.inactive) : undefined;
  return own ? [...active, own] : active;
}

/** Organizations a member attends: a branch (chi bộ cơ sở or chi bộ trực thuộc), and only while active. */
export const MEMBER_ORG_TYPES = ['grassrootsBranch', 'branch'] as const satisfies readonly OrgType[];

export function canAttend(org: Pick<Organization, 'type' | 'status'>): boolean {
  return org.status === 'active' && (MEMBER_ORG_TYPES as readonly OrgType[]).includes(org.type);
}
