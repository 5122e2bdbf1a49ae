/**
 * Finding the USB sticks that are plugged in, so the save dialog of a sync file can open on one.
 * Each OS is asked in its own way; every probe is injectable so the parsing is tested on canned
 * output, and any failure (missing command, time-out, odd output) gives "no drive", never an error:
 * a save must not fail because detection did.
 *
 * - Windows: logical disks of DriveType 2 (removable), from PowerShell's Get-CimInstance, with the
 *   old `wmic` as a fallback when PowerShell is missing or too slow. A USB hard disk reports itself
 *   as a fixed disk (DriveType 3) and is not offered; the user can still pick it in the dialog.
 * - Linux: mount points below /media/<user>/ (udisks on Debian/Ubuntu) and /run/media/<user>/
 *   (Fedora and others), read from /proc/mounts.
 * - macOS: the volumes in /Volumes, except the boot volume (a link to /) and stray folders.
 *
 * Every candidate must then be a folder we can stat: an empty card-reader slot (a "removable"
 * drive with no medium on Windows) is dropped.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** PowerShell can take a few seconds to start on an old office laptop; longer means something is wrong. */
export const DRIVE_COMMAND_TIMEOUT_MS = 5_000;
/** The whole detection, whatever hangs (a stat on a dying stick): the dialog must still open. */
export const DRIVE_DETECTION_BUDGET_MS = 7_000;

export const WINDOWS_POWERSHELL_ARGS = [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2' | Select-Object -ExpandProperty DeviceID",
] as const;
export const WINDOWS_WMIC_ARGS = ['logicaldisk', 'where', 'drivetype=2', 'get', 'deviceid'] as const;

/** What detection needs from the machine; the Node implementation is below, tests pass fakes. */
export interface DriveProbe {
  platform: NodeJS.Platform;
  /** Runs a program without a shell and resolves to its standard output. */
  run(command: string, args: readonly string[], timeoutMs: number): Promise<string>;
  readText(file: string): Promise<string>;
  listFolder(folder: string): Promise<string[]>;
  /** Follows links; rejects when the path is missing or the device is not ready. */
  stat(file: string): Promise<{ dev: number; isDirectory: boolean }>;
  userName(): string;
}

/** `E:\` for each line that is a drive letter (`E:`), whatever else the command printed. */
export function parseWindowsDriveList(output: string): string[] {
  const drives = new Set<string>();
  for (const line of output.split(/\r?\n|\r/)) {
    const match = /^\s*([A-Za-z]):\s*$/.exec(line);
    if (match) drives.add(`${match[1]!.toUpperCase()}:\\`);
  }
  return [...drives].sort();
}

/** /proc/mounts escapes a space, tab, newline and backslash in a path as octal (`\040`). */
export function decodeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** The mount points under /media/<user>/ and /run/media/<user>/, in mount order. */
export function parseLinuxMounts(procMounts: string, user: string): string[] {
  if (!user || user.includes('/')) return [];
  const roots = [`/media/${user}/`, `/run/media/${user}/`];
  const found: string[] = [];
  for (const line of procMounts.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3) continue;
    const mountPoint = decodeMountPath(fields[1]!);
    const root = roots.find((r) => mountPoint.startsWith(r) && mountPoint.length > r.length);
    if (root && !found.includes(mountPoint)) found.push(mountPoint);
  }
  return found;
}

const NOT_A_VOLUME = /^(\.|com\.apple\.)/;

/**
 * The mounted volumes in /Volumes: an entry whose device is the root's (the boot volume is a link
 * to /) or /Volumes' own (a folder left behind by an unclean eject) is not a plugged-in drive.
 */
export async function macVolumes(probe: Pick<DriveProbe, 'listFolder' | 'stat'>): Promise<string[]> {
  const [root, volumesFolder] = await Promise.all([probe.stat('/'), probe.stat('/Volumes')]);
  const names = (await probe.listFolder('/Volumes')).filter((name) => !NOT_A_VOLUME.test(name)).sort();
  const volumes: string[] = [];
  for (const name of names) {
    const folder = path.posix.join('/Volumes', name);
    const info = await probe.stat(folder).catch(() => null);
    if (!info?.isDirectory) continue;
    if (info.dev === root.dev || info.dev === volumesFolder.dev) continue;
    volumes.push(folder);
  }
  return volumes;
}

async function windowsCandidates(probe: DriveProbe): Promise<string[]> {
  try {
    return parseWindowsDriveList(
      await probe.run('powershell.exe', WINDOWS_POWERSHELL_ARGS, DRIVE_COMMAND_TIMEOUT_MS),
    );
  } catch {
    // No PowerShell (stripped-down Windows) or it hung: wmic still exists on older Windows.
    return parseWindowsDriveList(await probe.run('wmic', WINDOWS_WMIC_ARGS, DRIVE_COMMAND_TIMEOUT_MS));
  }
}

async function candidates(probe: DriveProbe): Promise<string[]> {
  switch (probe.platform) {
    case 'win32':
      return windowsCandidates(probe);
    case 'linux':
      return parseLinuxMounts(await probe.readText('/proc/mounts'), probe.userName());
    case 'darwin':
      return macVolumes(probe);
    default:
      return [];
  }
}

async function usable(probe: DriveProbe, folders: string[]): Promise<string[]> {
  const checked = await Promise.all(
    folders.map((folder) =>
      probe.stat(folder).then(
        (info) => (info.isDirectory ? folder : null),
        () => null,
      ),
    ),
  );
  return checked.filter((folder): folder is string => folder !== null);
}

function withinBudget<T>(work: Promise<T>, fallback: T, budgetMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), budgetMs);
  });
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** The removable drives plugged in now, first one first; `[]` when none or when detection failed. */
export function findRemovableDrives(
  probe: DriveProbe = nodeDriveProbe,
  budgetMs = DRIVE_DETECTION_BUDGET_MS,
): Promise<string[]> {
  return withinBudget((async () => usable(probe, await candidates(probe)))(), [], budgetMs);
}

export const nodeDriveProbe: DriveProbe = {
  platform: process.platform,
  run: async (command, args, timeoutMs) => {
    const { stdout } = await execFileAsync(command, [...args], {
      timeout: timeoutMs,
      windowsHide: true,
      encoding: 'utf8',
      maxBuffer: 64 * 1024,
    });
    return stdout;
  },
  readText: (file) => readFile(file, 'utf8'),
  listFolder: (folder) => readdir(folder),
  stat: async (file) => {
    const info = await stat(file);
    return { dev: info.dev, isDirectory: info.isDirectory() };
  },
  userName: () => userInfo().username,
};
