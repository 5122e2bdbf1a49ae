/** A short Vietnamese summary of a setting's value, for the one-line cell of the rules table. */
import { vi } from '../../i18n/vi';
import { fieldLabel, valueShape } from './valueShape';

/** How many labels of a code list are shown before "…". */
const SHOWN_LABELS = 3;

interface Labelled {
  label: string;
  inactive?: boolean;
}

function codeListSummary(entries: readonly Labelled[]): string {
  const active = entries.filter((entry) => !entry.inactive);
  const shown = active.slice(0, SHOWN_LABELS).map((entry) => entry.label);
  if (active.length > SHOWN_LABELS) shown.push('…');
  const text = vi.rules.summary.entries(active.length, shown.join(', '));
  const inactive = entries.length - active.length;
  return inactive > 0 ? `${text} (${vi.rules.summary.inactiveEntries(inactive)})` : text;
}

export function summarizeValue(value: unknown): string {
  switch (valueShape(value)) {
    case 'integer':
      return String(value);
    case 'numberList':
      return (value as number[]).join(', ');
    case 'codeList':
      return codeListSummary(value as Labelled[]);
    case 'numberBands':
    case 'dateBands':
      return (value as Labelled[]).map((band) => band.label).join(', ');
    case 'integerRecord':
      return Object.entries(value as Record<string, number>)
        .map(([key, n]) => `${fieldLabel(key)}: ${n}`)
        .join('; ');
    case 'unknown':
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0))
        return vi.rules.summary.empty;
      return JSON.stringify(value);
  }
}
