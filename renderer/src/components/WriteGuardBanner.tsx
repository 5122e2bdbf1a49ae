/**
 * What the write guards tell the user, at the top of every screen: the clock guard's red banner
 * while editing is blocked (renderer/src/db/writeGuard.ts), and a small notice while a sync export
 * holds saves back (renderer/src/db/writeHold.ts).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Alert, App as AntApp, Button, Popconfirm, Space, Typography } from 'antd';
import { ClockCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateVi } from '@shared/domain/dates';
import type { ClockGuardRefusal } from '@shared/sync/clockGuard';
import { useStore } from '../app/StoreContext';
import { formatClock, type ClockGuard } from '../db/writeGuard';
import type { WriteHold } from '../db/writeHold';
import { vi } from '../i18n/vi';

const t = vi.clockGuard;
/** The guard looks at the clock again this often, and whenever the window gets the focus. */
export const CLOCK_RECHECK_MS = 60_000;

export function WriteGuardBanner() {
  const store = useStore();
  return (
    <>
      {store.clockGuard && <ClockGuardAlert guard={store.clockGuard} />}
      <ExportHoldNotice hold={store.writeHold} />
    </>
  );
}

function ExportHoldNotice({ hold }: { hold: WriteHold }) {
  const holding = useSyncExternalStore(hold.subscribe, () => hold.holding);
  if (!holding) return null;
  return <Alert type="info" showIcon role="status" title={t.exportHold} style={{ marginBottom: 16 }} />;
}

function explanation(verdict: ClockGuardRefusal): { reason: string; whatToDo: string } {
  const shown = formatClock(verdict.now);
  if (verdict.reason === 'beforeBuildDate')
    return {
      reason: t.beforeBuildDate(shown, formatDateVi(verdict.buildDate)),
      whatToDo: t.whatToDoBuild(formatDateVi(verdict.buildDate)),
    };
  const lastSave = formatClock(verdict.lastLocalSaveAt);
  return { reason: t.behindLastSave(shown, lastSave), whatToDo: t.whatToDoBehind(lastSave) };
}

function ClockGuardAlert({ guard }: { guard: ClockGuard }) {
  const { message } = AntApp.useApp();
  const [tick, setTick] = useState(0);
  // A live query: a save, a sync import or a change of the setting re-runs the check too.
  const checked = useLiveQuery(() => guard.check(), [guard, tick]);
  const recheck = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const timer = setInterval(recheck, CLOCK_RECHECK_MS);
    window.addEventListener('focus', recheck);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', recheck);
    };
  }, [recheck]);

  if (!checked || checked.verdict.ok) return null;
  const { verdict } = checked;
  const { reason, whatToDo } = explanation(verdict);

  const checkAgain = async () => {
    const again = await guard.check();
    recheck();
    if (!again.verdict.ok) void message.warning(t.stillWrong(formatClock(again.verdict.now)));
  };
  const accept = async () => {
    await guard.acceptCurrentClock();
    recheck();
  };

  return (
    <Alert
      type="error"
      showIcon
      icon={<ClockCircleOutlined />}
      role="alert"
      data-testid="clock-guard"
      style={{ marginBottom: 16 }}
      title={t.title}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>{reason}</Typography.Text>
          <Typography.Text>{t.why}</Typography.Text>
          <Typography.Text>{whatToDo}</Typography.Text>
          <Space wrap style={{ marginTop: 8 }}>
            <Button type="primary" danger icon={<ReloadOutlined />} onClick={() => void checkAgain()}>
              {t.recheck}
            </Button>
            {verdict.reason === 'behindLastSave' && (
              <Popconfirm
                title={t.acceptNowConfirmTitle}
                description={
                  <div style={{ maxWidth: 420 }}>
                    {t.acceptNowConfirm(formatClock(verdict.now), formatClock(verdict.lastLocalSaveAt))}
                  </div>
                }
                okText={t.acceptNowOk}
                cancelText={t.cancel}
                onConfirm={() => void accept()}
              >
                <Button>{t.acceptNow}</Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
      }
    />
  );
}
