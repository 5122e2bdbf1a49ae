/** The Excel import wizard and the export buttons (added to `vi` as `vi.excel`). */
export const excel = {
  importButton: 'Nhập từ Excel',
  exportButton: 'Xuất Excel',
  import: {
    title: 'Nhập danh sách đảng viên từ Excel',
    intro:
      'Chọn tệp .xlsx danh sách đảng viên như văn phòng vẫn lưu: phần mềm tự tìm dòng tiêu đề, bỏ qua các dòng tên đơn vị phía trên, dòng tổng cộng và phần chữ ký phía dưới.',
    back: 'Quay lại sổ đảng viên',
    steps: { file: 'Chọn tệp', mapping: 'Ghép cột', preview: 'Xem trước', done: 'Kết quả' },
    chooseFile: 'Chọn tệp Excel…',
    reading: 'Đang đọc tệp…',
    fileFilter: 'Tệp Excel',
    readFailed: 'Không đọc được tệp',
    sheet: 'Trang tính',
    foundHeader: (fileName: string, row: number, sheet: string) =>
      `Tệp “${fileName}”, trang “${sheet}”: dòng tiêu đề là dòng ${row}.`,
    mappingHint:
      'Kiểm tra mỗi cột của tệp được nhập vào thông tin nào; sửa nếu cần. Lựa chọn được ghi nhớ cho các tệp có cùng các tiêu đề cột.',
    columnLetter: 'Cột',
    heading: 'Tiêu đề trong tệp',
    sample: 'Ví dụ',
    target: 'Nhập vào',
    notImported: '— Không nhập —',
    organizationTitle: 'Chi bộ nhận đảng viên',
    organizationHint:
      'Đảng viên được đưa vào chi bộ chọn ở đây; nếu tệp có cột “Chi bộ” thì theo tên chi bộ ghi trên từng dòng (so khớp không phân biệt hoa thường và dấu).',
    organizationPlaceholder: 'Chọn chi bộ',
    toPreview: 'Kiểm tra và xem trước',
    checking: 'Đang kiểm tra từng dòng…',
    checkingProgress: (done: string, total: string) => `Đang kiểm tra dòng ${done}/${total}…`,
    summary: (total: string, good: string, errors: string, duplicates: string) =>
      `${total} dòng đảng viên: ${good} dòng sẽ được nhập, ${errors} dòng có lỗi, ${duplicates} dòng trùng.`,
    footerRows: (count: number) => `Đã bỏ qua ${count} dòng tổng cộng và chữ ký ở cuối bảng.`,
    filters: { all: 'Tất cả', errors: 'Có lỗi', duplicates: 'Trùng', changed: 'Có thay đổi', good: 'Sẽ nhập' },
    columns: {
      row: 'Dòng',
      name: 'Họ và tên',
      birthDate: 'Ngày sinh',
      organization: 'Chi bộ',
      state: 'Kết quả kiểm tra',
      issues: 'Nội dung',
      action: 'Xử lý',
    },
    states: { error: 'Lỗi', duplicate: 'Trùng', warning: 'Cần xem', good: 'Hợp lệ' },
    actions: { skip: 'Bỏ qua', update: 'Cập nhật hồ sơ đã có', create: 'Nhập thành hồ sơ mới' },
    /** The import button: how many records it creates and how many existing ones it updates. */
    importNow: (created: number, updated: number, format: (n: number) => string) =>
      updated === 0
        ? `Nhập ${format(created)} đảng viên`
        : created === 0
          ? `Cập nhật ${format(updated)} hồ sơ`
          : `Nhập ${format(created)} đảng viên, cập nhật ${format(updated)} hồ sơ`,
    updates: {
      title: 'Dòng trùng với hồ sơ đã có',
      hint: 'Mỗi dòng trùng số thẻ, số định danh hoặc họ tên và ngày sinh với một hồ sơ đã lưu. Mở dòng để xem các thông tin sẽ thay đổi (cũ → mới) rồi chọn xử lý cho từng dòng hoặc cho tất cả.',
      allUpdate: 'Cập nhật tất cả',
      allSkip: 'Bỏ qua tất cả',
      allCreate: 'Nhập mới tất cả (chỉ trùng họ tên, ngày sinh)',
      clearEmpty: 'Xóa thông tin đã lưu ở các ô để trống trong tệp',
      clearEmptyHint: (count: string) =>
        `Mặc định, ô để trống trong tệp không làm mất thông tin đã lưu (${count} ô như vậy). Chọn mục này nếu muốn xóa các thông tin đó.`,
      changeCount: (count: number) => `${count} thay đổi`,
      field: 'Thông tin',
      old: 'Đang lưu',
      new: 'Trong tệp',
      cleared: '(để trống — sẽ xóa)',
      keptEmpty: '(để trống — giữ nguyên)',
      notApplied: 'Không áp dụng',
    },
    importing: 'Đang nhập…',
    nothingToImport: 'Không có dòng nào để nhập.',
    downloadErrors: 'Tải tệp các dòng lỗi (.xlsx)',
    errorFileName: (base: string) => `${base}-dong-loi.xlsx`,
    importFailed: 'Chưa nhập được; dữ liệu không thay đổi',
    doneTitle: (created: string, updated = '0') =>
      created === '0' && updated !== '0' ? `Đã cập nhật ${updated} hồ sơ đảng viên` : `Đã nhập ${created} đảng viên`,
    doneBody: (updated: string, skipped: string, invalid: string) =>
      `Cập nhật ${updated} hồ sơ đã có, bỏ qua ${skipped} dòng trùng, ${invalid} dòng lỗi chưa nhập.` +
      (invalid === '0' ? '' : ' Tải tệp các dòng lỗi, sửa rồi nhập lại tệp đó.'),
    openRegister: 'Xem sổ đảng viên',
    another: 'Nhập tệp khác',
    editMapping: 'Sửa cách ghép cột',
  },
  fields: {
    birthDateMale: 'Năm sinh (cột Nam)',
    birthDateFemale: 'Năm sinh (cột Nữ)',
    organization: 'Chi bộ (tên tổ chức đảng)',
    ignore: 'Không nhập (STT, cột lỗi…)',
  },
  export: {
    list: 'Danh sách đang hiển thị (các cột đã chọn)',
    book: 'Sổ danh sách đảng viên (mẫu 7-HSĐV)',
    organizations: 'Danh sách tổ chức đảng và số đảng viên',
    listTitle: 'DANH SÁCH ĐẢNG VIÊN',
    bookTitle: 'SỔ DANH SÁCH ĐẢNG VIÊN',
    organizationsTitle: 'DANH SÁCH TỔ CHỨC ĐẢNG',
    asOf: (date: string) => `Tính đến ngày ${date}`,
    filtered: (shown: string, total: string) => `${shown} trong tổng số ${total} đảng viên theo bộ lọc đã chọn`,
    listSheet: 'Danh sách đảng viên',
    bookSheet: 'Sổ danh sách 7-HSĐV',
    organizationsSheet: 'Tổ chức đảng',
    fileName: (kind: string, date: string) => `${kind}-${date}.xlsx`,
    done: (name: string) => `Đã xuất tệp ${name}.`,
    failed: 'Không xuất được tệp Excel',
    empty: 'Danh sách trống: không có gì để xuất.',
  },
} as const;
