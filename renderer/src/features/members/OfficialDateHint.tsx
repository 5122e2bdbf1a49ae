/**
 * Under the official date: the date the rules expect (ceremony + probation months in force), with a
 * button that fills it in. For a probationary member being edited the box is closed: becoming
 * official is a lifecycle event recorded from the file.
 */
import { Button, Form, Typography } from 'antd';
import { formatDateVi, parseDateVi } from '@shared/domain/dates';
import { suggestedOfficialOn } from '@shared/domain/memberRules';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { vi } from '../../i18n/vi';
import { useSetting } from '../../db/useSetting';

const t = vi.memberForm;

export function OfficialDateHint({ editing, probationary }: { editing: boolean; probationary: boolean }) {
  const form = Form.useFormInstance();
  const joinedText = Form.useWatch<string | undefined>('joinedOn', form);
  const officialText = Form.useWatch<string | undefined>('officialOn', form);
  const joinedOn = joinedText ? parseDateVi(joinedText) : undefined;
  const months = useSetting(
    SETTINGS.probationMonths,
    joinedOn && joinedOn.length === 10 ? joinedOn : undefined,
  );
  if (editing && probationary) return <span>{t.officialProbationaryHelp}</span>;
  const suggested = suggestedOfficialOn(joinedOn, months);
  if (!suggested) return <span>{editing ? '' : t.officialCreateHelp}</span>;
  const shown = formatDateVi(suggested);
  return (
    <span data-testid="official-suggestion">
      {t.officialSuggestion(shown, months)}{' '}
      {officialText !== shown && (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          onClick={() => form.setFields([{ name: 'officialOn', value: shown, errors: [], warnings: [] }])}
        >
          {t.useSuggestion}
        </Button>
      )}
      {!editing && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t.officialCreateHelp}
        </Typography.Text>
      )}
    </span>
  );
}
