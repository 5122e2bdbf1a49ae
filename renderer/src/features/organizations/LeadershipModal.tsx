/**
 * "Bí thư, cấp ủy": chosen among the active members of the organization's sub-tree. A committee
 * can have thousands of members (the ward: all of them), so each list shows the best 50 matches of
 * what is typed, searched without diacritics.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Form, Modal, Select, Spin, Typography } from 'antd';
import {
  electsStandingCommittee,
  organizationWarnings,
  type OrgRuleThresholds,
  type OrgWarningKind,
} from '@shared/domain/organizationRules';
import type { OrgCounts } from '@shared/domain/orgCounts';
import { isActiveMemberStatus, type Id, type Member, type Organization } from '@shared/domain/types';
import { formatCount } from '@shared/reports/overview';
import { foldForSearch, sortByVietnameseName } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { saveLeadership } from './actions';
import { errorText } from './errors';
import { membersOf } from './queries';
import { subtreeIds } from './treeData';
import type { OrgIndex } from './useOrganizations';

const t = vi.organizations.leadership;
const SHOWN = 50;
/** The warnings about the leadership itself, shown while it is being chosen. */
const SIZE_WARNINGS = new Set<OrgWarningKind>([
  'committeeTooLarge',
  'committeeNotAllowed',
  'wardCommitteeSize',
  'wardStandingCommitteeSize',
  'tooManyDeputies',
  'standingCommitteeNotAllowed',
]);

interface Candidate {
  id: Id;
  label: string;
  folded: string;
}

function MemberSelect({
  candidates,
  multiple,
  value,
  onChange,
  label,
}: {
  candidates: Candidate[];
  multiple: boolean;
  value: Id[];
  onChange: (ids: Id[]) => void;
  label: string;
}) {
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const folded = foldForSearch(query);
    const chosen = new Set(value);
    const matches = candidates.filter((c) => !chosen.has(c.id) && c.folded.includes(folded)).slice(0, SHOWN);
    return [...candidates.filter((c) => chosen.has(c.id)), ...matches].map((c) => ({
      value: c.id,
      label: c.label,
    }));
  }, [candidates, query, value]);
  return (
    <Select<Id | Id[]>
      aria-label={label}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      placeholder={t.searchPlaceholder}
      options={options}
      value={multiple ? value : value[0]}
      onChange={(next) => {
        setQuery('');
        onChange(next === undefined || next === null ? [] : Array.isArray(next) ? next : [next]);
      }}
      style={{ width: '100%' }}
    />
  );
}

export function LeadershipModal({
  org,
  index,
  counts,
  thresholds,
  onClose,
}: {
  org: Organization;
  index: OrgIndex;
  counts: OrgCounts | undefined;
  thresholds: OrgRuleThresholds;
  onClose: () => void;
}) {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [eligible, setEligible] = useState<Map<Id, string> | undefined>();
  const [secretary, setSecretary] = useState<Id[]>(org.secretaryId ? [org.secretaryId] : []);
  const [deputies, setDeputies] = useState<Id[]>(org.deputySecretaryIds ?? []);
  const [standing, setStanding] = useState<Id[]>(org.standingCommitteeIds ?? []);
  const [committee, setCommittee] = useState<Id[]>(org.committeeMemberIds ?? []);
  const hasStanding = electsStandingCommittee(org.type);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    void membersOf(store.db, subtreeIds(org.id, index)).then((records) => {
      const active = (records as unknown as Member[]).filter((m) => isActiveMemberStatus(m.status));
      if (current)
        setEligible(new Map(sortByVietnameseName(active, (m) => m.fullName).map((m) => [m.id, m.fullName])));
    });
    return () => {
      current = false;
    };
  }, [store, org.id, index]);

  const candidates = useMemo(
    () =>
      [...(eligible ?? new Map<Id, string>())].map(([id, name]) => ({
        id,
        label: name,
        folded: foldForSearch(name),
      })),
    [eligible],
  );
  const leadership = {
    secretaryId: secretary[0],
    deputySecretaryIds: deputies,
    standingCommitteeIds: hasStanding ? standing : [],
    committeeMemberIds: committee,
  };
  const sizeWarnings = counts
    ? organizationWarnings({ organization: { ...org, ...leadership }, counts, thresholds }).filter(
        (w) => SIZE_WARNINGS.has(w.kind),
      )
    : [];

  const save = async () => {
    if (!eligible) return;
    setSaving(true);
    try {
      await saveLeadership(store, org.id, leadership, eligible);
      void message.success(t.saved);
      onClose();
    } catch (failed) {
      setError(errorText(failed));
    } finally {
      setSaving(false);
    }
  };

  const field = (label: string, value: Id[], set: (ids: Id[]) => void, multiple: boolean) => (
    <Form.Item label={label}>
      <MemberSelect
        label={label}
        candidates={candidates}
        multiple={multiple}
        value={value}
        onChange={(ids) => {
          setError(null);
          set(ids);
        }}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t.title(org.name)}
      width={640}
      okText={vi.organizations.actions.save}
      cancelText={vi.organizations.actions.cancel}
      okButtonProps={{ disabled: !eligible }}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      {!eligible ? (
        <Spin description={t.loading}>
          <div style={{ height: 80 }} />
        </Spin>
      ) : (
        <Form layout="vertical">
          {field(t.secretary, secretary, setSecretary, false)}
          {field(t.deputies, deputies, setDeputies, true)}
          {hasStanding && field(t.standing, standing, setStanding, true)}
          {field(hasStanding ? t.committeeOfCommittee : t.committee, committee, setCommittee, true)}
          {eligible.size > SHOWN && (
            <Typography.Text type="secondary">{t.tooMany(SHOWN, formatCount(eligible.size))}</Typography.Text>
          )}
        </Form>
      )}
      {sizeWarnings.map((w) => (
        <Alert key={w.kind} type="warning" showIcon title={w.message} style={{ marginTop: 12 }} />
      ))}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
