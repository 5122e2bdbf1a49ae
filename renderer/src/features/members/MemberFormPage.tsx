/**
 * Routes '/dang-vien/moi' (a new member) and '/dang-vien/:id/sua' (an edit of the file).
 */
import { Alert, Button, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { toUpperName } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { MemberForm } from './MemberForm';
import { toFormValues } from './memberFormValues';
import { useMemberEvents, useMemberRecord } from './memberQueries';

const t = vi.memberForm;

function Header({ title, back, hint }: { title: string; back: string; hint?: string }) {
  const navigate = useNavigate();
  return (
    <div>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingInline: 0 }}
        onClick={() => void navigate(back)}
      >
        {back === '/dang-vien' ? t.backToRegister : t.backToFile}
      </Button>
      <Typography.Title level={2}>{title}</Typography.Title>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', maxWidth: 900 }}>
          {hint}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export function MemberCreatePage() {
  return (
    <MemberForm
      header={<Header title={t.createTitle} back="/dang-vien" hint={t.createHint} />}
      initial={{ sex: 'male', ethnicity: '01', religion: 'none' }}
    />
  );
}

export function MemberEditPage() {
  const { id } = useParams();
  const member = useMemberRecord(id);
  const events = useMemberEvents(id);
  if (member === undefined || events === undefined) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (member === null) return <Result status="404" title={t.notFoundTitle} subTitle={t.notFound} />;
  const title = t.editTitle(toUpperName(member.fullName));
  const back = `/dang-vien/${member.id}`;
  if (member.deleted === 1)
    return (
      <div>
        <Header title={title} back={back} />
        <Alert type="warning" showIcon title={t.inRecycleBin} style={{ marginTop: 16 }} />
      </div>
    );
  return (
    <MemberForm
      key={member.id}
      header={<Header title={title} back={back} hint={t.editHint} />}
      initial={toFormValues(member)}
      stored={member}
      events={events}
    />
  );
}
