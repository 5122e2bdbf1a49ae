/**
 * Tab "Lịch sử": the member's lifecycle events as a timeline (what happened, when, by which
 * decision), and below it the edit history of the file from the audit journal (who changed which
 * field on which laptop, old → new), newest first.
 */
import { Button, Card, Empty, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { formatDateVi } from '@shared/domain/dates';
import {
  MEMBER_EVENT_FIELD_LABELS,
  MEMBER_EVENT_TYPE_LABELS,
  MEMBER_FIELD_LABELS,
  TRANSFER_KIND_LABELS,
} from '@shared/domain/labels';
import { sortEvents } from '@shared/domain/lifecycle';
import type { JournalEntry } from '../../db/database';
import { vi } from '../../i18n/vi';
import { awardText } from './MemberAwards';
import { formatDateTimeVi, formatFieldValue, type Lookups } from './fieldFormat';
import type { StoredEvent } from './memberQueries';

const t = vi.memberFile;

const EVENT_COLORS: Partial<Record<StoredEvent['type'], string>> = {
  admission: 'red',
  readmission: 'red',
  madeOfficial: 'green',
  award: 'gold',
  discipline: 'volcano',
  deceased: 'gray',
  expelled: 'gray',
  removedFromRolls: 'gray',
  resigned: 'gray',
};

function eventDetails(event: StoredEvent, lookups: Lookups): string[] {
  const value = (field: keyof StoredEvent) => formatFieldValue(field, event[field], lookups);
  const details: string[] = [];
  if (event.transferKind)
    details.push(`${MEMBER_EVENT_FIELD_LABELS.transferKind}: ${TRANSFER_KIND_LABELS[event.transferKind]}`);
  const from = event.fromOrganizationId ? value('fromOrganizationId') : event.fromExternal;
  const to = event.toOrganizationId ? value('toOrganizationId') : event.toExternal;
  if (from && event.type !== 'readmission')
    details.push(`${MEMBER_EVENT_FIELD_LABELS.fromOrganizationId}: ${from}`);
  if (to)
    details.push(
      `${event.type === 'readmission' ? MEMBER_EVENT_FIELD_LABELS.organizationId : MEMBER_EVENT_FIELD_LABELS.toOrganizationId}: ${to}`,
    );
  if (event.temporaryUntil)
    details.push(`${MEMBER_EVENT_FIELD_LABELS.temporaryUntil} ${value('temporaryUntil')}`);
  if (event.duesPaidThrough)
    details.push(`${MEMBER_EVENT_FIELD_LABELS.duesPaidThrough} ${value('duesPaidThrough')}`);
  if (event.arrivalStatus)
    details.push(`${MEMBER_EVENT_FIELD_LABELS.arrivalStatus}: ${value('arrivalStatus')}`);
  if (event.disciplineForm)
    details.push(`${MEMBER_EVENT_FIELD_LABELS.disciplineForm}: ${value('disciplineForm')}`);
  if (event.type === 'award')
    details.push(awardText(event) + (event.posthumous ? ` (${t.posthumous.toLocaleLowerCase('vi')})` : ''));
  const transfer =
    event.type === 'transferIn' || event.type === 'transferOut' || event.type === 'transferInternal';
  for (const field of [
    'reason',
    'requestedOn',
    'medicalEvidence',
    'causeOfDeath',
    'decisionNumber',
    'decisionDate',
    'issuedBy',
    'note',
  ] as const) {
    const label = field === 'decisionNumber' && transfer ? t.letterNumber : MEMBER_EVENT_FIELD_LABELS[field];
    if (event[field]) details.push(`${label}: ${value(field)}`);
  }
  return details;
}

function change(entry: JournalEntry, lookups: Lookups): React.ReactNode {
  // The photo is a record of its own under the member's id; its lines carry no values.
  if (entry.table === 'memberPhotos') return t.photo.journal;
  if (entry.kind === 'create') return t.journalCreated;
  if (entry.kind === 'delete') return t.journalDeleted;
  if (entry.kind === 'restore') return t.journalRestored;
  return (
    <ul className="member-history-change">
      {(entry.changes ?? []).map((c) => {
        const label = (MEMBER_FIELD_LABELS as Record<string, string>)[c.field] ?? c.field;
        const old = formatFieldValue(c.field, c.old, lookups) || t.emptyValue;
        const next = formatFieldValue(c.field, c.new, lookups) || t.emptyValue;
        return (
          <li key={c.field}>
            <strong>{label}</strong>: <del>{old}</del> → {next}
          </li>
        );
      })}
    </ul>
  );
}

export function MemberHistory({
  events,
  journal,
  lookups,
  onEdit,
  onDelete,
}: {
  events: readonly StoredEvent[];
  journal: readonly JournalEntry[];
  lookups: Lookups;
  /** "Sửa" / "Xóa" on each event; left out while the file is in the recycle bin. */
  onEdit?: (event: StoredEvent) => void;
  onDelete?: (event: StoredEvent) => void;
}) {
  const items = sortEvents(events).map((event) => ({
    key: event.id,
    color: EVENT_COLORS[event.type] ?? 'blue',
    content: (
      <div data-testid="timeline-event">
        <Typography.Text strong>{formatDateVi(event.date)}</Typography.Text>
        <Typography.Text strong style={{ marginInlineStart: 12 }}>
          {MEMBER_EVENT_TYPE_LABELS[event.type]}
        </Typography.Text>
        {onEdit && onDelete && (
          <span className="timeline-actions">
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t.correction.edit} ${MEMBER_EVENT_TYPE_LABELS[event.type]} ${formatDateVi(event.date)}`}
              onClick={() => onEdit(event)}
            >
              {t.correction.edit}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t.correction.delete} ${MEMBER_EVENT_TYPE_LABELS[event.type]} ${formatDateVi(event.date)}`}
              onClick={() => onDelete(event)}
            >
              {t.correction.delete}
            </Button>
          </span>
        )}
        {eventDetails(event, lookups).map((line) => (
          <div key={line} className="member-facts">
            {line}
          </div>
        ))}
      </div>
    ),
  }));
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t.timelineTitle}>
        {items.length ? (
          <Timeline items={items} style={{ marginTop: 8 }} />
        ) : (
          <Empty description={t.noEvents} />
        )}
      </Card>
      <Card size="small" title={t.journalTitle} data-testid="journal">
        <Table<JournalEntry>
          size="small"
          rowKey={(entry) => String(entry.seq)}
          dataSource={[...journal]}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t.noJournal }}
          columns={[
            {
              title: t.journalColumns.at,
              dataIndex: 'at',
              width: 150,
              render: (at: string) => formatDateTimeVi(at),
            },
            { title: t.journalColumns.user, dataIndex: 'user', width: 170 },
            {
              title: t.journalColumns.device,
              key: 'device',
              width: 190,
              render: (_, entry) => (
                <>
                  {entry.deviceName} {entry.source === 'sync' && <Tag>{t.viaSync}</Tag>}
                </>
              ),
            },
            { title: t.journalColumns.change, key: 'change', render: (_, entry) => change(entry, lookups) },
          ]}
        />
      </Card>
    </Flex>
  );
}
