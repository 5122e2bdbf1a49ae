/** "Giải thể": the rules are checked when the dialog opens, so a refusal is explained before any click. */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Modal, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Organization } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { checkDissolve, dissolveOrganization } from './actions';
import { errorText, useDialogSave } from './errors';
import { DATE_FORMAT, ISO_FORMAT } from './OrgFields';

const t = vi.organizations.dissolve;

export function DissolveModal({ org, onClose }: { org: Organization; onClose: () => void }) {
  const store = useStore();
  const [date, setDate] = useState<Dayjs | null>(() => dayjs());
  const [refusal, setRefusal] = useState<string | null | undefined>(undefined);
  const { saving, run } = useDialogSave(onClose, setRefusal);

  useEffect(() => {
    let current = true;
    checkDissolve(store, org.id).then(
      (result) => current && setRefusal(result.ok ? null : result.reason),
      (failed: unknown) => current && setRefusal(errorText(failed)),
    );
    return () => {
      current = false;
    };
  }, [store, org.id]);

  const save = async () => {
    if (!date) return setRefusal(t.dateRequired);
    await run(async () => {
      await dissolveOrganization(store, org.id, date.format(ISO_FORMAT));
      return t.done(org.name);
    });
  };

  return (
    <Modal
      open
      title={t.title(org.name)}
      width={600}
      okText={t.confirm}
      okButtonProps={{ danger: true, disabled: refusal !== null }}
      cancelText={vi.organizations.actions.cancel}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {refusal === undefined && (
        <Spin description={t.checking}>
          <div style={{ height: 48 }} />
        </Spin>
      )}
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
      {refusal === null && (
        <>
          <Alert type="warning" showIcon title={t.confirmText(org.name)} style={{ marginBottom: 16 }} />
          <Form layout="vertical">
            <Form.Item label={t.date} htmlFor="dissolve-date" required>
              <DatePicker
                id="dissolve-date"
                format={DATE_FORMAT}
                value={date}
                onChange={setDate}
                allowClear={false}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
