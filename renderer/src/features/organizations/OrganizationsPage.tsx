/**
 * "Tổ chức đảng" (routes /to-chuc and /to-chuc/:id): the organization tree on the left, the
 * selected organization on the right, every figure as of the date chosen in the header.
 */
import { useEffect, useMemo, useState } from 'react';
import { Card, DatePicker, Empty, Flex, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { todayIso } from '@shared/domain/dates';
import { isWithin } from '@shared/domain/organizationChanges';
import { leadershipIds, organizationWarnings, type OrgWarningKind } from '@shared/domain/organizationRules';
import { resolveMergedInto } from '@shared/domain/orgCounts';
import { isActiveMemberStatus, type Id } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { OrgCard, type DialogKind } from './OrgCard';
import { OrgDialogs } from './OrgDialogs';
import { OrgTree } from './OrgTree';
import { DATE_FORMAT, ISO_FORMAT } from './OrgFields';
import { useMemberNames, useOrgCounts } from './useOrgCounts';
import { useOrganizations, useOrgThresholds } from './useOrganizations';
import './organizations.css';
import { OrganizationsExcelButton } from '../excel/ExcelButtons';

const t = vi.organizations;
/** Marked in the tree: the size rules. Leadership gaps show on the card (the demo records none). */
const TREE_MARKED: ReadonlySet<OrgWarningKind> = new Set([
  'tooFewFullMembers',
  'grassrootsBranchTooLarge',
  'grassrootsCommitteeTooSmall',
  'committeeTooLarge',
  'committeeNotAllowed',
]);

function useTreeHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return Math.max(320, height - 230);
}

export function OrganizationsPage() {
  const { id: routeId } = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const [asOf, setAsOf] = useState(todayIso);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const index = useOrganizations();
  const counts = useOrgCounts(index?.list, asOf);
  const thresholds = useOrgThresholds(asOf);
  const treeHeight = useTreeHeight();
  const selectedId = routeId ?? index?.root?.id;
  const org = selectedId ? index?.byId.get(selectedId) : undefined;
  const open = (id: Id) => void navigate(`/to-chuc/${id}`);

  const warned = useMemo(() => {
    const marked = new Set<Id>();
    if (!index || !counts) return marked;
    for (const o of index.list) {
      const c = counts.rolled.get(o.id);
      if (
        c &&
        organizationWarnings({ organization: o, counts: c, thresholds }).some((w) => TREE_MARKED.has(w.kind))
      )
        marked.add(o.id);
    }
    return marked;
  }, [index, counts, thresholds]);

  const names = useMemberNames(org ? leadershipIds(org) : []);
  const nameOf = (memberId: Id) => names.get(memberId);
  const warnings = useMemo(() => {
    const c = org && counts?.rolled.get(org.id);
    if (!org || !index || !counts || !c) return [];
    const isEligibleLeader = (memberId: Id) => {
      const state = counts.states.get(memberId);
      if (!state?.organizationId || !isActiveMemberStatus(state.status)) return false;
      return isWithin(
        resolveMergedInto(state.organizationId, index.byId, { asOf: counts.asOf }),
        org.id,
        index.byId,
      );
    };
    return organizationWarnings({
      organization: org,
      counts: c,
      thresholds,
      isEligibleLeader,
      nameOf: (memberId) => names.get(memberId) ?? 'Một đảng viên',
    });
  }, [org, index, counts, thresholds, names]);

  return (
    <div>
      <div className="page-header">
        <Typography.Title level={2}>{t.title}</Typography.Title>
        <Flex align="center" gap={8}>
          <label htmlFor="org-as-of">
            <Typography.Text strong>{t.asOf}</Typography.Text>
          </label>
          <DatePicker
            id="org-as-of"
            format={DATE_FORMAT}
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(value) => value && setAsOf(value.format(ISO_FORMAT))}
          />
          <OrganizationsExcelButton organizations={index?.list} counts={counts?.rolled} asOf={counts?.asOf} />
        </Flex>
      </div>
      {!index ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <div className="org-layout">
          <div className="org-layout-tree">
            <OrgTree
              index={index}
              rolled={counts?.rolled}
              stale={counts?.asOf !== asOf}
              warned={warned}
              selectedId={selectedId}
              onSelect={open}
              height={treeHeight}
            />
          </div>
          <div className="org-layout-card">
            {org ? (
              <OrgCard
                org={org}
                index={index}
                own={counts?.own.get(org.id)}
                rolled={counts?.rolled.get(org.id)}
                asOf={asOf}
                countsAsOf={counts?.asOf}
                warnings={warnings}
                nameOf={nameOf}
                onOpen={open}
                onAction={setDialog}
              />
            ) : (
              <Card>
                <Empty description={selectedId ? t.notFound : t.selectHint} />
              </Card>
            )}
          </div>
        </div>
      )}
      {org && index && dialog && (
        <OrgDialogs
          kind={dialog}
          org={org}
          index={index}
          counts={counts?.rolled.get(org.id)}
          thresholds={thresholds}
          onClose={() => setDialog(null)}
          onCreated={(id) => {
            setDialog(null);
            open(id);
          }}
        />
      )}
    </div>
  );
}
