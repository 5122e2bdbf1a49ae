/**
 * Likely duplicate people (domain.md §6.12, sync.md preview): the same party card number, the same
 * citizen id, or the same name (folded: case, diacritics and spacing ignored) with the same birth
 * date. Pure: the caller supplies the candidates, found through the indexes partyCardNumber and
 * citizenId and by name. These are warnings — two people may share a name and a birthday.
 */
import { formatDateVi } from './dates';
import type { MemberDraft } from './memberDraft';
import type { Issue } from './ruleIssues';
import type { Member } from './types';
import { foldForSearch } from '../text/vi';

export type DuplicateCandidate = Pick<Member, 'id' | 'fullName' | 'birthDate'> &
  Partial<Pick<Member, 'partyCardNumber' | 'citizenId'>> & { deleted?: 0 | 1 };

function who(candidate: DuplicateCandidate): string {
  return `đồng chí ${candidate.fullName} (sinh ${formatDateVi(candidate.birthDate)})`;
}

const CHECK = 'hãy kiểm tra có phải cùng một người không';

export function findDuplicates(draft: MemberDraft, candidates: readonly DuplicateCandidate[]): Issue[] {
  const issues: Issue[] = [];
  const name = draft.fullName ? foldForSearch(draft.fullName) : '';
  for (const candidate of candidates) {
    if (candidate.id === draft.id || candidate.deleted === 1) continue;
    if (draft.partyCardNumber && candidate.partyCardNumber === draft.partyCardNumber)
      issues.push({
        field: 'partyCardNumber',
        message: `Số thẻ đảng viên ${draft.partyCardNumber} trùng với ${who(candidate)}; ${CHECK}.`,
      });
    if (draft.citizenId && candidate.citizenId === draft.citizenId)
      issues.push({
        field: 'citizenId',
        message: `Số định danh cá nhân ${draft.citizenId} trùng với ${who(candidate)}; ${CHECK}.`,
      });
    if (
      name &&
      draft.birthDate &&
      candidate.birthDate === draft.birthDate &&
      foldForSearch(candidate.fullName) === name
    )
      issues.push({
        field: 'fullName',
        message: `Đã có ${who(candidate)} cùng họ tên và ngày sinh; ${CHECK}.`,
      });
  }
  return issues;
}
