/** The editable list of members arriving with a received organization, typed as on the paper list. */
import { Button, Input, Select, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SEX_LABELS } from '@shared/domain/labels';
import type { ReceiptRow } from '@shared/domain/orgReceipt';
import { SEXES } from '@shared/domain/types';
import { vi } from '../../i18n/vi';

const t = vi.organizations.receive;
const c = t.columns;

export interface EditableRow extends ReceiptRow {
  key: string;
}

export const blankRow = (): EditableRow => ({ key: crypto.randomUUID() });

type TextColumn = 'fullName' | 'birthDate' | 'joinedOn' | 'officialOn' | 'partyCardNumber';
const DATE_COLUMNS = new Set<TextColumn>(['birthDate', 'joinedOn', 'officialOn']);

export function ReceiptMembersTable({
  rows,
  onChange,
  invalidRows,
}: {
  rows: EditableRow[];
  onChange: (rows: EditableRow[]) => void;
  invalidRows: ReadonlySet<number>;
}) {
  const update = (key: string, patch: Partial<ReceiptRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const status = (index: number) => (invalidRows.has(index + 1) ? ('error' as const) : undefined);

  const text = (column: TextColumn, width: number) => ({
    title: c[column],
    key: column,
    width,
    render: (_: unknown, row: EditableRow, index: number) => (
      <Input
        size="small"
        value={row[column] ?? ''}
        status={status(index)}
        placeholder={DATE_COLUMNS.has(column) ? 'dd/mm/yyyy' : undefined}
        aria-label={t.cellLabel(c[column], index + 1)}
        onChange={(e) => update(row.key, { [column]: e.target.value })}
      />
    ),
  });

  return (
    <>
      <Table<EditableRow>
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ y: 280 }}
        data-testid="receipt-members"
        columns={[
          { title: c.index, key: 'index', width: 52, align: 'center', render: (_, __, index) => index + 1 },
          text('fullName', 220),
          {
            title: c.sex,
            key: 'sex',
            width: 96,
            render: (_, row, index) => (
              <Select
                size="small"
                value={row.sex || undefined}
                status={status(index)}
                aria-label={t.cellLabel(c.sex, index + 1)}
                options={SEXES.map((sex) => ({ value: sex, label: SEX_LABELS[sex] }))}
                onChange={(sex) => update(row.key, { sex })}
                style={{ width: '100%' }}
              />
            ),
          },
          text('birthDate', 118),
          text('joinedOn', 118),
          text('officialOn', 118),
          text('partyCardNumber', 110),
          {
            title: '',
            key: 'remove',
            width: 44,
            render: (_, row, index) => (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t.removeRow(index + 1)}
                onClick={() =>
                  onChange(rows.length > 1 ? rows.filter((r) => r.key !== row.key) : [blankRow()])
                }
              />
            ),
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange([...rows, blankRow()])}
        style={{ marginTop: 8 }}
      >
        {t.addRow}
      </Button>
    </>
  );
}
