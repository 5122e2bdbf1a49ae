/**
 * A date typed as on paper: dd/mm/yyyy, or mm/yyyy and yyyy where the file gives no more. The form
 * keeps the text; a readable date is tidied on leaving the box ('1/5/1990' → '01/05/1990'), an
 * unreadable one is kept as typed so the rules can say what is wrong with it.
 */
import { Input } from 'antd';
import { formatDateVi, parseDateVi } from '@shared/domain/dates';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

export function DateTextInput({ id, value, onChange, placeholder = 'dd/mm/yyyy', disabled, ...rest }: Props) {
  return (
    <Input
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      disabled={disabled}
      inputMode="numeric"
      autoComplete="off"
      placeholder={placeholder}
      style={{ width: 150 }}
      maxLength={10}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={() => {
        const iso = value ? parseDateVi(value) : undefined;
        if (iso && formatDateVi(iso) !== value) onChange?.(formatDateVi(iso));
      }}
    />
  );
}

/** The ISO date for a typed text: undefined when empty, the raw text when unreadable. */
export function dateFromText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return parseDateVi(trimmed) ?? trimmed;
}
