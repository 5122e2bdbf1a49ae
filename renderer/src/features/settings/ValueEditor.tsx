/** The value part of the "new version" form, chosen by the shape of the setting's value. */
import { Form, InputNumber, Typography } from 'antd';
import { vi } from '../../i18n/vi';
import { BandsEditor, CodeListEditor, NumberListEditor } from './ListEditors';
import { fieldLabel, type ValueShape } from './valueShape';

interface Props {
  shape: ValueShape;
  /** The keys of an object value (integerRecord), in display order. */
  keys: readonly string[];
  canAddCodes: boolean;
}

export function ValueEditor({ shape, keys, canAddCodes }: Props) {
  switch (shape) {
    case 'integer':
      return (
        <Form.Item name="value" label={vi.rules.value}>
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
      );
    case 'integerRecord':
      return (
        <>
          {keys.map((key) => (
            <Form.Item key={key} name={['value', key]} label={fieldLabel(key)}>
              <InputNumber style={{ width: 160 }} />
            </Form.Item>
          ))}
        </>
      );
    case 'numberList':
      return (
        <Form.Item label={vi.rules.value}>
          <NumberListEditor />
        </Form.Item>
      );
    case 'codeList':
      return <CodeListEditor canAdd={canAddCodes} />;
    case 'numberBands':
    case 'dateBands':
      return <BandsEditor dates={shape === 'dateBands'} />;
    case 'unknown':
      return <Typography.Paragraph type="warning">{vi.rules.notEditable}</Typography.Paragraph>;
  }
}
