/**
 * Route '/thung-rac': members and organizations deleted as data-entry mistakes (deleted = 1), read
 * through the compound indexes, with "Khôi phục" (a commit of kind 'restore'). A member who left the
 * Party is not here: leaving is a status with its event, never a deletion.
 */
import { App as AntApp, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { formatDateVi, isFullIsoDate, todayIso } from '@shared/domain/dates';
import { MEMBER_EVENT_TYPE_LABELS, MEMBER_STATUS_LABELS, ORG_TYPE_LABELS } from '@shared/domain/labels';
import { resolveSetting } from '@shared/domain/settings';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import type { Member, MemberEvent, Organization } from '@shared/domain/types';
import Dexie from 'dexie';
import { isValidHlc, parseHlc } from '@shared/sync/hlc';
import type { StoredRecord } from '@shared/sync/record';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { commit } from '../../db/writePath';
import { formatDateTimeVi } from '../members/fieldFormat';
import { restoreMember } from '../members/trash';
import { restoreEvent } from '../members/eventCorrections';
import { useStoredSettingVersions } from '../members/memberQueries';

const t = vi.recycleBin;

type Deleted<T> = T & { _v: Record<string, string>; deleted: 1 };

/** When it was deleted: the wall-clock part of the stamp of its `deleted` field. */
function deletedAt(record: { _v: Record<string, string> }): string {
  const stamp = record._v.deleted;
  if (!stamp || !isValidHlc(stamp)) return '';
  return formatDateTimeVi(new Date(parseHlc(stamp).millis).toISOString());
}

const newestFirst = <T extends { _v: Record<string, string> }>(records: T[]) =>
  records.sort((a, b) => (b._v.deleted ?? '').localeCompare(a._v.deleted ?? ''));

export function RecycleBinPage() {
  const store = useStore();
  const { db } = store;
  const { message } = AntApp.useApp();
  const members = useLiveQuery(
    async () =>
      newestFirst(
        (await db.members
          .where('[deleted+status]')
          .between([1, ''], [1, '\uffff'])
          .toArray()) as unknown as Deleted<Member>[],
      ),
    [db],
  );
  const organizations = useLiveQuery(
    async () =>
      newestFirst(
        (await db.organizations
          .where('[deleted+type]')
          .between([1, ''], [1, '\uffff'])
          .toArray()) as unknown as Deleted<Organization>[],
      ),
    [db],
  );
  // Events deleted on their own; those deleted with their member come back with it.
  const events = useLiveQuery(async () => {
    const records = (await db.memberEvents
      .where('[deleted+memberId]')
      .between([1, Dexie.minKey], [1, Dexie.maxKey])
      .toArray()) as unknown as Deleted<MemberEvent>[];
    const owners = await db.members.bulkGet([...new Set(records.map((e) => e.memberId))]);
    const live = new Map(owners.filter((m) => m && m.deleted === 0).map((m) => [m!.id, String(m!.fullName)]));
    return newestFirst(records.filter((e) => live.has(e.memberId))).map((e) => ({
      ...e,
      memberName: live.get(e.memberId)!,
    }));
  }, [db]);
  const settings = useStoredSettingVersions();
  const rulesFor = (member: Member) => ({
    probationMonths: resolveSetting(
      SETTINGS.probationMonths,
      settings?.[SETTINGS.probationMonths.key],
      isFullIsoDate(member.joinedOn) ? member.joinedOn : todayIso(),
    ),
  });
  const names = useLiveQuery(async () => {
    const all: StoredRecord[] = await db.organizations.toArray();
    return new Map(all.map((org) => [org.id, { name: String(org.name), deleted: org.deleted === 1 }]));
  }, [db]);
  const orgName = (id: string | null) => {
    const org = id ? names?.get(id) : undefined;
    if (!org) return '';
    return org.deleted ? `${org.name} ${t.deletedSuffix}` : org.name;
  };

  const restore = async (what: () => Promise<unknown>, name: string) => {
    try {
      await what();
      void message.success(t.restored(name));
    } catch (failed) {
      void message.error(`${t.restoreFailed}: ${failed instanceof Error ? failed.message : String(failed)}`);
    }
  };

  const restoreButton = (onClick: () => void, name: string) => (
    <Button size="small" icon={<UndoOutlined />} onClick={onClick} aria-label={`${t.restore} ${name}`}>
      {t.restore}
    </Button>
  );

  return (
    <div>
      <div className="page-header">
        <Typography.Title level={2}>{t.title}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t.intro}
      </Typography.Paragraph>
      <Flex vertical gap={16}>
        <Card size="small" title={t.members} data-testid="bin-members">
          <Table<Deleted<Member>>
            size="small"
            rowKey="id"
            loading={members === undefined}
            dataSource={members ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t.emptyMembers }}
            columns={[
              {
                title: t.columns.name,
                dataIndex: 'fullName',
                render: (name: string, m) => <Link to={`/dang-vien/${m.id}`}>{name}</Link>,
              },
              {
                title: t.columns.birthDate,
                dataIndex: 'birthDate',
                width: 120,
                render: (d: string) => formatDateVi(d),
              },
              {
                title: t.columns.organization,
                dataIndex: 'organizationId',
                render: (id: string) => orgName(id),
              },
              {
                title: t.columns.status,
                dataIndex: 'status',
                width: 130,
                render: (s: Member['status']) => <Tag>{MEMBER_STATUS_LABELS[s]}</Tag>,
              },
              { title: t.columns.deletedAt, key: 'at', width: 150, render: (_, m) => deletedAt(m) },
              {
                title: '',
                key: 'restore',
                width: 130,
                render: (_, m) =>
                  restoreButton(() => void restore(() => restoreMember(store, m.id), m.fullName), m.fullName),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t.organizations} data-testid="bin-organizations">
          <Table<Deleted<Organization>>
            size="small"
            rowKey="id"
            loading={organizations === undefined}
            dataSource={organizations ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t.emptyOrganizations }}
            columns={[
              { title: t.columns.orgName, dataIndex: 'name' },
              {
                title: t.columns.type,
                dataIndex: 'type',
                width: 170,
                render: (type: Organization['type']) => ORG_TYPE_LABELS[type],
              },
              { title: t.columns.parent, dataIndex: 'parentId', render: (id: string | null) => orgName(id) },
              { title: t.columns.deletedAt, key: 'at', width: 150, render: (_, o) => deletedAt(o) },
              {
                title: '',
                key: 'restore',
                width: 130,
                render: (_, o) =>
                  restoreButton(
                    () =>
                      void restore(
                        () => commit(store, [{ table: 'organizations', kind: 'restore', ids: [o.id] }]),
                        o.name,
                      ),
                    o.name,
                  ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t.events} data-testid="bin-events">
          <Table<Deleted<MemberEvent> & { memberName: string }>
            size="small"
            rowKey="id"
            loading={events === undefined}
            dataSource={events ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t.emptyEvents }}
            columns={[
              {
                title: t.eventColumns.member,
                dataIndex: 'memberName',
                render: (name: string, e) => <Link to={`/dang-vien/${e.memberId}`}>{name}</Link>,
              },
              {
                title: t.eventColumns.event,
                dataIndex: 'type',
                render: (type: MemberEvent['type']) => MEMBER_EVENT_TYPE_LABELS[type],
              },
              {
                title: t.eventColumns.date,
                dataIndex: 'date',
                width: 120,
                render: (d: string) => formatDateVi(d),
              },
              { title: t.columns.deletedAt, key: 'at', width: 150, render: (_, e) => deletedAt(e) },
              {
                title: '',
                key: 'restore',
                width: 130,
                render: (_, e) => {
                  const name = `${MEMBER_EVENT_TYPE_LABELS[e.type]} ${formatDateVi(e.date)} ${e.memberName}`;
                  return restoreButton(
                    () =>
                      void restore(
                        () => restoreEvent(store, e.id, (m) => rulesFor(m)),
                        `${MEMBER_EVENT_TYPE_LABELS[e.type]} (${e.memberName})`,
                      ),
                    name,
                  );
                },
              },
            ]}
          />
        </Card>
      </Flex>
    </div>
  );
}
