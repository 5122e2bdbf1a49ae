/**
 * Route '/dang-vien/:id': a member's file (hồ sơ đảng viên) — the header with photo, status and the
 * lifecycle actions, and the tabs of the paper file plus awards and discipline and the history.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Result, Skeleton, Tabs } from 'antd';
import { ArrowLeftOutlined, UndoOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { currentState } from '@shared/domain/lifecycle';
import { MEMBER_EVENT_TYPE_LABELS } from '@shared/domain/labels';
import { resolveSetting } from '@shared/domain/settings';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { formatDateVi, isFullIsoDate, todayIso } from '@shared/domain/dates';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { LifecycleDialog } from './LifecycleDialog';
import { EventCorrectionDialog } from './EventCorrectionDialog';
import { deleteEvent } from './eventCorrections';
import { MemberAwards } from './MemberAwards';
import { DETAIL_GROUPS, MemberDetails } from './MemberDetails';
import { MemberFileHeader } from './MemberFileHeader';
import { MemberHistory } from './MemberHistory';
import { useLookups } from './fieldFormat';
import {
  useJournal,
  useMemberEvents,
  useMemberRecord,
  useStoredSettingVersions,
  type StoredEvent,
} from './memberQueries';
import type { DialogKind } from './recordEvent';
import { restoreMember } from './trash';
import './members.css';

const t = vi.memberFile;

export function MemberFilePage() {
  const { id } = useParams();
  const store = useStore();
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const member = useMemberRecord(id);
  const events = useMemberEvents(id);
  // The member's creation stamp finds the line of the import that created it (useJournal).
  const journal = useJournal(id, member?._h);
  const settings = useStoredSettingVersions();
  const lookups = useLookups();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [correcting, setCorrecting] = useState<StoredEvent | null>(null);

  // Before the journal: without a member there is no creation stamp, and its history never comes.
  if (member === null)
    return <Result status="404" title={vi.memberForm.notFoundTitle} subTitle={vi.memberForm.notFound} />;
  if (member === undefined || events === undefined || journal === undefined || settings === undefined)
    return <Skeleton active avatar paragraph={{ rows: 10 }} />;

  const start = currentState(member, events).probationStartedOn ?? member.joinedOn;
  const rules = {
    probationMonths: resolveSetting(
      SETTINGS.probationMonths,
      settings[SETTINGS.probationMonths.key],
      isFullIsoDate(start) ? start : todayIso(),
    ),
  };
  const c = t.correction;
  const askDelete = (event: StoredEvent) => {
    const label = MEMBER_EVENT_TYPE_LABELS[event.type];
    void modal.confirm({
      title: c.deleteTitle(label, formatDateVi(event.date)),
      content: c.deleteBody,
      okText: c.deleteOk,
      okButtonProps: { danger: true },
      cancelText: vi.lifecycle.cancel,
      onOk: async () => {
        try {
          await deleteEvent(store, member, events, event.id, rules);
          void message.success(c.deleted);
        } catch (failed) {
          modal.error({ title: c.refused, content: failed instanceof Error ? failed.message : String(failed) });
        }
      },
    });
  };
  const editable = member.deleted === 0;
  const details = (group: keyof typeof DETAIL_GROUPS) => (
    <MemberDetails member={member} fields={DETAIL_GROUPS[group]} lookups={lookups} />
  );

  return (
    <div>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingInline: 0, marginBottom: 8 }}
        onClick={() => void navigate('/dang-vien')}
      >
        {t.backToRegister}
      </Button>
      {member.deleted === 1 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t.inRecycleBin}
          action={
            <Button
              icon={<UndoOutlined />}
              onClick={() =>
                void restoreMember(store, member.id).then(() =>
                  message.success(vi.recycleBin.restored(member.fullName)),
                )
              }
            >
              {vi.recycleBin.restore}
            </Button>
          }
        />
      )}
      <MemberFileHeader
        member={member}
        events={events}
        lookups={lookups}
        rules={rules}
        onAction={setDialog}
      />
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          { key: 'general', label: t.tabs.general, children: details('general') },
          { key: 'party', label: t.tabs.party, children: details('party') },
          { key: 'education', label: t.tabs.education, children: details('education') },
          { key: 'work', label: t.tabs.work, children: details('work') },
          { key: 'awards', label: t.tabs.awards, children: <MemberAwards events={events} /> },
          {
            key: 'history',
            label: t.tabs.history,
            children: (
              <MemberHistory
                events={events}
                journal={journal}
                lookups={lookups}
                {...(editable && { onEdit: setCorrecting, onDelete: askDelete })}
              />
            ),
          },
        ]}
      />
      {dialog && (
        <LifecycleDialog
          key={dialog}
          kind={dialog}
          member={member}
          events={events}
          onClose={() => setDialog(null)}
        />
      )}
      {correcting && (
        <EventCorrectionDialog
          key={correcting.id}
          member={member}
          events={events}
          event={correcting}
          rules={rules}
          onClose={() => setCorrecting(null)}
        />
      )}
    </div>
  );
}
