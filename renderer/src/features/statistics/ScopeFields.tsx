/**
 * The two choices that set what a statistics screen or a report counts: the organization (with
 * everything under it) and the date the counts are "as of". Both screens show them the same way.
 */
import { DatePicker, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Id, IsoDate } from '@shared/domain/types';
import { DATE_FORMAT, ISO_FORMAT } from '../organizations/OrgFields';
import { OrgPicker } from '../organizations/OrgPicker';
import type { OrgIndex } from '../organizations/useOrganizations';

const allowAll = () => true;

export function OrgScopeField({
  id,
  label,
  index,
  value,
  onChange,
  minWidth,
}: {
  id: string;
  label: string;
  index: OrgIndex | undefined;
  value: Id | undefined;
  onChange: (id: Id) => void;
  minWidth: number;
}) {
  return (
    <Flex align="center" gap={8} style={{ minWidth, flex: 1 }}>
      <label htmlFor={id}>
        <Typography.Text strong>{label}</Typography.Text>
      </label>
      {index ? (
        <OrgPicker id={id} index={index} isAllowed={allowAll} value={value} onChange={onChange} ariaLabel={label} />
      ) : null}
    </Flex>
  );
}

export function AsOfField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: IsoDate;
  onChange: (date: IsoDate) => void;
}) {
  return (
    <Flex align="center" gap={8}>
      <label htmlFor={id}>
        <Typography.Text strong>{label}</Typography.Text>
      </label>
      <DatePicker
        id={id}
        format={DATE_FORMAT}
        allowClear={false}
        value={dayjs(value)}
        onChange={(next) => next && onChange(next.format(ISO_FORMAT))}
      />
    </Flex>
  );
}
