import { memo } from 'react';
import { Empty } from 'antd';
import type { RegisterRow } from '@shared/reports/register';
import { vi } from '../../../i18n/vi';
import { VirtualGrid, type GridColumn } from '../../../components/VirtualGrid';
import { useTableHeight } from './useRegister';

/**
 * The register's table: only the rows on screen are in the DOM, and an update costs what is on
 * screen, not the 100,000 rows behind it. Memoized, so a keystroke re-renders it only when the
 * filtered rows change.
 */
export const RegisterTable = memo(function RegisterTable({
  rows,
  columns,
  hasMembers,
  onOpen,
  offset,
}: {
  rows: readonly RegisterRow[];
  columns: readonly GridColumn<RegisterRow>[];
  hasMembers: boolean;
  onOpen: (id: string) => void;
  /** Room the page takes above the table, in pixels. */
  offset: number;
}) {
  const height = useTableHeight(offset);
  return (
    <VirtualGrid
      rows={rows}
      columns={columns}
      height={height}
      label={vi.register.title}
      onRowClick={(row) => onOpen(row.id)}
      empty={<Empty description={hasMembers ? vi.register.empty : vi.register.emptyRegister} />}
      testId="register-table"
    />
  );
});
