/**
 * "Hợp nhất": choose the receiving organization and the date; the dialog states exactly what will
 * happen (how many members and organizations follow) before the one write.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isWithin, type MergePlan } from '@shared/domain/organizationChanges';
import type { Id, Organization } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { mergeOrganization, previewMerge } from './actions';
import { errorText, useDialogSave } from './errors';
import { DATE_FORMAT, ISO_FORMAT } from './OrgFields';
import { OrgPicker } from './OrgPicker';
import type { OrgIndex } from './useOrganizations';

const t = vi.organizations.merge;

export function MergeModal({
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
  const [date, setDate] = useState<Dayjs | null>(() => dayjs());
  const [preview, setPreview] = useState<{ plan?: MergePlan; error?: string }>({});
  const { saving, run } = useDialogSave(onClose, (error) => setPreview({ error }));
  const isAllowed = useCallback(
    (candidate: Organization) =>
      candidate.id !== org.id && candidate.type !== 'ward' && !isWithin(candidate.id, org.id, index.byId),
    [org, index],
  );

  useEffect(() => {
    if (!target || !date) return;
    let current = true;
    previewMerge(store, org.id, target, date.format(ISO_FORMAT)).then(
      (plan) => current && setPreview({ plan }),
      (failed: unknown) => current && setPreview({ error: errorText(failed) }),
    );
    return () => {
      current = false;
    };
  }, [store, org.id, target, date]);

  const save = async () => {
    if (!target) return setPreview({ error: t.targetRequired });
    if (!date) return setPreview({ error: t.dateRequired });
    await run(async () => {
      const plan = await mergeOrganization(store, org.id, target, date.format(ISO_FORMAT));
      return t.done(org.name, index.byId.get(target)?.name ?? '', plan.memberMoves.length);
    });
  };

  const targetName = target ? (index.byId.get(target)?.name ?? '') : '';
  return (
    <Modal
      open
      title={t.title(org.name)}
      width={680}
      okText={t.confirm}
      okButtonProps={{ danger: true, disabled: !preview.plan }}
      cancelText={vi.organizations.actions.cancel}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t.target} htmlFor="merge-target" required>
          <OrgPicker
            id="merge-target"
            index={index}
            isAllowed={isAllowed}
            value={target}
            onChange={(id) => {
              setPreview({});
              setTarget(id);
            }}
            ariaLabel={t.target}
          />
        </Form.Item>
        <Form.Item label={t.date} htmlFor="merge-date" required>
          <DatePicker
            id="merge-date"
            format={DATE_FORMAT}
            value={date}
            onChange={(value) => {
              setPreview({});
              setDate(value);
            }}
            allowClear={false}
          />
        </Form.Item>
      </Form>
      {preview.plan && (
        <Alert
          type="warning"
          showIcon
          data-testid="merge-summary"
          title={t.summary(
            org.name,
            targetName,
            preview.plan.memberMoves.length,
            preview.plan.childMoves.length,
          )}
        />
      )}
      {preview.error && <Alert type="error" showIcon role="alert" title={preview.error} />}
    </Modal>
  );
}
