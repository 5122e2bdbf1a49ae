/**
 * The member form, for a new file and for an edit. On save the draft is cleaned and judged by the
 * shared rules: errors appear under their fields (and in a summary) and nothing is written; warnings
 * appear under their fields and the user confirms before saving. Saving is one commit.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Flex, Form } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { todayIso } from '@shared/domain/dates';
import type { Issue } from '@shared/domain/ruleIssues';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { useOrganizations } from '../organizations/useOrganizations';
import { EducationSection, GeneralSection, PartySection, WorkSection } from './MemberFormSections';
import { FORM_FIELDS, toDraft, type MemberFormValues } from './memberFormValues';
import { currentState } from '@shared/domain/lifecycle';
import { type StoredEvent, type StoredMember, useStoredSettingVersions } from './memberQueries';
import { confirmWarnings } from './confirmWarnings';
import { createMember, updateMember } from './saveMember';
import { validateMember } from './memberValidation';
import './members.css';

const t = vi.memberForm;

function byField(issues: readonly Issue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) map.set(issue.field, [...(map.get(issue.field) ?? []), issue.message]);
  return map;
}

interface Props {
  /** The page's title block; the save and cancel buttons stand beside it and again at the end. */
  header: React.ReactNode;
  initial: MemberFormValues;
  /** The stored member when editing. */
  stored?: StoredMember;
  events?: readonly StoredEvent[];
}

export function MemberForm({ header, initial, stored, events = [] }: Props) {
  const store = useStore();
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const settings = useStoredSettingVersions();
  const orgs = useOrganizations();
  const [errors, setErrors] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = stored !== undefined;

  const showIssues = (found: { errors: Issue[]; warnings: Issue[] }) => {
    const errorMap = byField(found.errors);
    const warningMap = byField(found.warnings);
    form.setFields(
      FORM_FIELDS.map((name) => ({
        name,
        errors: errorMap.get(name) ?? [],
        warnings: warningMap.get(name) ?? [],
      })),
    );
    setErrors(found.errors);
  };

  const save = async () => {
    setFailure(null);
    if (!settings) return;
    const draft = toDraft(form.getFieldsValue(true) as MemberFormValues);
    if (stored) draft.id = stored.id;
    const today = todayIso();
    const result = await validateMember(store.db, {
      draft,
      settings,
      today,
      ...(stored && {
        status: stored.status,
        probationStartedOn: currentState(stored, events).probationStartedOn,
      }),
    });
    showIssues(result);
    if (result.errors.length > 0) {
      const first = result.errors.find((issue) => (FORM_FIELDS as readonly string[]).includes(issue.field));
      if (first) form.scrollToField(first.field, { block: 'center' });
      return;
    }
    if (result.warnings.length > 0 && !(await confirmWarnings(modal, result.warnings))) return;
    setSaving(true);
    try {
      if (stored) {
        const changed = await updateMember(store, stored, draft, events);
        void message.success(changed ? t.saved : t.unchanged);
        void navigate(`/dang-vien/${stored.id}`);
      } else if (result.file) {
        await createMember(store, result.file);
        void message.success(t.created(result.file.member.fullName));
        void navigate(`/dang-vien/${result.file.member.id}`);
      }
    } catch (failed) {
      setFailure(failed instanceof Error ? failed.message : String(failed));
    } finally {
      setSaving(false);
    }
  };

  const buttons = (
    <Flex gap={8}>
      <Button onClick={() => void navigate(stored ? `/dang-vien/${stored.id}` : '/dang-vien')}>
        {t.cancel}
      </Button>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} disabled={!settings}>
        {t.save}
      </Button>
    </Flex>
  );

  return (
    <Form<MemberFormValues>
      form={form}
      name="member"
      layout="vertical"
      initialValues={initial}
      onFinish={() => void save()}
      onValuesChange={(changed: Partial<MemberFormValues>) => {
        // A corrected box loses its old messages; the others keep theirs until the next save.
        const names = Object.keys(changed) as (keyof MemberFormValues)[];
        form.setFields(names.map((name) => ({ name, errors: [], warnings: [] })));
        setErrors((current) =>
          current.filter((issue) => !names.includes(issue.field as keyof MemberFormValues)),
        );
      }}
      scrollToFirstError
    >
      <div className="page-header">
        {header}
        {buttons}
      </div>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t.errorsTitle(errors.length)}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {errors.map((issue) => (
                <li key={`${issue.field}:${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t.saveFailed}
          description={failure}
        />
      )}
      <Flex vertical gap={16}>
        <GeneralSection />
        <PartySection orgs={orgs} editing={editing} probationary={stored?.status === 'probationary'} />
        <EducationSection />
        <WorkSection />
      </Flex>
      <div className="member-form-actions">{buttons}</div>
    </Form>
  );
}
