/**
 * Strings of the write guards: the clock guard that blocks editing when the computer's date is
 * wrong, and the notice shown while a sync export holds edits back.
 */
export const clockGuardText = {
  title: 'Ngày giờ máy tính không đúng',
  /** The computer's clock is before the day this version of the software was released. */
  beforeBuildDate: (shown: string, buildDate: string) =>
    `Máy tính đang hiển thị ${shown}, trước cả ngày phát hành phiên bản phần mềm này (${buildDate}). Ngày giờ của máy chắc chắn đã bị đặt sai, thường do hết pin đồng hồ trong máy hoặc chỉnh nhầm.`,
  /** The computer's clock is far behind the last change saved on this laptop. */
  behindLastSave: (shown: string, lastSave: string) =>
    `Máy tính đang hiển thị ${shown}, sớm hơn lần lưu thay đổi cuối cùng trên chính máy này (${lastSave}). Ngày giờ của máy đã bị lùi lại hoặc đặt sai.`,
  why: 'Để mọi thay đổi được ghi đúng thời điểm và đồng bộ đúng giữa các máy, phần mềm tạm khóa việc sửa dữ liệu. Xem, tìm kiếm, in và xuất báo cáo vẫn dùng được.',
  whatToDoBuild: (earliest: string) =>
    `Hãy chỉnh lại ngày giờ trong Windows (Cài đặt → Thời gian và ngôn ngữ → Ngày và giờ; múi giờ (UTC+07:00) Bangkok, Hà Nội, Jakarta), ngày đúng phải từ ${earliest} trở đi; sau đó bấm "Kiểm tra lại".`,
  whatToDoBehind: (lastSave: string) =>
    `Hãy chỉnh lại ngày giờ trong Windows (Cài đặt → Thời gian và ngôn ngữ → Ngày và giờ; múi giờ (UTC+07:00) Bangkok, Hà Nội, Jakarta), ngày giờ đúng phải sau ${lastSave}; sau đó bấm "Kiểm tra lại".`,
  recheck: 'Kiểm tra lại',
  stillWrong: (shown: string) => `Máy tính vẫn đang hiển thị ${shown}. Ngày giờ chưa được chỉnh đúng.`,
  /** Only when blocked by the last save: the last save itself was made while the clock was fast. */
  acceptNow: 'Ngày giờ đang hiển thị là đúng',
  acceptNowConfirmTitle: 'Ngày giờ máy tính đang hiển thị là đúng?',
  acceptNowConfirm: (shown: string, lastSave: string) =>
    `Chỉ chọn khi chắc chắn bây giờ đúng là ${shown}: khi đó lần lưu lúc ${lastSave} đã được ghi trong lúc đồng hồ máy chạy nhanh. Nếu không chắc, hãy hỏi người phụ trách máy tính.`,
  acceptNowOk: 'Đúng, cho phép sửa dữ liệu',
  cancel: 'Hủy',
  /** The refusal of a save while blocked (the commit's error, shown by each form). */
  refused: (shown: string) =>
    `Chưa lưu: ngày giờ máy tính không đúng (máy đang hiển thị ${shown}). Chưa có thay đổi nào được lưu. Hãy chỉnh lại ngày giờ trong Windows rồi bấm lưu lại; nội dung đang nhập vẫn được giữ.`,
  /** While a sync export reads the database, saves wait. */
  exportHold:
    'Đang đọc dữ liệu để xuất tệp đồng bộ. Thay đổi bạn lưu lúc này sẽ được ghi ngay khi đọc xong (thường chỉ vài giây); không cần lưu lại.',
} as const;
