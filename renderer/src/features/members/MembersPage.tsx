import { useCallback, useMemo, useState } from 'react';
import { Badge, Button, Card, Checkbox, Flex, Input, Popover, Space, Typography } from 'antd';
import {
  DeleteOutlined,
  FilterOutlined,
  PlusOutlined,
  SearchOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { createIncrementalFilter, subtreeIds } from '@shared/reports/register';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { todayIso } from '@shared/domain/dates';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { useSetting } from '../../db/useSetting';
import { RegisterFilters, type RegisterChoice } from './register/RegisterFilters';
import { RegisterTable } from './register/RegisterTable';
import { DEFAULT_COLUMNS, registerColumns, type ColumnKey } from './register/columns';
import { useChosenColumns, useOrganizationTree, useRegisterRows } from './register/useRegister';
import { RegisterExcelButtons } from '../excel/ExcelButtons';

export function MembersPage() {
  const { db } = useStore();
  const navigate = useNavigate();
  const { rows, ready } = useRegisterRows(db);
  const orgs = useOrganizationTree(db);
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState<RegisterChoice>({});
  // The filter bar is a dozen selects: it mounts when asked for, so the register opens at once.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = Object.values(choice).filter(
    (v) => v !== undefined && !(Array.isArray(v) && v.length === 0),
  ).length;
  const [columnKeys, setColumnKeys] = useChosenColumns<ColumnKey>(DEFAULT_COLUMNS);
  const asOf = todayIso();
  const ageBands = useSetting(SETTINGS.ageBands);
  const admissionPeriodBands = useSetting(SETTINGS.admissionPeriodBands);
  const ethnicGroups = useSetting(SETTINGS.ethnicGroups);
  const religions = useSetting(SETTINGS.religions);
  const generalEducation = useSetting(SETTINGS.generalEducation);
  const politicalTheory = useSetting(SETTINGS.politicalTheoryLevels);
  // Filters the previous result while the user only types more of a query.
  const [filterRows] = useState(createIncrementalFilter);

  const organizationIds = useMemo(
    () => (choice.organizationId ? subtreeIds(choice.organizationId, orgs.all) : undefined),
    [choice.organizationId, orgs.all],
  );
  const shown = useMemo(
    () =>
      filterRows(rows, { ...choice, query, organizationIds }, { asOf, ageBands, admissionPeriodBands }, [
        choice,
        organizationIds,
        asOf,
        ageBands,
        admissionPeriodBands,
      ]),
    [filterRows, rows, choice, query, organizationIds, asOf, ageBands, admissionPeriodBands],
  );

  const allColumns = useMemo(
    () => registerColumns({ organizationName: orgs.nameOf, ethnicGroups, religions, politicalTheory }),
    [orgs.nameOf, ethnicGroups, religions, politicalTheory],
  );
  const columns = useMemo(
    () => allColumns.filter((c) => c.key === 'fullName' || columnKeys.includes(c.key)),
    [allColumns, columnKeys],
  );
  const filterOptions = useMemo(
    () => ({
      organizationTree: orgs.tree,
      ageBands,
      admissionPeriodBands,
      ethnicGroups,
      religions,
      generalEducation,
      politicalTheory,
    }),
    [orgs.tree, ageBands, admissionPeriodBands, ethnicGroups, religions, generalEducation, politicalTheory],
  );
  const total = ready ? rows.length : undefined;
  const openMember = useCallback((id: string) => void navigate(`/dang-vien/${id}`), [navigate]);
  const changeChoice = useCallback((next: RegisterChoice) => {
    setChoice(next);
    if (Object.keys(next).length === 0) setQuery('');
  }, []);

  return (
    <div>
      <div className="page-header">
        <div>
          <Typography.Title level={2}>{vi.register.title}</Typography.Title>
          <Typography.Text
            type="secondary"
            data-testid="register-count"
            data-query={query}
            data-ready={ready}
          >
            {total === undefined
              ? vi.register.loading
              : vi.register.count(formatCount(shown.length), formatCount(total))}
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
                options={allColumns
                  .filter((c) => c.key !== 'fullName')
                  .map((c) => ({ value: c.key, label: vi.register.columns[c.key] }))}
              />
            }
          >
            <Button icon={<TableOutlined />}>{vi.register.columnsButton}</Button>
          </Popover>
          <RegisterExcelButtons
            members={shown}
            columns={columns.map((c) => ({ key: c.key, title: vi.register.columns[c.key] }))}
            scope={{ organizationId: choice.organizationId, total: rows.length }}
          />
          <Button icon={<DeleteOutlined />} onClick={() => void navigate('/thung-rac')}>
            {vi.register.recycleBin}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/dang-vien/moi')}>
            {vi.register.add}
          </Button>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12}>
          <Input
            size="large"
            autoFocus
            allowClear
            prefix={<SearchOutlined />}
            placeholder={vi.register.searchPlaceholder}
            aria-label={vi.register.searchPlaceholder}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="register-search"
          />
          <Badge count={activeFilters} color="#b71c1c">
            <Button
              size="large"
              icon={<FilterOutlined />}
              type={filtersOpen ? 'primary' : 'default'}
              ghost={filtersOpen}
              onClick={() => setFiltersOpen(!filtersOpen)}
            >
              {vi.register.filtersButton}
            </Button>
          </Badge>
        </Flex>
        {filtersOpen && <RegisterFilters choice={choice} onChange={changeChoice} options={filterOptions} />}
      </Card>
      <RegisterTable
        rows={shown}
        columns={columns}
        hasMembers={rows.length > 0 || !ready}
        onOpen={openMember}
        offset={filtersOpen ? 330 : 232}
      />
    </div>
  );
}
