import { memo } from 'react';
import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RegisterRow } from '@shared/reports/register';
import { vi } from '../../../i18n/vi';
import { useTableHeight } from './useRegister';

/**
 * The register's virtual table (only the rows on screen are in the DOM). Memoized, so a keystroke
 * re-renders it once, when the filtered rows change, and not for the keystroke itself.
 */
export const RegisterTable = memo(function RegisterTable({
  rows,
  columns,
  hasMembers,
  onOpen,
  offset,
}: {
  rows: readonly RegisterRow[];
  columns: ColumnsType<RegisterRow>;
  hasMembers: boolean;
  onOpen: (id: string) => void;
  /** Room the page takes above the table, in pixels. */
  offset: number;
}) {
  const height = useTableHeight(offset);
  const width = columns.reduce((w, c) => w + (typeof c.width === 'number' ? c.width : 120), 0);
  return (
    <Table<RegisterRow>
      virtual
      size="small"
      bordered
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: width, y: height }}
      locale={{ emptyText: <Empty description={hasMembers ? vi.register.empty : vi.register.emptyRegister} /> }}
      onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
      data-testid="register-table"
    />
  );
});
