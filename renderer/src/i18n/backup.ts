/** Strings of the backups: the "Sao lưu" screen, and the automatic backup before a sync import. */
export const backupText = {
  title: 'Sao lưu',
  intro:
    'Bản sao lưu chứa toàn bộ dữ liệu trên máy này (sổ đảng viên, tổ chức, sự kiện, ảnh, cài đặt, nhật ký sửa đổi và thông tin đồng bộ), được mã hóa bằng khóa văn phòng. Phần mềm tự sao lưu trước mỗi lần nhập tệp đồng bộ và trước mỗi lần khôi phục.',
  needOffice:
    'Bản sao lưu được mã hóa bằng khóa văn phòng. Hãy thiết lập hoặc tham gia văn phòng ở màn hình Đồng bộ trước khi sao lưu. Vẫn có thể khôi phục từ một tệp sao lưu (cần mật khẩu văn phòng).',
  backUpNow: 'Sao lưu ngay',
  restoreFromFile: 'Khôi phục từ tệp…',
  refresh: 'Tải lại danh sách',
  working: 'Đang sao lưu…',
  progress: (done: number, total: number) =>
    `${done.toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')} bản ghi`,
  done: (name: string) => `Đã sao lưu: ${name}`,
  failed: 'Sao lưu không thành công',
  empty: 'Chưa có bản sao lưu nào trên máy này.',
  listTitle: 'Các bản sao lưu trên máy này',
  columns: {
    at: 'Thời điểm',
    kind: 'Loại',
    reason: 'Lý do',
    size: 'Dung lượng',
    counts: 'Nội dung',
    actions: 'Thao tác',
  },
  kind: { auto: 'Tự động', manual: 'Thủ công' },
  reason: {
    manual: 'Sao lưu do người dùng tạo',
    beforeImport: (from: string) => (from ? `Trước khi nhập tệp từ ${from}` : 'Trước khi nhập tệp đồng bộ'),
    beforeRestore: 'Trước khi khôi phục',
    unknown: 'Không rõ (tệp không có trong danh mục của máy này)',
  },
  counts: (members: number, organizations: number, events: number) =>
    `${members.toLocaleString('vi-VN')} đảng viên, ${organizations.toLocaleString('vi-VN')} tổ chức, ${events.toLocaleString('vi-VN')} sự kiện`,
  saveAs: 'Lưu ra tệp…',
  saved: (where: string) => `Đã lưu bản sao lưu ra ${where}.`,
  savedNoPath: 'Đã lưu bản sao lưu ra tệp.',
  restore: 'Khôi phục',
  remove: 'Xóa',
  removeConfirm: 'Xóa bản sao lưu này khỏi máy?',
  removeOk: 'Xóa',
  cancel: 'Hủy',
  filterName: 'Bản sao lưu QLĐV (.qldv)',
  restoreFlow: {
    title: 'Khôi phục từ bản sao lưu',
    verifying: 'Đang kiểm tra bản sao lưu…',
    refused: 'Không khôi phục được bản sao lưu này',
    unchanged: 'Dữ liệu trên máy không thay đổi.',
    reloading:
      'Dữ liệu vừa được khôi phục từ bản sao lưu và phần mềm đang tải lại. Thay đổi này chưa được lưu: hãy làm lại sau khi phần mềm mở lại.',
    needsPassphrase:
      'Máy này chưa có khóa văn phòng. Hãy nhập mật khẩu văn phòng đã dùng khi tạo bản sao lưu để mở tệp.',
    passphrase: 'Mật khẩu văn phòng',
    open: 'Mở bản sao lưu',
    holds: 'Bản sao lưu này chứa',
    madeAt: 'Tạo lúc',
    madeOn: 'Trên máy',
    reason: 'Lý do',
    office: 'Văn phòng',
    records: 'Số bản ghi',
    journal: 'Dòng nhật ký sửa đổi',
    warning:
      'Khôi phục sẽ thay TOÀN BỘ dữ liệu hiện có trên máy này bằng dữ liệu của bản sao lưu. Những sửa đổi sau thời điểm sao lưu chưa gửi cho máy khác sẽ mất. Trước khi khôi phục, phần mềm tự sao lưu dữ liệu hiện tại.',
    identity:
      'Sau khi khôi phục, máy này nhận một mã máy mới; lần đồng bộ sau, các máy khác sẽ gửi lại những gì máy này còn thiếu.',
    confirmWord: 'KHÔI PHỤC',
    confirmPrompt: (word: string) => `Để xác nhận, hãy gõ "${word}" vào ô dưới đây.`,
    confirmLabel: 'Ô xác nhận khôi phục',
    start: 'Khôi phục',
    cancel: 'Hủy',
    snapshot: 'Đang sao lưu dữ liệu hiện tại trước khi khôi phục…',
    restoring: 'Đang khôi phục dữ liệu…',
    done: 'Đã khôi phục. Phần mềm đang mở lại dữ liệu…',
    failedSnapshot:
      'Không sao lưu được dữ liệu hiện tại nên chưa khôi phục. Dữ liệu trên máy không thay đổi.',
    failed: 'Khôi phục không thành công. Dữ liệu trên máy không thay đổi.',
  },
  beforeImport: {
    working: 'Đang sao lưu dữ liệu trước khi nhập…',
    failed: (reason: string) =>
      `Không sao lưu được dữ liệu trước khi nhập, nên tệp chưa được nhập. Dữ liệu trên máy không thay đổi. Lý do: ${reason}`,
    note: 'Trước khi nhập, phần mềm tự sao lưu dữ liệu hiện tại (xem ở màn hình Sao lưu).',
  },
  errors: {
    unexpected: 'Có lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, báo cho người phụ trách kỹ thuật.',
    write: 'Không ghi được bản sao lưu vào thư mục sao lưu của máy (ổ đĩa đầy hoặc bị khóa).',
  },
} as const;
