import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Empty, Popover, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { compileFilter, subtreeIds, type RegisterRow } from '@shared/reports/register';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { todayIso } from '@shared/domain/dates';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { useSetting } from '../../db/useSetting';
import { RegisterFilters, type RegisterChoice } from './register/RegisterFilters';
import { DEFAULT_COLUMNS, registerColumns, type ColumnKey } from './register/columns';
import { useChosenColumns, useOrganizationTree, useRegisterRows, useTableHeight } from './register/useRegister';

export function MembersPage() {
  const { db } = useStore();
  const navigate = useNavigate();
  const { rows, ready } = useRegisterRows(db);
  const orgs = useOrganizationTree(db);
  const [choice, setChoice] = useState<RegisterChoice>({});
  const [columnKeys, setColumnKeys] = useChosenColumns<ColumnKey>(DEFAULT_COLUMNS);
  const asOf = todayIso();
  const ageBands = useSetting(SETTINGS.ageBands);
  const admissionPeriodBands = useSetting(SETTINGS.admissionPeriodBands);
  const ethnicGroups = useSetting(SETTINGS.ethnicGroups);
  const religions = useSetting(SETTINGS.religions);
  const generalEducation = useSetting(SETTINGS.generalEducation);
  const politicalTheory = useSetting(SETTINGS.politicalTheoryLevels);
  // Typing stays responsive even if a filter pass over 100,000 rows ever takes longer than a frame.
  const deferredChoice = useDeferredValue(choice);

  const organizationIds = useMemo(
    () => (deferredChoice.organizationId ? subtreeIds(deferredChoice.organizationId, orgs.all) : undefined),
    [deferredChoice.organizationId, orgs.all],
  );
  const shown = useMemo(() => {
    const keep = compileFilter({ ...deferredChoice, organizationIds }, { asOf, ageBands, admissionPeriodBands });
    return rows.filter(keep);
  }, [rows, deferredChoice, organizationIds, asOf, ageBands, admissionPeriodBands]);

  const allColumns = useMemo(
    () => registerColumns({ organizationName: orgs.nameOf, ethnicGroups, religions, politicalTheory }),
    [orgs.nameOf, ethnicGroups, religions, politicalTheory],
  );
  const columns = allColumns.filter((c) => c.key === 'fullName' || columnKeys.includes(c.key));
  const height = useTableHeight(330);
  const total = ready ? rows.length : undefined;

  return (
    <div>
      <div className="page-header">
        <div>
          <Typography.Title level={2}>{vi.register.title}</Typography.Title>
          <Typography.Text type="secondary" data-testid="register-count" data-query={deferredChoice.query ?? ''} data-ready={ready}>
            {total === undefined ? vi.register.loading : vi.register.count(formatCount(shown.length), formatCount(total))}
          </Typography.Text>
        </div>
        <Space>
          <Popover
            trigger="click"
            placement="bottomRight"
            content={
              <Checkbox.Group
                style={{ display: 'grid', gap: 6 }}
                value={columnKeys}
                onChange={(keys) => setColumnKeys(keys)}
                options={allColumns.filter((c) => c.key !== 'fullName').map((c) => ({ value: c.key, label: vi.register.columns[c.key] }))}
              />
            }
          >
            <Button icon={<TableOutlined />}>{vi.register.columnsButton}</Button>
          </Popover>
          <Button icon={<DeleteOutlined />} onClick={() => void navigate('/thung-rac')}>
            {vi.register.recycleBin}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/dang-vien/moi')}>
            {vi.register.add}
          </Button>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <RegisterFilters
          choice={choice}
          onChange={setChoice}
          options={{ organizationTree: orgs.tree, ageBands, admissionPeriodBands, ethnicGroups, religions, generalEducation, politicalTheory }}
        />
      </Card>
      <Table<RegisterRow>
        virtual
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: columns.reduce((w, c) => w + (typeof c.width === 'number' ? c.width : 120), 0), y: height }}
        locale={{ emptyText: <Empty description={rows.length || !ready ? vi.register.empty : vi.register.emptyRegister} /> }}
        onRow={(row) => ({ onClick: () => void navigate(`/dang-vien/${row.id}`), style: { cursor: 'pointer' } })}
        data-testid="register-table"
      />
    </div>
  );
}
