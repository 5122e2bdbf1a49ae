/**
 * The typed IPC contract: for every channel, the zod schema of what the renderer may send and of
 * what main answers. Main validates each payload against `input` before a handler runs (see
 * electron/main/ipc/handle.ts); the PlatformApi types must agree with these schemas, which the
 * compile-time checks at the bottom of this file enforce.
 */
import '../zodSetup';
import { z } from 'zod';
import type {
  AppInfo,
  BackupFileInfo,
  BackupFileRequest,
  OpenedFile,
  OpenFileRequest,
  PlatformApi,
  SaveFileRequest,
  SaveFileResult,
  SavePdfRequest,
  SavePdfResult,
  WriteBackupRequest,
} from '../platform';
import { IpcChannel, type IpcChannelName } from './channels';

export { IpcChannel, type IpcChannelName } from './channels';

/** Checked with instanceof: structured clone delivers typed arrays across IPC as Uint8Array. */
const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  message: 'Nội dung tệp phải là dãy byte (Uint8Array).',
});

// Extensions only (no dot, no wildcard tricks): they end up in the OS dialog's filter list.
const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/))
    .min(1)
    .max(20),
});
const filtersSchema = z.array(fileFilterSchema).max(10).optional();

/**
 * A bare file name, never a path: the renderer may suggest what to call the file, but the folder
 * is the user's choice in the save dialog.
 */
const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (name) => !/[\\/:*?"<>|]/.test(name) && ![...name].some((char) => char.charCodeAt(0) < 0x20),
    'Tên tệp không được chứa ký tự đặc biệt.',
  )
  .refine((name) => name !== '.' && name !== '..', 'Tên tệp không hợp lệ.');

const saveFileInput = z.strictObject({
  bytes: bytesSchema,
  suggestedName: fileNameSchema,
  filters: filtersSchema,
  preferRemovableDrive: z.boolean().optional(),
});
const saveFileOutput = z.strictObject({
  saved: z.boolean(),
  path: z.string().optional(),
  verified: z.boolean().optional(),
  viaDownload: z.boolean().optional(),
});

const openFileInput = z.strictObject({ filters: filtersSchema }).optional();
const openFileOutput = z.strictObject({ name: z.string(), bytes: bytesSchema }).nullable();

const appInfoInput = z.undefined();
const appInfoOutput = z.strictObject({
  version: z.string(),
  platform: z.string(),
  dataFolder: z.string(),
  host: z.enum(['electron', 'browser']),
});

const printInput = z.undefined();
const printOutput = z.undefined();
const savePdfInput = z.strictObject({
  suggestedName: fileNameSchema.refine((name) => /\.pdf$/i.test(name), 'Tên tệp PDF phải kết thúc bằng .pdf.'),
});
const savePdfOutput = z.strictObject({
  saved: z.boolean(),
  path: z.string().optional(),
  viaPrintDialog: z.boolean().optional(),
});

/**
 * A backup's name: a bare `.qldv` file name of letters, digits, dots, dashes and underscores,
 * starting with a letter or digit. Nothing that could leave the backup folder (no separator, no
 * `..`, no drive letter) gets past it; main checks the resolved path as well.
 */
/** A plain file name ending in `.qldv`; never a Windows device name (`CON.qldv` opens the console). */
export const BACKUP_NAME_PATTERN = /^(?!(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\.|$))[A-Z0-9][A-Z0-9_-]*(?:\.[A-Z0-9_-]+)*\.qldv$/i;
export const backupNameSchema = z
  .string()
  .max(120)
  .regex(BACKUP_NAME_PATTERN, 'Tên bản sao lưu không hợp lệ.');
const backupWriteInput = z.strictObject({ name: backupNameSchema, bytes: bytesSchema });
const backupFileInput = z.strictObject({ name: backupNameSchema });
const backupListOutput = z.array(
  z.strictObject({ name: z.string(), size: z.number().int().min(0), modifiedAt: z.string() }),
);

export const ipcContract = {
  [IpcChannel.saveFile]: { input: saveFileInput, output: saveFileOutput },
  [IpcChannel.openFile]: { input: openFileInput, output: openFileOutput },
  [IpcChannel.appInfo]: { input: appInfoInput, output: appInfoOutput },
  [IpcChannel.print]: { input: printInput, output: printOutput },
  [IpcChannel.savePdf]: { input: savePdfInput, output: savePdfOutput },
  [IpcChannel.backupWrite]: { input: backupWriteInput, output: z.undefined() },
  [IpcChannel.backupList]: { input: z.undefined(), output: backupListOutput },
  [IpcChannel.backupRead]: { input: backupFileInput, output: bytesSchema },
  [IpcChannel.backupRemove]: { input: backupFileInput, output: z.undefined() },
} as const satisfies Record<IpcChannelName, { input: z.ZodType; output: z.ZodType }>;

export type IpcContract = typeof ipcContract;
/** What a handler in main receives after validation. */
export type IpcInput<C extends IpcChannelName> = z.output<IpcContract[C]['input']>;
/** What a handler in main returns. */
export type IpcOutput<C extends IpcChannelName> = z.input<IpcContract[C]['output']>;

// ---- Compile-time agreement between the schemas and PlatformApi -------------------------------
// If someone changes one side only, `tsc` fails on these lines.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type ContractMatchesPlatformApi = [
  Assert<Same<IpcInput<'file:save'>, SaveFileRequest>>,
  Assert<Same<IpcOutput<'file:save'>, SaveFileResult>>,
  Assert<Same<Parameters<PlatformApi['saveFile']>[0], SaveFileRequest>>,
  Assert<Same<IpcInput<'file:open'>, OpenFileRequest | undefined>>,
  Assert<Same<IpcOutput<'file:open'>, OpenedFile | null>>,
  Assert<Same<Parameters<PlatformApi['openFile']>[0], OpenFileRequest | undefined>>,
  Assert<Same<Awaited<ReturnType<PlatformApi['openFile']>>, OpenedFile | null>>,
  Assert<Same<IpcInput<'app:info'>, undefined>>,
  Assert<Same<IpcOutput<'app:info'>, AppInfo>>,
  Assert<Same<Parameters<PlatformApi['appInfo']>, []>>,
  Assert<Same<Awaited<ReturnType<PlatformApi['saveFile']>>, SaveFileResult>>,
  Assert<Same<IpcInput<'print:page'>, undefined>>,
  Assert<Same<Parameters<PlatformApi['print']>, []>>,
  Assert<Same<IpcInput<'print:pdf'>, SavePdfRequest>>,
  Assert<Same<IpcOutput<'print:pdf'>, SavePdfResult>>,
  Assert<Same<Parameters<PlatformApi['savePdf']>[0], SavePdfRequest>>,
  Assert<Same<Awaited<ReturnType<PlatformApi['savePdf']>>, SavePdfResult>>,
  Assert<Same<IpcInput<'backup:write'>, WriteBackupRequest>>,
  Assert<Same<Parameters<PlatformApi['backups']['write']>[0], WriteBackupRequest>>,
  Assert<Same<IpcOutput<'backup:list'>, BackupFileInfo[]>>,
  Assert<Same<Awaited<ReturnType<PlatformApi['backups']['list']>>, BackupFileInfo[]>>,
  Assert<Same<IpcInput<'backup:read'>, BackupFileRequest>>,
  Assert<Same<Parameters<PlatformApi['backups']['read']>[0], BackupFileRequest>>,
  Assert<Same<IpcOutput<'backup:read'>, Uint8Array>>,
  Assert<Same<IpcInput<'backup:remove'>, BackupFileRequest>>,
];
