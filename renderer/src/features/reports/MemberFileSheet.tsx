/** "Phiếu đảng viên": one member's file on paper, with the history of lifecycle events. */
import { codeLabel, type CodeList } from '@shared/domain/codeLists';
import { formatDateVi } from '@shared/domain/dates';
import { MEMBER_EVENT_TYPE_LABELS, MEMBER_STATUS_LABELS, SEX_LABELS } from '@shared/domain/labels';
import { sortEvents } from '@shared/domain/lifecycle';
import type { Address, Id, MemberEvent, Organization } from '@shared/domain/types';
import type { RegisterRow } from '@shared/reports/register';
import { upperVietnamese } from '@shared/reports/documentText';
import type { StatisticsCodeLists } from '@shared/reports/statistics';

const address = (a: Address | undefined) =>
  a ? [a.detail, a.commune, a.district, a.province].filter(Boolean).join(', ') : '';

export function MemberFileSheet({
  member,
  events,
  organizations,
  codeLists,
}: {
  member: RegisterRow;
  events: readonly MemberEvent[];
  organizations: ReadonlyMap<Id, Organization>;
  codeLists: StatisticsCodeLists;
}) {
  const label = (list: CodeList, code: string | undefined) => codeLabel(list, code);
  const fields: [string, string][] = [
    ['Họ và tên đang dùng', upperVietnamese(member.fullName)],
    ['Họ và tên khai sinh', member.birthName ?? ''],
    ['Giới tính', SEX_LABELS[member.sex]],
    ['Ngày sinh', formatDateVi(member.birthDate)],
    ['Quê quán', address(member.hometown)],
    ['Nơi thường trú', address(member.permanentAddress)],
    ['Dân tộc', label(codeLists.ethnicGroups, member.ethnicity)],
    ['Tôn giáo', label(codeLists.religions, member.religion)],
    ['Số định danh cá nhân', member.citizenId ?? ''],
    ['Số thẻ đảng viên', member.partyCardNumber ?? ''],
    ['Số lý lịch', member.dossierNumber ?? ''],
    ['Ngày vào Đảng', formatDateVi(member.joinedOn)],
    ['Ngày chính thức', formatDateVi(member.officialOn)],
    ['Tổ chức đảng', organizations.get(member.organizationId)?.name ?? ''],
    ['Tình trạng', MEMBER_STATUS_LABELS[member.status]],
    ['Giáo dục phổ thông', member.generalEducation ?? ''],
    [
      'Trình độ chuyên môn',
      [label(codeLists.professionalQualifications, member.professionalQualification), member.major]
        .filter(Boolean)
        .join(', '),
    ],
    ['Học hàm', label(codeLists.academicTitles, member.academicTitle)],
    ['Lý luận chính trị', label(codeLists.politicalTheoryLevels, member.politicalTheory)],
    ['Nghề nghiệp hiện nay', member.occupation ?? ''],
    ['Chức vụ Đảng', member.partyPosts ?? ''],
    ['Chức vụ chính quyền', member.governmentPosts ?? ''],
  ];
  return (
    <>
      <table className="doc-fields" data-testid="member-file-fields">
        <tbody>
          {fields.map(([name, value]) => (
            <tr key={name}>
              <td>{`${name}:`}</td>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Quá trình sinh hoạt đảng</h2>
      <table className="doc-table">
        <thead>
          <tr>
            <th style={{ width: '16%' }}>Ngày</th>
            <th style={{ width: '30%' }}>Sự kiện</th>
            <th style={{ width: '20%' }}>Số quyết định</th>
            <th>Nội dung</th>
          </tr>
        </thead>
        <tbody>
          {sortEvents(events).map((event) => (
            <tr key={event.id}>
              <td className="center">{formatDateVi(event.date)}</td>
              <td>{MEMBER_EVENT_TYPE_LABELS[event.type]}</td>
              <td>{event.decisionNumber ?? ''}</td>
              <td>
                {[
                  event.toOrganizationId ? organizations.get(event.toOrganizationId)?.name : undefined,
                  event.toExternal,
                  event.awardName,
                  event.reason,
                  event.note,
                ]
                  .filter(Boolean)
                  .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
