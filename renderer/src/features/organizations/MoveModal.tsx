/** "Chuyển": the organization goes under another parent; only parents the rules allow can be chosen. */
import { useCallback, useState } from 'react';
import { Alert, Form, Modal, Typography } from 'antd';
import { moveProblem } from '@shared/domain/organizationChanges';
import type { Id, Organization } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { moveOrganization } from './actions';
import { useDialogSave } from './errors';
import { OrgPicker } from './OrgPicker';
import type { OrgIndex } from './useOrganizations';

const t = vi.organizations.move;

export function MoveModal({
  org,
  index,
  onClose,
}: {
  org: Organization;
  index: OrgIndex;
  onClose: () => void;
}) {
  const store = useStore();
  const [target, setTarget] = useState<Id | undefined>();
  const [error, setError] = useState<string | null>(null);
  const { saving, run } = useDialogSave(onClose, setError);
  const isAllowed = useCallback(
    (parent: Organization) => moveProblem(org, parent.id, index.byId) === null,
    [org, index],
  );

  const save = async () => {
    if (!target) {
      setError(t.targetRequired);
      return;
    }
    await run(async () => {
      await moveOrganization(store, org.id, target);
      return t.done(org.name, index.byId.get(target)?.name ?? '');
    });
  };

  return (
    <Modal
      open
      title={t.title(org.name)}
      width={640}
      okText={t.confirm}
      cancelText={vi.organizations.actions.cancel}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t.target} htmlFor="move-target" required>
          <OrgPicker
            id="move-target"
            index={index}
            isAllowed={isAllowed}
            value={target}
            onChange={(id) => {
              setTarget(id);
              setError(null);
            }}
            ariaLabel={t.target}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
