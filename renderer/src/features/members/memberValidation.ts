/**
 * The checks run when the member form is saved: the pure rules (memberRules.ts) with the thresholds
 * in force for the draft's dates, likely duplicates found through the indexes, and for a new file
 * the lifecycle's judgement of the admission (and official) events it will create.
 */
import {
  checkMember,
  findDuplicates,
  memberRuleContext,
  type DuplicateCandidate,
  type MemberDraft,
  type StoredSettingVersions,
} from '@shared/domain/memberRules';
import type { RuleResult } from '@shared/domain/ruleIssues';
import type { IsoDate, MemberStatus } from '@shared/domain/types';
import type { QldvDatabase } from '../../db/database';
import { duplicateCandidates } from './memberQueries';
import { newFileRefusal, newMemberFile, type NewMemberFile } from './saveMember';

export interface MemberValidation extends RuleResult {
  /** For a new member: the records to create when there is no error. */
  file?: NewMemberFile;
}

export interface ValidationInput {
  draft: MemberDraft;
  settings: StoredSettingVersions;
  today: IsoDate;
  /** The stored status of an edited member; a new one is judged as it will be created. */
  status?: MemberStatus;
  probationStartedOn?: IsoDate;
}

export async function validateMember(db: QldvDatabase, input: ValidationInput): Promise<MemberValidation> {
  const { draft, settings, today } = input;
  const context = memberRuleContext(settings, draft, today);
  if (input.probationStartedOn) context.probationStartedOn = input.probationStartedOn;
  const isNew = input.status === undefined;
  const file = isNew && draft.joinedOn ? newMemberFile(draft, today) : undefined;
  const status = input.status ?? file?.member.status;
  const { errors, warnings } = checkMember({ ...draft, ...(status && { status }) }, context);
  if (file && errors.length === 0) {
    const refusal = newFileRefusal(file, { probationMonths: context.probationMonths });
    if (refusal) errors.push(refusal);
  }
  const candidates = draft.fullName
    ? ((await duplicateCandidates(db, {
        ...draft,
        fullName: draft.fullName,
      })) as unknown as DuplicateCandidate[])
    : [];
  warnings.push(...findDuplicates(draft, candidates));
  return { errors, warnings, ...(file && errors.length === 0 && { file }) };
}
