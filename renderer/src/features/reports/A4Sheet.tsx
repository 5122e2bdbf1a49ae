/**
 * An A4 document in the administrative layout (Nghị định 30/2020): the issuing committee and the
 * number on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date on the right, the title, the
 * body, then the recipients and the signature block. Times New Roman, Tinos bundled as the
 * metric-compatible fallback (no font is fetched at run time).
 */
import '@fontsource/tinos/400.css';
import '@fontsource/tinos/700.css';
import '@fontsource/tinos/400-italic.css';
import '@fontsource/tinos/700-italic.css';
import type { ReactNode } from 'react';
import { dateLine, documentNumber, documentPlace, issuerHeading } from '@shared/reports/documentHeader';
import { upperVietnamese } from '@shared/reports/documentText';
import type { IsoDate } from '@shared/domain/types';
import './reports.css';

export interface SheetHeader {
  /** The ward committee: 'Đảng bộ phường Phúc Lợi'. */
  committeeName: string;
  /** The number typed by the office; blank leaves room to write it by hand. */
  number: string;
  /** BC (báo cáo), DS (danh sách)… */
  kind: string;
  /** The date the document is signed. */
  signedOn: IsoDate;
  /** The secretary's name under the signature, when known. */
  signerName?: string;
}

export function A4Sheet({
  header,
  title,
  subtitle,
  children,
  recipients = ['Như trên', 'Lưu Văn phòng Đảng ủy'],
}: {
  header: SheetHeader;
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  recipients?: string[];
}) {
  return (
    <article className="a4-sheet" data-testid="a4-sheet">
      <table className="doc-header" role="presentation">
        <tbody>
          <tr>
            <td className="doc-header-left">
              <div className="doc-issuer">{issuerHeading(header.committeeName)}</div>
              <div className="doc-star">*</div>
              <div className="doc-number">{documentNumber(header.number, header.kind)}</div>
            </td>
            <td className="doc-header-right">
              <div className="doc-party">ĐẢNG CỘNG SẢN VIỆT NAM</div>
              <div className="doc-date">{dateLine(documentPlace(header.committeeName), header.signedOn)}</div>
            </td>
          </tr>
        </tbody>
      </table>
      <h1 className="doc-title">{upperVietnamese(title)}</h1>
      {subtitle ? <div className="doc-subtitle">{subtitle}</div> : null}
      <div className="doc-body">{children}</div>
      <table className="doc-footer" role="presentation">
        <tbody>
          <tr>
            <td className="doc-recipients">
              <div className="doc-recipients-title">Nơi nhận:</div>
              {recipients.map((recipient) => (
                <div key={recipient}>{`- ${recipient},`}</div>
              ))}
            </td>
            <td className="doc-signature">
              <div className="doc-signature-role">T/M ĐẢNG ỦY</div>
              <div className="doc-signature-role">BÍ THƯ</div>
              <div className="doc-signature-space" />
              <div className="doc-signature-name">{header.signerName ?? ''}</div>
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
