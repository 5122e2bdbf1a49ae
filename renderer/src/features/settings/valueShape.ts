/**
 * The shape of a setting's value decides how it is summarized and which editor edits it. Settings
 * carry no UI hints, so the shape is read from the value itself (the first default, which every
 * definition has and which its schema accepts).
 */
import type { SettingDefinition } from '@shared/domain/settings';
import { vi } from '../../i18n/vi';

export type ValueShape =
  'integer' | 'numberList' | 'codeList' | 'numberBands' | 'dateBands' | 'integerRecord' | 'unknown';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOptional = (value: unknown, type: 'number' | 'string') =>
  value === undefined || typeof value === type;

function arrayShape(items: readonly unknown[]): ValueShape {
  if (items.length === 0) return 'unknown';
  if (items.every((item) => typeof item === 'number')) return 'numberList';
  if (!items.every(isObject) || !items.every((item) => typeof item.label === 'string')) return 'unknown';
  if (items.every((item) => typeof item.code === 'string')) return 'codeList';
  if (items.every((item) => isOptional(item.from, 'number') && isOptional(item.to, 'number')))
    return 'numberBands';
  if (items.every((item) => isOptional(item.from, 'string') && isOptional(item.to, 'string')))
    return 'dateBands';
  return 'unknown';
}

export function valueShape(value: unknown): ValueShape {
  if (typeof value === 'number') return 'integer';
  if (Array.isArray(value)) return arrayShape(value);
  if (
    isObject(value) &&
    Object.keys(value).length > 0 &&
    Object.values(value).every((v) => typeof v === 'number')
  ) {
    return 'integerRecord';
  }
  return 'unknown';
}

export function definitionShape(definition: SettingDefinition<unknown>): ValueShape {
  return valueShape(definition.defaults[0]?.value);
}

/**
 * Whether the office may add entries with new codes. Some lists have fixed codes (organization
 * categories are an enum in code); the schema is asked rather than a list of keys kept here.
 */
export function acceptsNewCodes(definition: SettingDefinition<unknown>): boolean {
  const current = definition.defaults[0]?.value;
  if (!Array.isArray(current)) return false;
  return definition.schema.safeParse([...(current as unknown[]), { code: 'new-code-probe', label: 'probe' }])
    .success;
}

/** The Vietnamese label of a field of a setting's value (an object key), or the key itself. */
export function fieldLabel(key: string): string {
  const labels: Readonly<Record<string, string>> = vi.rules.fields;
  return labels[key] ?? key;
}
