/**
 * The one way main answers the renderer (checklist item 17). Every channel goes through
 * `handle()`, which refuses a sender that is not exactly our app origin and a payload that does
 * not match the contract, before the handler ever runs.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcContract, type IpcChannelName, type IpcInput, type IpcOutput } from '@shared/ipc/contract';
import { isAppUrl } from '../origin';

export const SENDER_REFUSED_MESSAGE = 'Yêu cầu bị từ chối: nguồn gửi không phải ứng dụng.';
export const PAYLOAD_REFUSED_MESSAGE = 'Dữ liệu gửi kèm không hợp lệ.';

/** Thrown (and so rejected in the renderer) when a request is refused. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

export type IpcHandler<C extends IpcChannelName> = (
  input: IpcInput<C>,
  event: IpcMainInvokeEvent,
) => Promise<IpcOutput<C>> | IpcOutput<C>;

/** A missing frame (destroyed or navigated away) is refused: we cannot tell who sent it. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  return isAppUrl(event.senderFrame?.url);
}

export function handle<C extends IpcChannelName>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  fn: IpcHandler<C>,
): void {
  const schema = ipcContract[channel].input;
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) throw new IpcRefusedError(SENDER_REFUSED_MESSAGE);
    // Our preload sends at most one argument; more means someone else built the call.
    const parsed = args.length <= 1 ? schema.safeParse(args[0]) : undefined;
    if (!parsed?.success) throw new IpcRefusedError(PAYLOAD_REFUSED_MESSAGE);
    return await fn(parsed.data as IpcInput<C>, event);
  });
}
