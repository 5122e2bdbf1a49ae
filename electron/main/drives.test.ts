import { describe, expect, it, vi } from 'vitest';
import {
  decodeMountPath,
  findRemovableDrives,
  macVolumes,
  parseLinuxMounts,
  parseWindowsDriveList,
  WINDOWS_POWERSHELL_ARGS,
  WINDOWS_WMIC_ARGS,
  type DriveProbe,
} from './drives';

describe('Windows drive list (PowerShell or wmic output)', () => {
  it.each([
    ['nothing', '', []],
    ['blank lines only', '\r\n\r\n', []],
    ['one drive from PowerShell', 'E:\r\n', ['E:\\']],
    ['several drives, out of order, one twice', 'G:\r\nE:\r\nE:\r\n', ['E:\\', 'G:\\']],
    ['wmic with its header and padding', 'DeviceID  \r\r\nF:        \r\r\n\r\r\n', ['F:\\']],
    ['a lower-case letter', 'h:\n', ['H:\\']],
    [
      'garbage: an error, a path, a bare letter, two letters',
      "Get-CimInstance : Access denied\r\nC:\\Windows\r\nE\r\nEF:\r\n'E:'\r\n",
      [],
    ],
  ])('%s', (_label, output, drives) => {
    expect(parseWindowsDriveList(output)).toEqual(drives);
  });
});

describe('Linux mounts (/proc/mounts)', () => {
  const mounts = [
    'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
    '/dev/sda2 / ext4 rw,relatime 0 0',
    '/dev/sdb1 /media/vp/KINGSTON vfat rw,nosuid,nodev,relatime,uid=1000 0 0',
    '/dev/sdc1 /media/vp/USB\\040VAN\\040PHONG exfat rw,nosuid,nodev 0 0',
    '/dev/sdd1 /run/media/vp/SANDISK vfat rw 0 0',
    '/dev/sde1 /media/other/THEIRS vfat rw 0 0',
    '/dev/sdf1 /media/vpx/NOT_MINE vfat rw 0 0',
    'tmpfs /media/vp tmpfs rw 0 0',
    '/dev/sdb1 /media/vp/KINGSTON vfat rw 0 0',
  ].join('\n');

  it.each([
    ['nothing', '', 'vp', []],
    ['no stick', 'proc /proc proc rw 0 0\n/dev/sda2 / ext4 rw 0 0\n', 'vp', []],
    [
      'several sticks, in mount order, only this user’s, each once, spaces decoded',
      mounts,
      'vp',
      ['/media/vp/KINGSTON', '/media/vp/USB VAN PHONG', '/run/media/vp/SANDISK'],
    ],
    ['another user', mounts, 'other', ['/media/other/THEIRS']],
    ['garbage', '\u0000\u0001 not mounts\n\n   \n', 'vp', []],
    ['an empty user name', mounts, '', []],
    ['a user name with a slash', mounts, 'vp/KINGSTON', []],
  ])('%s', (_label, text, user, drives) => {
    expect(parseLinuxMounts(text, user)).toEqual(drives);
  });

  it('decodes the octal escapes of mount paths', () => {
    expect(decodeMountPath('/media/vp/A\\040B\\011C\\134D')).toBe('/media/vp/A B\tC\\D');
  });
});

/** A machine whose answers are scripted: commands, files, folders and stat by path. */
function fakeProbe(
  platform: NodeJS.Platform,
  answers: {
    commands?: Record<string, string | Error>;
    files?: Record<string, string>;
    folders?: Record<string, string[]>;
    stats?: Record<string, { dev: number; isDirectory?: boolean }>;
    user?: string;
  },
) {
  const probe = {
    platform,
    run: vi.fn((command: string, _args: readonly string[], _timeoutMs: number) => {
      const answer = answers.commands?.[command];
      if (answer === undefined) return Promise.reject(new Error(`spawn ${command} ENOENT`));
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    }),
    readText: (file: string) => {
      const text = answers.files?.[file];
      return text === undefined ? Promise.reject(new Error('ENOENT')) : Promise.resolve(text);
    },
    listFolder: (folder: string) => {
      const names = answers.folders?.[folder];
      return names === undefined ? Promise.reject(new Error('ENOENT')) : Promise.resolve(names);
    },
    stat: (file: string) => {
      const info = answers.stats?.[file];
      return info === undefined
        ? Promise.reject(new Error('ENOENT'))
        : Promise.resolve({ dev: info.dev, isDirectory: info.isDirectory ?? true });
    },
    userName: () => answers.user ?? 'vp',
  } satisfies DriveProbe;
  return probe;
}

const timedOut = Object.assign(new Error('Command failed: powershell.exe'), {
  killed: true,
  signal: 'SIGTERM',
});

describe('finding removable drives', () => {
  it.each([
    {
      label: 'Windows, PowerShell answers one drive',
      probe: fakeProbe('win32', { commands: { 'powershell.exe': 'E:\r\n' }, stats: { 'E:\\': { dev: 5 } } }),
      drives: ['E:\\'],
    },
    {
      label: 'Windows, PowerShell answers none: wmic is not asked',
      probe: fakeProbe('win32', { commands: { 'powershell.exe': '', wmic: 'DeviceID\r\nF:\r\n' } }),
      drives: [],
    },
    {
      label: 'Windows, PowerShell times out: wmic answers',
      probe: fakeProbe('win32', {
        commands: { 'powershell.exe': timedOut, wmic: 'DeviceID  \r\r\nF:  \r\r\n' },
        stats: { 'F:\\': { dev: 6 } },
      }),
      drives: ['F:\\'],
    },
    {
      label: 'Windows, both commands fail',
      probe: fakeProbe('win32', { commands: { 'powershell.exe': timedOut, wmic: new Error('not found') } }),
      drives: [],
    },
    {
      label: 'Windows, an empty card-reader slot is dropped',
      probe: fakeProbe('win32', {
        commands: { 'powershell.exe': 'D:\r\nE:\r\n' },
        stats: { 'E:\\': { dev: 5 } },
      }),
      drives: ['E:\\'],
    },
    {
      label: 'Linux, two sticks',
      probe: fakeProbe('linux', {
        files: {
          '/proc/mounts': '/dev/sdb1 /media/vp/A vfat rw 0 0\n/dev/sdc1 /run/media/vp/B vfat rw 0 0\n',
        },
        stats: { '/media/vp/A': { dev: 1 }, '/run/media/vp/B': { dev: 2 } },
      }),
      drives: ['/media/vp/A', '/run/media/vp/B'],
    },
    {
      label: 'Linux, /proc/mounts unreadable',
      probe: fakeProbe('linux', {}),
      drives: [],
    },
    {
      label: 'macOS, the boot volume and a leftover folder are not drives',
      probe: fakeProbe('darwin', {
        folders: {
          '/Volumes': [
            'Macintosh HD',
            'KINGSTON',
            '.Trashes',
            'Old stick',
            'com.apple.TimeMachine.localsnapshots',
          ],
        },
        stats: {
          '/': { dev: 1 },
          '/Volumes': { dev: 2 },
          '/Volumes/Macintosh HD': { dev: 1 },
          '/Volumes/KINGSTON': { dev: 9 },
          '/Volumes/Old stick': { dev: 2 },
          '/Volumes/.Trashes': { dev: 9 },
        },
      }),
      drives: ['/Volumes/KINGSTON'],
    },
    {
      label: 'an OS we do not know',
      probe: fakeProbe('freebsd', {}),
      drives: [],
    },
  ])('$label', async ({ probe, drives }) => {
    await expect(findRemovableDrives(probe)).resolves.toEqual(drives);
  });

  it('runs PowerShell without a profile, then wmic, each with a time-out', async () => {
    const probe = fakeProbe('win32', { commands: { 'powershell.exe': timedOut, wmic: '' } });
    await findRemovableDrives(probe);
    expect(probe.run.mock.calls).toEqual([
      ['powershell.exe', WINDOWS_POWERSHELL_ARGS, 5_000],
      ['wmic', WINDOWS_WMIC_ARGS, 5_000],
    ]);
    expect(WINDOWS_POWERSHELL_ARGS).toContain('-NoProfile');
    expect(WINDOWS_POWERSHELL_ARGS.at(-1)).toContain('DriveType=2');
  });

  it('gives up on a detection that hangs and answers "no drive" within its budget', async () => {
    const probe = fakeProbe('linux', {});
    probe.readText = () => new Promise<string>(() => undefined); // never answers
    const started = Date.now();
    await expect(findRemovableDrives(probe, 50)).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('macOS: no /Volumes at all is simply no drive', async () => {
    await expect(macVolumes(fakeProbe('darwin', { stats: { '/': { dev: 1 } } }))).rejects.toThrow();
    await expect(findRemovableDrives(fakeProbe('darwin', { stats: { '/': { dev: 1 } } }))).resolves.toEqual(
      [],
    );
  });
});

describe('the real probe', () => {
  it('answers on this machine without throwing, with folders that exist', async () => {
    const drives = await findRemovableDrives();
    expect(Array.isArray(drives)).toBe(true);
    for (const drive of drives) expect(typeof drive).toBe('string');
  });
});
