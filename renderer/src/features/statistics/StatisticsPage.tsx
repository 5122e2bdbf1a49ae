/**
 * "Thống kê": the figures of the ward or of one organization with its sub-tree, as of a date, with
 * the changes over a period. Every count opens the list behind it.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Skeleton,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { compareIsoDates, formatDateVi, todayIso } from '@shared/domain/dates';
import type { Id, IsoDate, Organization } from '@shared/domain/types';
import { MEMBER_BREAKDOWNS, type Figure, type Statistics } from '@shared/reports/statistics';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';
import { DATE_FORMAT, ISO_FORMAT } from '../organizations/OrgFields';
import { useOrganizations } from '../organizations/useOrganizations';
import { BreakdownCard, CountLink } from './BreakdownCard';
import { FigureDrawer, type OpenFigure } from './FigureDrawer';
import { statesOn } from '../reports/reportData';
import { useStatistics, useStatisticsData, useStatisticsSettings } from './useStatistics';
import { AsOfField, OrgScopeField } from './ScopeFields';
import './statistics.css';

const t = vi.statistics;

/** Breakdowns whose long lists are shown without a chart. */
const TABLE_ONLY = new Set(['ethnicity', 'religion']);

function MemberSection({ stats, onOpen }: { stats: Statistics; onOpen: (figure: Figure) => void }) {
  return (
    <div className="stats-grid">
      {MEMBER_BREAKDOWNS.map((breakdown) => (
        <BreakdownCard
          key={breakdown}
          testId={`stats-${breakdown}`}
          title={t.breakdowns[breakdown]}
          figures={stats.members[breakdown]}
          total={breakdown === 'academicTitle' ? undefined : stats.total.count}
          chart={!TABLE_ONLY.has(breakdown)}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
}

export function StatisticsPage() {
  const navigate = useNavigate();
  const index = useOrganizations();
  const data = useStatisticsData();
  const [asOf, setAsOf] = useState<IsoDate>(todayIso);
  const [chosenRoot, setChosenRoot] = useState<Id | undefined>();
  const [period, setPeriod] = useState<{ from: IsoDate; to: IsoDate }>(() => ({
    from: `${todayIso().slice(0, 4)}-01-01`,
    to: todayIso(),
  }));
  const [open, setOpen] = useState<OpenFigure | undefined>();
  const rootOrgId = chosenRoot ?? index?.root?.id;
  const periodValid = compareIsoDates(period.from, period.to) <= 0;
  const stats = useStatistics(data, index?.list, {
    asOf,
    rootOrgId,
    period: periodValid ? period : { from: period.to, to: period.to },
  });
  const settings = useStatisticsSettings(asOf);
  const rowsById = useMemo(() => new Map((data?.rows ?? []).map((row) => [row.id, row])), [data]);
  const openMembers = (figure: Figure) => setOpen({ figure, kind: 'members' });
  const openOrganizations = (figure: Figure) => setOpen({ figure, kind: 'organizations' });

  if (index && !index.root) return <Empty description={t.noOrganizations} />;
  const rootName = rootOrgId ? (index?.byId.get(rootOrgId)?.name ?? '') : '';
  return (
    <div data-testid="statistics-page">
      <div className="page-header">
        <Typography.Title level={2}>{t.title}</Typography.Title>
        <Button
          icon={<PrinterOutlined />}
          disabled={!rootOrgId}
          onClick={() =>
            void navigate(
              `/bao-cao?loai=statistics&to-chuc=${rootOrgId ?? ''}&ngay=${asOf}&tu=${period.from}`,
            )
          }
        >
          {t.printReport}
        </Button>
      </div>
      <Card size="small" className="stats-controls">
        <Flex wrap gap={16} align="center">
          <OrgScopeField
            id="stats-org"
            label={t.organization}
            index={index}
            value={rootOrgId}
            onChange={setChosenRoot}
            minWidth={360}
          />
          <AsOfField id="stats-as-of" label={t.asOf} value={asOf} onChange={setAsOf} />
          <Flex align="center" gap={8}>
            <Typography.Text strong>{t.period}</Typography.Text>
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              allowClear={false}
              aria-label={t.period}
              value={[dayjs(period.from), dayjs(period.to)]}
              onChange={(values) => {
                const [from, to] = values ?? [];
                if (from && to) setPeriod({ from: from.format(ISO_FORMAT), to: to.format(ISO_FORMAT) });
              }}
            />
          </Flex>
        </Flex>
      </Card>
      {!periodValid ? (
        <Alert type="error" showIcon title={t.periodInvalid} style={{ marginBottom: 16 }} />
      ) : null}
      {!stats ? (
        <Spin description={t.loading}>
          <Skeleton active paragraph={{ rows: 12 }} />
        </Spin>
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="stats-scope">
            {`${rootName} — ${vi.dashboard.asOf(formatDateVi(stats.asOf))}`}
          </Typography.Paragraph>
          <Row gutter={[16, 16]} className="stats-summary">
            <Col xs={12} lg={6}>
              <Card size="small" data-testid="stats-total">
                <Statistic
                  title={t.totalMembers}
                  valueRender={() => <CountLink large figure={stats.total} onOpen={openMembers} />}
                />
              </Card>
            </Col>
            {stats.members.status.map((figure) => (
              <Col xs={12} lg={4} key={figure.key}>
                <Card size="small">
                  <Statistic
                    title={figure.label}
                    valueRender={() => <CountLink large figure={figure} onOpen={openMembers} />}
                  />
                </Card>
              </Col>
            ))}
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t.temporary}
                  valueRender={() => <CountLink large figure={stats.temporary} onOpen={openMembers} />}
                />
              </Card>
            </Col>
          </Row>
          <Typography.Title level={4}>{t.changesSection}</Typography.Title>
          <BreakdownCard
            testId="stats-changes"
            title={t.changesTitle(formatDateVi(stats.changes.from), formatDateVi(stats.changes.to))}
            figures={stats.changes.figures}
            onOpen={openMembers}
          />
          <Typography.Title level={4}>{t.membersSection}</Typography.Title>
          <MemberSection stats={stats} onOpen={openMembers} />
          <Typography.Title level={4}>{t.orgSection}</Typography.Title>
          <div className="stats-grid">
            <BreakdownCard
              testId="stats-org-type"
              title={`${t.orgByType} (${formatCount(stats.organizations.total.count)})`}
              figures={stats.organizations.byType}
              total={stats.organizations.total.count}
              onOpen={openOrganizations}
            />
            <BreakdownCard
              testId="stats-org-category"
              title={t.orgByCategory}
              figures={stats.organizations.byCategory}
              total={stats.organizations.total.count}
              onOpen={openOrganizations}
            />
            <BreakdownCard
              testId="stats-small-branches"
              title={t.smallBranches(settings.branchMinFullMembers ?? 3)}
              figures={[stats.organizations.smallBranches]}
              onOpen={openOrganizations}
              chart={false}
            />
          </div>
        </>
      )}
      <FigureDrawer
        open={open}
        onClose={() => setOpen(undefined)}
        rows={rowsById}
        organizations={index?.byId ?? new Map<Id, Organization>()}
        organizationOf={(row) =>
          data
            ? statesOn(data.prepared, [row.id], asOf, todayIso()).get(row.id)?.state.organizationId
            : undefined
        }
      />
    </div>
  );
}
