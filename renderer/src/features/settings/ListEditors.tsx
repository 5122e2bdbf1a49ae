/** Editors for list-shaped values: code lists, number and date bands, lists of numbers. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { vi } from '../../i18n/vi';
import type { CodeRow } from './formValue';

const f = vi.rules.fields;
const rowItem = { style: { marginBottom: 8 } } as const;

function RemoveButton({ onClick }: { onClick: () => void }) {
  return (
    <Button
      type="text"
      icon={<MinusCircleOutlined />}
      aria-label={vi.rules.removeRow}
      title={vi.rules.removeRow}
      onClick={onClick}
    />
  );
}

/**
 * Existing entries keep their code (member records store it): only the label and "Ngừng dùng"
 * change. Entries added in this edit get a code input and may be removed again before saving.
 */
export function CodeListEditor({ canAdd }: { canAdd: boolean }) {
  const form = Form.useFormInstance();
  return (
    <>
      <Typography.Paragraph type="secondary">{vi.rules.codeLocked}</Typography.Paragraph>
      <Form.List name="value">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }, index) => {
              const row = form.getFieldValue(['value', name]) as CodeRow | undefined;
              return (
                <Flex key={key} gap={8} align="baseline" data-testid="code-row">
                  {row?.isNew ? (
                    <Form.Item name={[name, 'code']} {...rowItem}>
                      <Input
                        aria-label={`${f.code} ${index + 1}`}
                        placeholder={vi.rules.newCodePlaceholder}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                  ) : (
                    <Typography.Text code style={{ width: 140, flex: 'none' }} title={vi.rules.codeLocked}>
                      {row?.code}
                    </Typography.Text>
                  )}
                  <Form.Item name={[name, 'label']} {...rowItem} style={{ ...rowItem.style, flex: 1 }}>
                    <Input aria-label={`${f.label} ${index + 1}`} />
                  </Form.Item>
                  {row?.group && <Tag title={f.group}>{row.group}</Tag>}
                  {row?.isNew ? (
                    <RemoveButton onClick={() => remove(name)} />
                  ) : (
                    <Form.Item name={[name, 'inactive']} valuePropName="checked" {...rowItem}>
                      <Checkbox>{vi.rules.inactive}</Checkbox>
                    </Form.Item>
                  )}
                </Flex>
              );
            })}
            {canAdd && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', label: '', isNew: true })}
              >
                {vi.rules.addEntry}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}

/** Bands: a label and two optional bounds, "from" included and "to" excluded. */
export function BandsEditor({ dates }: { dates: boolean }) {
  const bound = (label: string) =>
    dates ? (
      <DatePicker
        format="DD/MM/YYYY"
        aria-label={label}
        placeholder={vi.rules.openBound}
        style={{ width: 190 }}
      />
    ) : (
      <InputNumber aria-label={label} placeholder={vi.rules.openBound} style={{ width: 190 }} />
    );
  return (
    <Form.List name="value">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }, index) => (
            <Flex key={key} gap={8} align="baseline">
              <Form.Item name={[name, 'label']} {...rowItem} style={{ ...rowItem.style, flex: 1 }}>
                <Input aria-label={`${f.label} ${index + 1}`} placeholder={f.label} />
              </Form.Item>
              <Form.Item name={[name, 'from']} {...rowItem}>
                {bound(`${f.from} ${index + 1}`)}
              </Form.Item>
              <Form.Item name={[name, 'to']} {...rowItem}>
                {bound(`${f.to} ${index + 1}`)}
              </Form.Item>
              <RemoveButton onClick={() => remove(name)} />
            </Flex>
          ))}
          <Typography.Paragraph type="secondary">{vi.rules.bandsHint}</Typography.Paragraph>
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ label: '', from: null, to: null })}
          >
            {vi.rules.addRow}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function NumberListEditor() {
  return (
    <Form.List name="value">
      {(fields, { add, remove }) => (
        <>
          <Flex gap={8} wrap>
            {fields.map(({ key, name }, index) => (
              <Flex key={key} gap={0} align="baseline">
                <Form.Item name={name} {...rowItem}>
                  <InputNumber aria-label={`${f.number} ${index + 1}`} style={{ width: 90 }} />
                </Form.Item>
                <RemoveButton onClick={() => remove(name)} />
              </Flex>
            ))}
          </Flex>
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(null)}>
            {vi.rules.addRow}
          </Button>
        </>
      )}
    </Form.List>
  );
}
