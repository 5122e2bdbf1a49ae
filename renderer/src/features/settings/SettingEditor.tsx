/**
 * The drawer that adds a dated version of one setting. The setting's schema is the only judge of
 * the value (through withSettingVersion); a refused value is explained in Vietnamese and nothing
 * is written. A saved version goes through the one write path.
 */
import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { withSettingVersion, type SettingVersion, type StoredSetting } from '@shared/domain/settings';
import { normalizeText } from '@shared/text/vi';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { commit, upsert, type WriteOp } from '../../db/writePath';
import { ISO_FORMAT, fromFormValue, toFormValue } from './formValue';
import { describeSettingError } from './settingErrors';
import type { SettingRow } from './settingRows';
import { acceptsNewCodes, definitionShape } from './valueShape';
import { ValueEditor } from './ValueEditor';
import { VersionHistory } from './VersionHistory';

interface VersionForm {
  effectiveFrom: Dayjs | null;
  source?: string;
  note?: string;
  value: unknown;
}

interface Props {
  row: SettingRow;
  stored: StoredSetting | undefined;
  onClose: () => void;
}

export function SettingEditor({ row, stored, onClose }: Props) {
  const store = useStore();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<VersionForm>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { definition } = row;
  const shape = definitionShape(definition);
  const currentValue = row.current.value;
  const keys = typeof currentValue === 'object' && currentValue !== null ? Object.keys(currentValue) : [];

  const save = async (values: VersionForm) => {
    setError(null);
    const source = normalizeText(values.source ?? '');
    const note = normalizeText(values.note ?? '');
    let record: StoredSetting;
    try {
      const version: SettingVersion = {
        effectiveFrom: (values.effectiveFrom ?? dayjs()).format(ISO_FORMAT),
        value: fromFormValue(shape, values.value),
        ...(source && { source }),
        ...(note && { note }),
      };
      record = withSettingVersion(definition, stored, version);
    } catch (refused) {
      setError(describeSettingError(refused));
      return;
    }
    setSaving(true);
    try {
      // A tombstone from sync would hide the new version: restore it in the same action.
      const existing = await store.db.settings.get(record.id);
      const restore: WriteOp[] =
        existing?.deleted === 1 ? [{ table: 'settings', kind: 'restore', ids: [record.id] }] : [];
      await commit(store, [...restore, upsert('settings', [{ ...record }])]);
    } catch (failed) {
      setError(describeSettingError(failed));
      return;
    } finally {
      setSaving(false);
    }
    void message.success(vi.rules.saved);
    onClose();
  };

  return (
    <Drawer open title={vi.rules.editTitle(definition.label)} size={760} onClose={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{definition.description}</Typography.Paragraph>
      <Typography.Title level={5}>{vi.rules.history}</Typography.Title>
      <VersionHistory history={row.history} />
      {row.ignored > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={vi.rules.ignoredVersions(row.ignored)}
        />
      )}
      <Divider />
      <Typography.Title level={5}>{vi.rules.newVersion}</Typography.Title>
      <Typography.Paragraph type="secondary">{vi.rules.newVersionHint}</Typography.Paragraph>
      <Form<VersionForm>
        form={form}
        name="settingVersion"
        layout="vertical"
        initialValues={{ effectiveFrom: dayjs(), value: toFormValue(shape, currentValue) }}
        // Every value, also the parts of a list row no input shows (codes, "new" marks).
        onFinish={() => void save(form.getFieldsValue(true) as VersionForm)}
        onValuesChange={() => setError(null)}
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="effectiveFrom"
            label={vi.rules.effectiveFrom}
            rules={[{ required: true, message: vi.rules.effectiveFromRequired }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="source" label={vi.rules.source} style={{ flex: 1, minWidth: 260 }}>
            <Input placeholder={vi.rules.sourcePlaceholder} maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={vi.rules.note}>
          <Input maxLength={300} />
        </Form.Item>
        <ValueEditor shape={shape} keys={keys} canAddCodes={acceptsNewCodes(definition)} />
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} />}
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{vi.rules.cancel}</Button>
          <Button type="primary" htmlType="submit" loading={saving} disabled={shape === 'unknown'}>
            {vi.rules.save}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
