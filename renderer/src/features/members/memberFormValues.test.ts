import { describe, expect, it } from 'vitest';
import { makeMember } from '../../../../tests/fixtures/records';
import { FORM_FIELDS, toDraft, toFormValues } from './memberFormValues';

describe('between a member and the form', () => {
  it('shows dates as typed on paper and keeps partial ones partial', () => {
    const values = toFormValues(
      makeMember({ birthDate: '1945', joinedOn: '1965-04', officialOn: '1966-04-30' }),
    );
    expect(values).toMatchObject({ birthDate: '1945', joinedOn: '04/1965', officialOn: '30/04/1966' });
  });

  it('reads typed dates back, keeps an unreadable one for the rules, and cleans the text', () => {
    const draft = toDraft({
      fullName: ' Lê  Văn Tám ',
      birthDate: '1/5/1945',
      joinedOn: '31/02/1965',
      officialOn: '',
      partyCardNumber: '1234 5678',
    });
    expect(draft).toMatchObject({
      fullName: 'Lê Văn Tám',
      birthDate: '1945-05-01',
      joinedOn: '31/02/1965',
      partyCardNumber: '12345678',
    });
    expect(draft.officialOn).toBeUndefined();
  });

  it('carries every form field, emptied ones as undefined, and nothing the form does not show', () => {
    const draft = toDraft({ fullName: 'A B' });
    expect(Object.keys(draft).sort()).toEqual([...FORM_FIELDS].sort());
    expect('status' in draft || 'photo' in draft || 'temporaryOrganizationId' in draft).toBe(false);
    expect(draft.retired).toBeUndefined();
  });
});
