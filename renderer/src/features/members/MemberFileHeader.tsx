/**
 * The top of a member's file: photo, name in upper case as on the forms, status, organization, the
 * key dates, "Sửa", and the lifecycle actions the state machine allows today (making official before
 * the end of probation is shown disabled with the date it becomes possible).
 */
import { App as AntApp, Button, Card, Dropdown, Flex, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, DownOutlined, EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { formatDateVi, todayIso } from '@shared/domain/dates';
import { MEMBER_STATUS_LABELS, SEX_LABELS } from '@shared/domain/labels';
import { availableActions, currentState, type LifecycleRules } from '@shared/domain/lifecycle';
import type { MemberStatus } from '@shared/domain/types';
import { toUpperName } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { MemberPhoto } from './MemberPhoto';
import type { Lookups } from './fieldFormat';
import type { StoredEvent, StoredMember } from './memberQueries';
import { dialogKindOf, type DialogKind } from './recordEvent';
import { deleteMember } from './trash';

const t = vi.memberFile;

export const STATUS_COLORS: Record<MemberStatus, string> = {
  probationary: 'gold',
  official: 'green',
  exempted: 'blue',
  transferredOut: 'default',
  removedFromRolls: 'volcano',
  expelled: 'red',
  resigned: 'orange',
  deceased: 'default',
};

/** Shown as buttons; the rest go into "Nghiệp vụ khác". */
const PROMINENT = new Set<DialogKind>([
  'madeOfficial',
  'transfer',
  'transferIn',
  'readmission',
  'temporaryReturn',
  'exemptionEnded',
  'award',
]);

interface Props {
  member: StoredMember;
  events: readonly StoredEvent[];
  lookups: Lookups;
  rules: LifecycleRules;
  onAction: (kind: DialogKind) => void;
}

function actionsOf(member: StoredMember, events: readonly StoredEvent[], rules: LifecycleRules) {
  const seen = new Set<DialogKind>();
  const list: { kind: DialogKind; reason?: string }[] = [];
  for (const { type, verdict } of availableActions(currentState(member, events), member, todayIso(), rules)) {
    const kind = dialogKindOf(type);
    if (seen.has(kind)) continue;
    seen.add(kind);
    list.push(verdict.ok ? { kind } : { kind, reason: verdict.reason });
  }
  return list;
}

export function MemberFileHeader({ member, events, lookups, rules, onAction }: Props) {
  const store = useStore();
  const navigate = useNavigate();
  const { modal, message } = AntApp.useApp();
  const deleted = member.deleted === 1;
  const actions = deleted ? [] : actionsOf(member, events, rules);
  const label = (kind: DialogKind) =>
    kind === 'award' && member.status === 'deceased'
      ? vi.lifecycle.actions.posthumousAward
      : vi.lifecycle.actions[kind];
  const organization = lookups.organization(member.organizationId)?.name;
  const temporary = member.temporaryOrganizationId
    ? lookups.organization(member.temporaryOrganizationId)?.name
    : member.temporaryExternal;
  const prominent = actions.filter((a) => PROMINENT.has(a.kind));
  const others = actions.filter((a) => !PROMINENT.has(a.kind));

  const confirmDelete = () => {
    modal.confirm({
      title: t.deleteTitle,
      width: 560,
      content: <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{t.deleteBody}</Typography.Paragraph>,
      okText: t.deleteConfirm,
      okButtonProps: { danger: true },
      cancelText: t.cancel,
      onOk: async () => {
        await deleteMember(store, member.id);
        void message.success(t.deleted);
        void navigate('/thung-rac');
      },
    });
  };

  return (
    <Card data-testid="member-header">
      <Flex gap={24} align="flex-start">
        <MemberPhoto memberId={member.id} name={member.fullName} readOnly={deleted} />
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 0 }}>
          <Flex gap={12} align="center" wrap>
            <Typography.Title level={2} className="member-name" data-testid="member-name">
              {toUpperName(member.fullName)}
            </Typography.Title>
            <Tag color={STATUS_COLORS[member.status]} data-testid="member-status" style={{ fontSize: 13 }}>
              {MEMBER_STATUS_LABELS[member.status]}
            </Tag>
            {member.isDemo && <Tag>{vi.app.demoBadge}</Tag>}
          </Flex>
          <Typography.Text strong data-testid="member-organization">
            {organization ?? t.unknownOrganization}
          </Typography.Text>
          {temporary && <Typography.Text type="secondary">{t.temporaryAt(temporary)}</Typography.Text>}
          <div className="member-facts">
            <span>{t.bornOn(formatDateVi(member.birthDate))}</span>
            <span>{SEX_LABELS[member.sex]}</span>
            <span>{t.joinedOn(formatDateVi(member.joinedOn))}</span>
            {member.officialOn && <span>{t.officialOn(formatDateVi(member.officialOn))}</span>}
            {member.partyCardNumber && <span>{t.cardNumber(member.partyCardNumber)}</span>}
          </div>
          {!deleted && (
            <Flex gap={8} wrap style={{ marginTop: 8 }} data-testid="member-actions">
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/dang-vien/${member.id}/sua`)}>
                {t.edit}
              </Button>
              {prominent.map(({ kind, reason }) =>
                reason ? (
                  <Tooltip key={kind} title={reason}>
                    {/* A disabled button gets no pointer events: the wrapper shows why it is disabled. */}
                    <span tabIndex={0} data-testid={`why-${kind}`}>
                      <Button disabled>{label(kind)}</Button>
                    </span>
                  </Tooltip>
                ) : (
                  <Button
                    key={kind}
                    type={kind === 'madeOfficial' ? 'primary' : 'default'}
                    onClick={() => onAction(kind)}
                  >
                    {label(kind)}
                  </Button>
                ),
              )}
              {others.length > 0 && (
                <Dropdown
                  menu={{
                    items: others.map(({ kind }) => ({ key: kind, label: label(kind) })),
                    onClick: ({ key }) => onAction(key as DialogKind),
                  }}
                >
                  <Button>
                    {t.moreActions} <DownOutlined />
                  </Button>
                </Dropdown>
              )}
              <div style={{ flex: 1 }} />
              <Button danger type="text" icon={<DeleteOutlined />} onClick={confirmDelete}>
                {t.delete}
              </Button>
            </Flex>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
