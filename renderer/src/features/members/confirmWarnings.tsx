/** Asks before saving something the rules warn about: the warnings listed, "Vẫn lưu" or "Xem lại". */
import type { App } from 'antd';
import type { Issue } from '@shared/domain/ruleIssues';
import { vi } from '../../i18n/vi';

type Modal = ReturnType<typeof App.useApp>['modal'];

export function confirmWarnings(modal: Modal, warnings: readonly Issue[]): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: vi.memberForm.warningsTitle,
      width: 560,
      content: (
        <div>
          <p>{vi.memberForm.warningsIntro}</p>
          <ul style={{ paddingInlineStart: 18 }} data-testid="warning-list">
            {warnings.map((issue) => (
              <li key={`${issue.field}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        </div>
      ),
      okText: vi.memberForm.saveAnyway,
      cancelText: vi.memberForm.review,
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
