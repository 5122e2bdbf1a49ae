/**
 * "Báo cáo": choose a report, an organization and a date; the A4 sheet shows as it will print;
 * print it, or save it as a PDF (Electron's printToPDF through PlatformApi; a browser prints).
 * The query string (?loai=&to-chuc=&ngay=) opens a report from another screen.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Select, Skeleton, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { formatDateVi, isFullIsoDate, todayIso } from '@shared/domain/dates';
import type { Id, IsoDate } from '@shared/domain/types';
import { foldForSearch } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { getPlatform } from '../../platform';
import { useOrgCounts } from '../organizations/useOrgCounts';
import { useOrganizations } from '../organizations/useOrganizations';
import { useStatistics, useStatisticsData, useStatisticsSettings } from '../statistics/useStatistics';
import { AsOfField, OrgScopeField } from '../statistics/ScopeFields';
import { A4Sheet } from './A4Sheet';
import { MemberFileSheet } from './MemberFileSheet';
import { MemberListSheet } from './MemberListSheet';
import { OrganizationListSheet } from './OrganizationListSheet';
import { StatisticsSheet } from './StatisticsSheet';

const t = vi.reports;
const REPORT_KINDS = ['memberList', 'statistics', 'organizationList', 'memberSheet'] as const;
type ReportKind = (typeof REPORT_KINDS)[number];
/** Document kind in the number: BC báo cáo, DS danh sách, PĐV phiếu. */
const DOC_KIND: Record<ReportKind, string> = {
  memberList: 'DS',
  statistics: 'BC',
  organizationList: 'DS',
  memberSheet: 'PĐV',
};
const FILE_STEM: Record<ReportKind, string> = {
  memberList: 'Danh-sach-dang-vien',
  statistics: 'Bao-cao-thong-ke',
  organizationList: 'Danh-sach-to-chuc-dang',
  memberSheet: 'Phieu-dang-vien',
};
const MAX_MEMBER_OPTIONS = 50;

const isKind = (value: string | null): value is ReportKind => REPORT_KINDS.includes(value as ReportKind);

export function ReportsPage() {
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const index = useOrganizations();
  const data = useStatisticsData();
  const today = todayIso();
  const [kind, setKind] = useState<ReportKind>(() => {
    const asked = params.get('loai');
    return isKind(asked) ? asked : 'memberList';
  });
  const [chosenRoot, setChosenRoot] = useState<Id | undefined>(() => params.get('to-chuc') || undefined);
  const [asOf, setAsOf] = useState<IsoDate>(() => {
    const asked = params.get('ngay');
    return asked && isFullIsoDate(asked) ? asked : today;
  });
  const [number, setNumber] = useState('');
  const [memberId, setMemberId] = useState<Id | undefined>(() => params.get('dang-vien') || undefined);
  const [memberQuery, setMemberQuery] = useState('');
  const [saving, setSaving] = useState(false);
  const rootOrgId = chosenRoot && index?.byId.has(chosenRoot) ? chosenRoot : index?.root?.id;
  const periodFrom = params.get('tu');
  const stats = useStatistics(data, index?.list, {
    asOf,
    rootOrgId,
    period: {
      from:
        periodFrom && isFullIsoDate(periodFrom) && periodFrom <= asOf
          ? periodFrom
          : `${asOf.slice(0, 4)}-01-01`,
      to: asOf,
    },
  });
  const settings = useStatisticsSettings(asOf);
  const counts = useOrgCounts(kind === 'organizationList' ? index?.list : undefined, asOf);
  const rowsById = useMemo(() => new Map((data?.rows ?? []).map((row) => [row.id, row])), [data]);
  const memberOptions = useMemo(() => {
    const folded = foldForSearch(memberQuery);
    const matches = (data?.rows ?? []).filter((row) => !folded || row.searchFolded.includes(folded));
    const chosen = memberId ? rowsById.get(memberId) : undefined;
    const shown = matches.slice(0, MAX_MEMBER_OPTIONS);
    if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
    return shown.map((row) => ({ value: row.id, label: `${row.fullName} (${formatDateVi(row.birthDate)})` }));
  }, [data, memberQuery, memberId, rowsById]);

  if (index && !index.root) return <Empty description={vi.statistics.noOrganizations} />;
  const ward = index?.root;
  const rootName = rootOrgId ? (index?.byId.get(rootOrgId)?.name ?? '') : '';
  const header = ward && {
    committeeName: ward.name,
    number,
    kind: DOC_KIND[kind],
    signedOn: today,
    ...(ward.secretaryId && rowsById.get(ward.secretaryId)
      ? { signerName: rowsById.get(ward.secretaryId)!.fullName }
      : {}),
  };
  const member = memberId ? rowsById.get(memberId) : undefined;
  const ready = Boolean(stats && index && data && header) && (kind !== 'memberSheet' || member);
  const title =
    kind === 'memberSheet'
      ? t.kinds.memberSheet
      : kind === 'statistics'
        ? `${t.kinds.statistics} ${rootName}`
        : `${t.kinds[kind]} ${rootName}`;
  const subtitle =
    kind === 'memberSheet' ? undefined : `(${vi.dashboard.asOf(formatDateVi(asOf)).toLocaleLowerCase('vi')})`;

  const savePdf = async () => {
    setSaving(true);
    try {
      const result = await getPlatform().savePdf({ suggestedName: `${FILE_STEM[kind]}-${asOf}.pdf` });
      if (result.viaPrintDialog) void message.info(t.savedBrowser);
      else if (result.saved) void message.success(t.saved(result.path ?? ''));
    } catch (error) {
      void message.error(`${t.saveFailed}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="report-page" data-testid="reports-page">
      <div className="page-header">
        <Typography.Title level={2}>{t.title}</Typography.Title>
      </div>
      <Card size="small" className="report-controls" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <Flex align="center" gap={8}>
            <label htmlFor="report-kind">
              <Typography.Text strong>{t.kind}</Typography.Text>
            </label>
            <Select<ReportKind>
              id="report-kind"
              aria-label={t.kind}
              style={{ width: 260 }}
              value={kind}
              onChange={setKind}
              options={REPORT_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
            />
          </Flex>
          {kind === 'memberSheet' ? (
            <Flex align="center" gap={8} style={{ minWidth: 340, flex: 1 }}>
              <label htmlFor="report-member">
                <Typography.Text strong>{t.member}</Typography.Text>
              </label>
              <Select<Id>
                id="report-member"
                aria-label={t.member}
                showSearch={{ filterOption: false, onSearch: setMemberQuery }}
                placeholder={t.memberPlaceholder}
                style={{ flex: 1 }}
                value={memberId}
                onChange={setMemberId}
                options={memberOptions}
              />
            </Flex>
          ) : (
            <OrgScopeField
              id="report-org"
              label={t.organization}
              index={index}
              value={rootOrgId}
              onChange={setChosenRoot}
              minWidth={340}
            />
          )}
          {kind === 'memberSheet' ? null : (
            <AsOfField id="report-as-of" label={t.asOf} value={asOf} onChange={setAsOf} />
          )}
          <Flex align="center" gap={8}>
            <label htmlFor="report-number">
              <Typography.Text strong>{t.number}</Typography.Text>
            </label>
            <Input
              id="report-number"
              style={{ width: 90 }}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
          </Flex>
          <Flex gap={8}>
            <Button icon={<PrinterOutlined />} disabled={!ready} onClick={() => void getPlatform().print()}>
              {t.print}
            </Button>
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              disabled={!ready}
              loading={saving}
              onClick={() => void savePdf()}
            >
              {t.savePdf}
            </Button>
          </Flex>
        </Flex>
      </Card>
      <div className="report-preview" aria-label={t.preview}>
        {kind === 'memberSheet' && !member ? (
          <Empty description={t.chooseMember} />
        ) : !ready || !stats || !index || !data || !header ? (
          <Skeleton active paragraph={{ rows: 14 }} style={{ width: '210mm', margin: '0 auto' }} />
        ) : (
          <A4Sheet header={header} title={title} subtitle={subtitle}>
            {kind === 'memberList' ? (
              <MemberListSheet stats={stats} index={index} prepared={data.prepared} today={today} />
            ) : kind === 'statistics' ? (
              <StatisticsSheet stats={stats} orgName={rootName} />
            ) : kind === 'organizationList' ? (
              <OrganizationListSheet
                stats={stats}
                index={index}
                counts={counts?.asOf === asOf ? counts.rolled : undefined}
                categories={settings.codeLists.orgCategories}
                rows={rowsById}
              />
            ) : member ? (
              <MemberFileSheet
                member={member}
                events={data.byMember.get(member.id) ?? []}
                organizations={index.byId}
                codeLists={settings.codeLists}
              />
            ) : null}
          </A4Sheet>
        )}
      </div>
    </div>
  );
}
