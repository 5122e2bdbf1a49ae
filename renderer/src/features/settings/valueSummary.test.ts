import { describe, expect, it } from 'vitest';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { summarizeValue } from './valueSummary';
import { valueShape, type ValueShape } from './valueShape';

const first = (name: keyof typeof SETTINGS) => SETTINGS[name].defaults[0]!.value;

describe('summarizeValue', () => {
  it.each<[string, unknown, string]>([
    ['a number as is', 12, '12'],
    ['a zero', 0, '0'],
    ['a list of numbers joined', [30, 40, 45], '30, 40, 45'],
    ['the ethnic groups by count and first labels', first('ethnicGroups'), '56 mục: Kinh, Tày, Thái, …'],
    ['a short code list without an ellipsis', first('academicTitles'), '2 mục: Phó Giáo sư, Giáo sư'],
    [
      'a code list counting inactive entries apart',
      [
        { code: 'a', label: 'A' },
        { code: 'b', label: 'B', inactive: true },
      ],
      '1 mục: A (1 mục ngừng dùng)',
    ],
    ['age bands by their labels', first('ageBands'), '18–30, 31–40, 41–50, 51–60, Trên 60'],
    [
      'date bands by their labels',
      [
        { label: 'Đến 30/4/1975', to: '1975-05-01' },
        { label: 'Sau đó', from: '1975-05-01' },
      ],
      'Đến 30/4/1975, Sau đó',
    ],
    [
      'an object by its fields with Vietnamese names',
      first('badgeEarlyAward'),
      'Số tháng được xét sớm: 12; Mốc cao (năm tuổi Đảng): 70; Số tháng được xét sớm từ mốc cao: 24; Số tháng được truy tặng sớm: 12',
    ],
    ['an unknown key by the key itself', { extra: 3 }, 'extra: 3'],
    ['an empty list', [], '(trống)'],
    ['nothing', undefined, '(trống)'],
  ])('%s', (_, value, expected) => {
    expect(summarizeValue(value)).toBe(expected);
  });
});

describe('valueShape', () => {
  it.each<[keyof typeof SETTINGS, ValueShape]>([
    ['probationMonths', 'integer'],
    ['badgeMilestones', 'numberList'],
    ['religions', 'codeList'],
    ['orgCategories', 'codeList'],
    ['ageBands', 'numberBands'],
    ['tenureBands', 'numberBands'],
    ['admissionPeriodBands', 'dateBands'],
    ['badgeEarlyAward', 'integerRecord'],
  ])('%s is edited as %s', (name, shape) => {
    expect(valueShape(first(name))).toBe(shape);
  });

  it('every registered setting has a shape the screen can edit', () => {
    for (const definition of Object.values(SETTINGS))
      expect(valueShape(definition.defaults[0]!.value)).not.toBe('unknown');
  });
});
