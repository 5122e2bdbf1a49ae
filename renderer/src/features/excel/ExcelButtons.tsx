/** The Excel entry points on the register and organization pages. */
import { App as AntApp, Button, Dropdown } from 'antd';
import { DownOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { todayIso } from '@shared/domain/dates';
import type { Id, IsoDate, Member, Organization } from '@shared/domain/types';
import type { OrgCounts } from '@shared/domain/orgCounts';
import { MEMBER_EXPORT_COLUMNS, type MemberExportColumn } from '@shared/excel/exportMembers';
import type { SheetModel } from '@shared/excel/workbook';
import { useStore } from '../../app/StoreContext';
import { vi } from '../../i18n/vi';
import { memberListWorkbook, organizationsWorkbook, registerBookWorkbook, type ListScope } from './exportService';
import { saveXlsx } from './saveXlsx';

const t = vi.excel.export;

function useExport() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (build: () => Promise<SheetModel>, name: string) => {
    setBusy(true);
    try {
      if (await saveXlsx([await build()], name)) void message.success(t.done(name));
    } catch (error) {
      void message.error(`${t.failed}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run, message };
}

interface RegisterProps {
  /** The members as the register shows them: filtered and in register order. */
  members: readonly Member[];
  /** The register's chosen columns, in display order, with their titles. */
  columns: readonly { key: string; title: string }[];
  scope: ListScope;
}

export function RegisterExcelButtons({ members, columns, scope }: RegisterProps) {
  const { db } = useStore();
  const navigate = useNavigate();
  const { busy, run, message } = useExport();
  const exportable = columns.filter((c): c is { key: MemberExportColumn; title: string } => c.key in MEMBER_EXPORT_COLUMNS);
  const choose = (key: string) => {
    if (members.length === 0) {
      void message.warning(t.empty);
      return;
    }
    const today = todayIso();
    if (key === 'list')
      void run(() => memberListWorkbook(db, members, exportable, scope, today), t.fileName('danh-sach-dang-vien', today));
    else void run(() => registerBookWorkbook(db, members, scope, today), t.fileName('so-danh-sach-dang-vien-7-HSDV', today));
  };
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => void navigate('/dang-vien/nhap-excel')}>
        {vi.excel.importButton}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'list', label: t.list },
            { key: 'book', label: t.book },
          ],
          onClick: ({ key }) => choose(key),
        }}
      >
        <Button icon={<FileExcelOutlined />} loading={busy} data-testid="register-export">
          {vi.excel.exportButton} <DownOutlined />
        </Button>
      </Dropdown>
    </>
  );
}

interface OrganizationsProps {
  organizations: readonly Organization[] | undefined;
  counts: ReadonlyMap<Id, OrgCounts> | undefined;
  asOf: IsoDate | undefined;
}

export function OrganizationsExcelButton({ organizations, counts, asOf }: OrganizationsProps) {
  const { db } = useStore();
  const { busy, run } = useExport();
  const ready = organizations && counts && asOf;
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      disabled={!ready}
      data-testid="organizations-export"
      title={t.organizations}
      onClick={() =>
        ready && void run(() => organizationsWorkbook(db, organizations, counts, asOf), t.fileName('to-chuc-dang', asOf))
      }
    >
      {vi.excel.exportButton}
    </Button>
  );
}
