import { describe, expect, it } from 'vitest';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { fromFormValue, toFormValue } from './formValue';
import { valueShape } from './valueShape';

describe('form values', () => {
  it.each(Object.entries(SETTINGS))('%s comes back unchanged from an untouched form', (_, definition) => {
    const value = definition.defaults[0]!.value;
    const shape = valueShape(value);
    expect(fromFormValue(shape, toFormValue(shape, value))).toEqual(value);
  });

  it('keeps the code of an existing entry, trims a new one and drops the "new" mark', () => {
    const rows = [
      { code: 'none', label: '  Không ', inactive: false },
      { code: ' caoDai2 ', label: 'Cao Đài 2', isNew: true },
    ];
    expect(fromFormValue('codeList', rows)).toEqual([
      { code: 'none', label: 'Không' },
      { code: 'caoDai2', label: 'Cao Đài 2' },
    ]);
  });

  it('leaves an empty number empty, so the schema reports it', () => {
    expect(fromFormValue('integer', null)).toBeNull();
    expect(fromFormValue('integerRecord', { months: null })).toEqual({ months: null });
  });
});
