/**
 * Name data for the demo ward: family names with weights close to their share in the North
 * (Nguyễn about 38%), middle and given names by sex and generation. Typed in NFC; the generator
 * test checks it.
 */
import type { Sex } from '../domain/types';

type Weighted = readonly (readonly [string, number])[];

// prettier-ignore
export const FAMILY_NAMES: Weighted = [
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 45], ['Phan', 30], ['Vũ', 40],
  ['Đặng', 21], ['Bùi', 20], ['Đỗ', 16], ['Hồ', 10], ['Ngô', 13], ['Dương', 10], ['Lý', 5], ['Đào', 8],
  ['Đinh', 8], ['Trịnh', 6], ['Đoàn', 5], ['Lương', 5], ['Trương', 5], ['Mai', 4], ['Tạ', 4], ['Cao', 4],
  ['Hà', 5], ['Chu', 3], ['Lưu', 3], ['Phùng', 3], ['Tô', 3], ['Lâm', 3], ['Kiều', 2], ['Nghiêm', 2],
  ['Vương', 2], ['Triệu', 2], ['Lại', 2], ['Thái', 2], ['Khúc', 1], ['Quách', 1], ['Nông', 1], ['Tăng', 1],
];

/** Middle names by sex, for people born before 1975 ('old') and after ('young'). */
// prettier-ignore
export const MIDDLE_NAMES: Record<Sex, Record<'old' | 'young', Weighted>> = {
  male: {
    old: [
      ['Văn', 55], ['Đức', 8], ['Xuân', 5], ['Hữu', 6], ['Quang', 5], ['Ngọc', 4], ['Minh', 4], ['Đình', 5],
      ['Công', 4], ['Thế', 3], ['Trọng', 3], ['Tiến', 2], ['Mạnh', 2], ['Duy', 2], ['Thanh', 3], ['Hồng', 2],
      ['Bá', 2], ['Kim', 1],
    ],
    young: [
      ['Văn', 25], ['Đức', 10], ['Minh', 12], ['Quang', 8], ['Hoàng', 6], ['Tuấn', 4], ['Duy', 6],
      ['Tiến', 4], ['Mạnh', 4], ['Thành', 4], ['Hữu', 4], ['Việt', 4], ['Trung', 3], ['Ngọc', 3], ['Anh', 3],
      ['Huy', 3], ['Xuân', 3], ['Đình', 3], ['Công', 3], ['Gia', 2], ['Bảo', 2],
    ],
  },
  female: {
    old: [
      ['Thị', 85], ['Ngọc', 3], ['Thu', 3], ['Kim', 2], ['Thanh', 3], ['Hồng', 2], ['Minh', 1], ['Bích', 1],
    ],
    young: [
      ['Thị', 40], ['Thu', 8], ['Ngọc', 7], ['Thanh', 6], ['Minh', 5], ['Phương', 5], ['Thùy', 5],
      ['Hồng', 4], ['Mai', 3], ['Hải', 3], ['Diệu', 2], ['Khánh', 3], ['Lan', 2], ['Kim', 2], ['Bảo', 2],
      ['Quỳnh', 3],
    ],
  },
};

/** A second middle name after 'Thị' ('Nguyễn Thị Thu Hà'). */
// prettier-ignore
export const SECOND_FEMALE_MIDDLE_NAMES = [
  'Thu', 'Thanh', 'Ngọc', 'Hồng', 'Minh', 'Kim', 'Bích', 'Thúy', 'Phương',
];

// prettier-ignore
export const GIVEN_NAMES: Record<Sex, Weighted> = {
  male: [
    ['Hùng', 9], ['Dũng', 8], ['Tuấn', 8], ['Minh', 7], ['Hải', 7], ['Nam', 6], ['Long', 6], ['Cường', 6],
    ['Thắng', 6], ['Hoàng', 4], ['Sơn', 6], ['Quân', 4], ['Trung', 5], ['Phong', 4], ['Đức', 5], ['Bình', 5],
    ['Tùng', 5], ['Huy', 5], ['Khánh', 4], ['Việt', 4], ['An', 4], ['Thành', 6], ['Hiếu', 4], ['Quang', 4],
    ['Toàn', 4], ['Vinh', 4], ['Lâm', 3], ['Hưng', 5], ['Tiến', 4], ['Chiến', 4], ['Lợi', 3], ['Đạt', 4],
    ['Hòa', 4], ['Hiển', 2], ['Thịnh', 3], ['Thuận', 3], ['Tâm', 3], ['Kiên', 3], ['Duy', 3], ['Khoa', 2],
    ['Nghĩa', 3], ['Phúc', 3], ['Thái', 3], ['Tú', 3], ['Vũ', 2], ['Hậu', 2], ['Lộc', 3], ['Mạnh', 3],
    ['Quyết', 2], ['Tài', 2], ['Thiện', 2], ['Toản', 2], ['Trí', 2], ['Chính', 2], ['Bảo', 2], ['Dương', 2],
    ['Giang', 2], ['Hiệp', 2], ['Khải', 2], ['Lực', 2], ['Nhân', 2], ['Quý', 2], ['Tân', 2], ['Thông', 2],
    ['Trọng', 2], ['Tường', 2], ['Ánh', 1], ['Đông', 2], ['Ước', 1], ['Khôi', 1],
  ],
  female: [
    ['Lan', 7], ['Hương', 8], ['Hoa', 6], ['Mai', 6], ['Hằng', 6], ['Thủy', 6], ['Nga', 5], ['Linh', 6],
    ['Trang', 6], ['Hà', 6], ['Hạnh', 5], ['Thảo', 5], ['Nhung', 4], ['Yến', 4], ['Phương', 5], ['Huyền', 5],
    ['Ngọc', 3], ['Loan', 4], ['Dung', 4], ['Oanh', 3], ['Vân', 4], ['Hiền', 4], ['Thúy', 4], ['Liên', 4],
    ['Anh', 4], ['Ánh', 3], ['Xuân', 3], ['Thu', 3], ['Bình', 2], ['Hồng', 3], ['Hường', 3], ['Nguyệt', 3],
    ['Tuyết', 3], ['Tâm', 2], ['Quyên', 2], ['Quỳnh', 3], ['Nhàn', 2], ['Lý', 2], ['Lệ', 2], ['Thoa', 2],
    ['Duyên', 2], ['Giang', 2], ['My', 2], ['Ngân', 2], ['Nhi', 1], ['Chi', 2], ['Diệp', 1], ['Thơm', 2],
    ['Tươi', 2], ['Cúc', 2], ['Huệ', 2], ['Khánh', 1], ['Ly', 2], ['Lụa', 1], ['Ước', 1], ['Đào', 1],
  ],
};
