import { describe, expect, it } from 'vitest';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { withSettingVersion, type SettingDefinition } from '@shared/domain/settings';
import { describeSettingError } from './settingErrors';

/** The message shown when saving `value` as a new version of `definition`. */
function refusal(definition: SettingDefinition<unknown>, value: unknown): string {
  try {
    withSettingVersion(definition, undefined, { effectiveFrom: '2026-01-01', value });
  } catch (error) {
    return describeSettingError(error);
  }
  throw new Error('the value was accepted');
}

const def = (name: keyof typeof SETTINGS) => SETTINGS[name] as SettingDefinition<unknown>;

describe('describeSettingError', () => {
  it.each<[string, SettingDefinition<unknown>, unknown, string]>([
    ['a number below the minimum', def('probationMonths'), 0, 'Giá trị không hợp lệ: phải từ 1 trở lên.'],
    ['a number above the maximum', def('probationMonths'), 40, 'Giá trị không hợp lệ: phải không quá 36.'],
    ['an empty number', def('probationMonths'), null, 'Giá trị không hợp lệ: chưa nhập giá trị.'],
    ['a fraction', def('probationMonths'), 1.5, 'Giá trị không hợp lệ: phải là số nguyên.'],
    [
      'a milestone that is not positive',
      def('badgeMilestones'),
      [30, 0],
      'Giá trị không hợp lệ: dòng 2: phải lớn hơn 0.',
    ],
    ['an empty list', def('badgeMilestones'), [], 'Giá trị không hợp lệ: danh sách cần ít nhất 1 mục.'],
    [
      'an empty label',
      def('religions'),
      [
        { code: 'none', label: 'Không' },
        { code: 'x', label: '' },
      ],
      'Giá trị không hợp lệ: dòng 2, ô "Tên": không được để trống.',
    ],
    [
      'a duplicate code',
      def('religions'),
      [
        { code: 'none', label: 'Không' },
        { code: 'none', label: 'Khác' },
      ],
      'Giá trị không hợp lệ: mỗi mã chỉ được dùng một lần.',
    ],
    [
      'a code outside a fixed list',
      def('orgCategories'),
      [{ code: 'zzz', label: 'Mới' }],
      'Giá trị không hợp lệ: dòng 1, ô "Mã": không thuộc các giá trị được phép.',
    ],
    [
      'a field of an object',
      def('badgeEarlyAward'),
      { months: -1, seniorFromYears: 70, seniorMonths: 24, posthumousMonths: 12 },
      'Giá trị không hợp lệ: ô "Số tháng được xét sớm": phải từ 0 trở lên.',
    ],
  ])('%s', (_, definition, value, expected) => {
    expect(refusal(definition, value)).toBe(expected);
  });

  it('explains an error that is not a validation error with its own message', () => {
    expect(describeSettingError(new Error('Ổ đĩa đầy.'))).toBe('Không lưu được quy định: Ổ đĩa đầy.');
  });
});
