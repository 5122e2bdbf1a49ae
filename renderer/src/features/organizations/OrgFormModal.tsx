/** "Thêm tổ chức" under the selected organization, and "Sửa" of the selected one. */
import { useState } from 'react';
import { Alert, App as AntApp, Form, Modal } from 'antd';
import { canSitUnder, childTypesOf } from '@shared/domain/organizationChanges';
import { ORG_TYPES, isGrassrootsType, type Organization, type OrgType } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { nextSortOrder, saveOrganization } from './actions';
import {
  DEFAULT_TERM,
  fromFormValues,
  OrgFields,
  syncGrassroots,
  toFormValues,
  type OrgFormValues,
} from './OrgFields';
import { errorText } from './errors';
import type { OrgIndex } from './useOrganizations';

const t = vi.organizations;

type Props = { index: OrgIndex; onClose: () => void; onSaved: (id: string) => void } & (
  { mode: 'create'; parent: Organization } | { mode: 'edit'; org: Organization }
);

function typesFor(props: Props): OrgType[] {
  if (props.mode === 'create') return childTypesOf(props.parent.type);
  const { org, index } = props;
  const parent = org.parentId ? index.byId.get(org.parentId) : undefined;
  if (!parent) return [org.type];
  return ORG_TYPES.filter((type) => type === org.type || canSitUnder(type, parent.type));
}

/** A chi bộ where one may sit (most new organizations are branches), otherwise the first allowed type. */
export function defaultChildType(types: readonly OrgType[]): OrgType {
  return types.includes('branch') ? 'branch' : (types[0] ?? 'branch');
}

export function newOrganization(parent: Organization, type: OrgType, sortOrder: number): Organization {
  return {
    id: crypto.randomUUID(),
    name: '',
    type,
    category: parent.type === 'ward' ? 'residentialGroup' : parent.category,
    isGrassroots: isGrassrootsType(type),
    parentId: parent.id,
    origin: 'founded',
    status: 'active',
    term: DEFAULT_TERM,
    sortOrder,
  };
}

export function OrgFormModal(props: Props) {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const types = typesFor(props);
  const [base] = useState(() =>
    props.mode === 'create'
      ? newOrganization(
          props.parent,
          defaultChildType(types),
          nextSortOrder(props.parent.id, props.index.byId),
        )
      : props.org,
  );
  const [initial] = useState(() => toFormValues(base));

  const save = async (values: OrgFormValues) => {
    setError(null);
    setSaving(true);
    try {
      const org = fromFormValues(values, base);
      const { changed } = await saveOrganization(store, org);
      if (props.mode === 'create') void message.success(t.form.created(org.name));
      else void message.success(changed ? t.form.saved : t.form.unchanged);
      props.onSaved(org.id);
    } catch (failed) {
      setError(errorText(failed));
    } finally {
      setSaving(false);
    }
  };

  const title =
    props.mode === 'create' ? t.form.createTitle(props.parent.name) : t.form.editTitle(props.org.name);
  return (
    <Modal
      open
      title={title}
      width={760}
      okText={t.actions.save}
      cancelText={t.actions.cancel}
      confirmLoading={saving}
      okButtonProps={{ disabled: types.length === 0 }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {types.length === 0 && props.mode === 'create' ? (
        <Alert type="info" showIcon title={t.form.noChildTypes(props.parent.name)} />
      ) : (
        <Form<OrgFormValues>
          form={form}
          layout="vertical"
          name="organization"
          initialValues={initial}
          onValuesChange={(changed: Partial<OrgFormValues>) => {
            setError(null);
            syncGrassroots(form, changed);
          }}
          onFinish={(values) => void save(values)}
        >
          <OrgFields typeOptions={types} showOrigin />
        </Form>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
