/** Tab "Khen thưởng và kỷ luật": the member's award and discipline events, newest first. */
import { Card, Flex, Table, Tag } from 'antd';
import { formatDateVi } from '@shared/domain/dates';
import { DISCIPLINE_FORM_LABELS } from '@shared/domain/labels';
import { sortEvents } from '@shared/domain/lifecycle';
import { vi } from '../../i18n/vi';
import type { StoredEvent } from './memberQueries';

const t = vi.memberFile;

export function awardText(event: Pick<StoredEvent, 'awardName' | 'badgeYears'>): string {
  const badge = event.badgeYears ? t.badge(event.badgeYears) : '';
  return [event.awardName, badge].filter(Boolean).join(' — ');
}

export function MemberAwards({ events }: { events: readonly StoredEvent[] }) {
  const newestFirst = sortEvents(events).reverse();
  const awards = newestFirst.filter((e) => e.type === 'award');
  const discipline = newestFirst.filter((e) => e.type === 'discipline');
  const common = {
    size: 'small' as const,
    pagination: false as const,
    rowKey: 'id',
  };
  const date = {
    title: t.columns.date,
    dataIndex: 'date',
    width: 120,
    render: (d: string) => formatDateVi(d),
  };
  const decision = { title: t.columns.decision, dataIndex: 'decisionNumber', width: 160 };
  const issuedBy = { title: t.columns.issuedBy, dataIndex: 'issuedBy', width: 240 };
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t.awards} data-testid="awards">
        <Table<StoredEvent>
          {...common}
          dataSource={awards}
          locale={{ emptyText: t.noAwards }}
          columns={[
            date,
            {
              title: t.columns.award,
              key: 'award',
              render: (_, e) => (
                <>
                  {awardText(e)} {e.posthumous && <Tag color="default">{t.posthumous}</Tag>}
                </>
              ),
            },
            decision,
            issuedBy,
          ]}
        />
      </Card>
      <Card size="small" title={t.discipline} data-testid="discipline">
        <Table<StoredEvent>
          {...common}
          dataSource={discipline}
          locale={{ emptyText: t.noDiscipline }}
          columns={[
            date,
            {
              title: t.columns.form,
              dataIndex: 'disciplineForm',
              width: 140,
              render: (form?: keyof typeof DISCIPLINE_FORM_LABELS) =>
                form ? DISCIPLINE_FORM_LABELS[form] : '',
            },
            { title: t.columns.reason, dataIndex: 'reason' },
            decision,
            issuedBy,
          ]}
        />
      </Card>
    </Flex>
  );
}
