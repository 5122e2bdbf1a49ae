/**
 * The sync simulation shared by the property tests (in memory and on Dexie): several laptops with
 * skewed and jumping clocks edit, move, delete, restore and merge organizations; they export full
 * and incremental files into a bag and import from it in any order, repeats and old files included,
 * sometimes crashing in the middle; some are restored from a backup (a new node id). At the end
 * everyone exchanges with everyone and every laptop must hold the same data, equal to an oracle
 * that keeps the newest surviving write of each field (sync.md "How to test it").
 *
 * The oracle does not use the merge: it keeps a log of every write (table, id, stamp, fields and
 * values) and, per laptop, the set of writes it holds — its own, those carried by files it
 * imported, or those of the backup it was restored from. The final data must be, field by field,
 * the newest write among the writes some laptop held.
 */
import fc from 'fast-check';
import type { BundleManifest, BundleRecord } from './bundleTypes';
import { canonicalRecord, type SyncRecord } from './merge';
import { canonicalJson } from './record';

export const SIM_DATASET = '5f0e6c1a-3b7d-4e2f-9a1c-7d6e5f4a3b2c';
/** 1 November 2026, 08:00 UTC: the simulation's start. */
export const SIM_START = Date.UTC(2026, 10, 1, 8);
const DAY = 24 * 60 * 60 * 1000;

export interface SimFile {
  manifest: BundleManifest;
  records: BundleRecord[];
  /** Writes (oracle keys) whose effects the file carries. */
  carried: Set<string>;
}

export type SimAction =
  | { table: string; kind: 'upsert'; patch: Record<string, unknown> & { id: string } }
  | { table: string; kind: 'delete' | 'restore'; id: string };

/** One laptop as the simulation drives it (in-memory store or Dexie). */
export interface SimLaptop {
  readonly nodeId: string;
  /** One user action (may touch several records); returns the stamp or null when nothing changed. */
  act(actions: readonly SimAction[]): Promise<string | null>;
  get(table: string, id: string): Promise<SyncRecord | undefined>;
  /** Every record of a table. */
  all(table: string): Promise<SyncRecord[]>;
  exportFile(
    bundleId: string,
    peerNodeId?: string,
  ): Promise<{ manifest: BundleManifest; records: BundleRecord[] }>;
  /** Imports a file; with `crashAfterWrites`, throws inside the import after that many writes. */
  importFile(
    file: { manifest: BundleManifest; records: BundleRecord[] },
    crashAfterWrites?: number,
  ): Promise<void>;
  /** Canonical JSON of every synced record. */
  canonicalData(): Promise<string>;
  /** The sync state's vector and known peers, to check a crash left them alone. */
  stateJson(): Promise<string>;
  snapshot(): Promise<unknown>;
  close?(): Promise<void>;
}

export interface SimFactory {
  /** Makes laptop `index` (incarnation 0), whose wall clock is `wall()`. */
  create(nodeId: string, wall: () => number): Promise<SimLaptop>;
  /** A new incarnation restored from a snapshot of `snapshotOf`, with a new node id. */
  restore(snapshot: unknown, nodeId: string, wall: () => number): Promise<SimLaptop>;
  /** Import batch size (small, so crashes land between batches). */
  batchSize: number;
}

// ---------------------------------------------------------------- commands

export type SimCommand =
  | { op: 'createMember'; laptop: number; org: number; name: number }
  | { op: 'edit'; laptop: number; target: number; field: number; value: number }
  | { op: 'move'; laptop: number; target: number; org: number }
  | { op: 'delete'; laptop: number; target: number; table: number }
  | { op: 'restore'; laptop: number; target: number; table: number }
  | { op: 'mergeOrgs'; laptop: number; from: number; into: number }
  | { op: 'setting'; laptop: number; value: number }
  | { op: 'jump'; laptop: number; ms: number }
  | { op: 'export'; laptop: number; peer: number; full: boolean }
  | { op: 'import'; laptop: number; file: number; crash: number }
  | { op: 'backup'; laptop: number }
  | { op: 'restoreBackup'; laptop: number };

const idx = fc.nat({ max: 1000 });
const laptopIdx = fc.nat({ max: 4 });

export const commandArb: fc.Arbitrary<SimCommand> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('createMember' as const),
      laptop: laptopIdx,
      org: idx,
      name: idx,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('edit' as const),
      laptop: laptopIdx,
      target: idx,
      field: idx,
      value: idx,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('move' as const), laptop: laptopIdx, target: idx, org: idx }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('delete' as const), laptop: laptopIdx, target: idx, table: idx }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('restore' as const), laptop: laptopIdx, target: idx, table: idx }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('mergeOrgs' as const), laptop: laptopIdx, from: idx, into: idx }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setting' as const), laptop: laptopIdx, value: idx }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('jump' as const),
      laptop: laptopIdx,
      ms: fc.integer({ min: -2 * DAY, max: DAY }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('export' as const),
      laptop: laptopIdx,
      peer: idx,
      full: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('import' as const),
      laptop: laptopIdx,
      file: idx,
      crash: fc.oneof(
        { weight: 3, arbitrary: fc.constant(-1) },
        { weight: 2, arbitrary: fc.nat({ max: 6 }) },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('backup' as const), laptop: laptopIdx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('restoreBackup' as const), laptop: laptopIdx }) },
);

export interface SimScenario {
  laptops: number;
  /** Clock skew of each laptop (ms). */
  skews: number[];
  commands: SimCommand[];
}

export function scenarioArb(maxCommands: number): fc.Arbitrary<SimScenario> {
  return fc.integer({ min: 2, max: 5 }).chain((laptops) =>
    fc.record({
      laptops: fc.constant(laptops),
      skews: fc.array(fc.integer({ min: -2 * DAY, max: 2 * DAY }), {
        minLength: laptops,
        maxLength: laptops,
      }),
      commands: fc.array(commandArb, { minLength: 5, maxLength: maxCommands }),
    }),
  );
}

// ---------------------------------------------------------------- records

/** A valid UUID v4 from a number, so runs are reproducible from the seed. */
export function simId(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A node id from a laptop index and incarnation. */
export function simNode(laptop: number, incarnation: number): string {
  return `${(laptop + 1).toString(16)}${incarnation.toString(16)}`.padStart(16, 'c');
}

const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Đặng Thị Giang',
];
const PHONES = ['0912345678', '0988123456', '0903111222', undefined];
const NOTES = ['Chuyển sinh hoạt tạm thời', 'Đã nộp đảng phí', 'Ghi chú mới', undefined];
const ORG_NAMES = [
  'Chi bộ Tổ dân phố số 1',
  'Chi bộ Tổ dân phố số 2',
  'Chi bộ Trường Tiểu học',
  'Chi bộ Công an phường',
];

function organization(id: string, n: number): Record<string, unknown> & { id: string } {
  return {
    id,
    name: ORG_NAMES[n % ORG_NAMES.length],
    type: 'branch',
    category: 'residentialGroup',
    isGrassroots: false,
    origin: 'fromMergedWard',
    status: 'active',
    sortOrder: n,
  };
}

function member(id: string, organizationId: string, name: number): Record<string, unknown> & { id: string } {
  return {
    id,
    organizationId,
    status: 'official',
    fullName: NAMES[name % NAMES.length],
    sex: name % 2 ? 'female' : 'male',
    birthDate: `19${60 + (name % 30)}-04-12`,
    joinedOn: '1990-05-19',
  };
}

/** Fields a random edit may change, with values valid for the schemas. */
const MEMBER_EDITS: [string, readonly unknown[]][] = [
  ['phone', PHONES],
  ['notes', NOTES],
  ['fullName', NAMES],
  ['status', ['official', 'probationary']],
  // A field of a newer version (another laptop already upgraded): kept, merged and passed on.
  ['rankOfNewerVersion', [{ level: 1 }, { level: 2, note: 'mới' }, undefined]],
];
const ORG_EDITS: [string, readonly unknown[]][] = [
  ['name', ORG_NAMES],
  ['notes', NOTES],
];

// ---------------------------------------------------------------- the oracle's write log

interface LoggedWrite {
  key: string;
  table: string;
  id: string;
  stamp: string;
  create: boolean;
  /** Values of the fields the write wrote (a creation writes every field; missing = empty). */
  values: Record<string, unknown>;
}

function stampOf(record: SyncRecord, field: string): string {
  return record._v[field] ?? record._h;
}

/** The writes one stamp made to a record, read back from the record after the write. */
function writeFrom(table: string, record: SyncRecord, stamp: string): LoggedWrite | null {
  const values: Record<string, unknown> = {};
  if (record._h === stamp) {
    for (const [k, v] of Object.entries(record)) if (k !== 'id' && !k.startsWith('_')) values[k] = v;
    return { key: `${table}|${record.id}|${stamp}`, table, id: record.id, stamp, create: true, values };
  }
  let any = false;
  for (const [field, s] of Object.entries(record._v))
    if (s === stamp) {
      values[field] = record[field];
      any = true;
    }
  return any
    ? { key: `${table}|${record.id}|${stamp}`, table, id: record.id, stamp, create: false, values }
    : null;
}

/** Whether a record (in a file) carries the effects of a write: every field it wrote is at least as new. */
function carries(record: SyncRecord, write: LoggedWrite): boolean {
  if (write.create && record._h < write.stamp) return false;
  return Object.keys(write.values).every((field) => stampOf(record, field) >= write.stamp);
}

const TABLES = ['organizations', 'members', 'memberEvents', 'memberPhotos', 'settings'];

export function oracleData(writes: Iterable<LoggedWrite>): string {
  const byRecord = new Map<string, LoggedWrite[]>();
  for (const w of writes) {
    const key = `${w.table}|${w.id}`;
    const list = byRecord.get(key) ?? [];
    list.push(w);
    byRecord.set(key, list);
  }
  const out: Record<string, SyncRecord[]> = Object.fromEntries(TABLES.map((t) => [t, []]));
  for (const list of byRecord.values()) {
    const creates = list.filter((w) => w.create);
    if (creates.length === 0) continue;
    const h = creates.reduce((max, w) => (w.stamp > max ? w.stamp : max), creates[0]!.stamp);
    const fields = new Set<string>(['deleted']);
    for (const w of list) for (const f of Object.keys(w.values)) fields.add(f);
    const record: Record<string, unknown> = { id: list[0]!.id, _h: h, _v: {} };
    for (const field of fields) {
      let best: LoggedWrite | undefined;
      for (const w of list) {
        if (!(w.create || field in w.values)) continue;
        if (!best || w.stamp > best.stamp) best = w;
      }
      const value = best!.values[field] ?? (field === 'deleted' ? 0 : undefined);
      if (value !== undefined) record[field] = value;
      (record._v as Record<string, string>)[field] = best!.stamp;
    }
    out[list[0]!.table]!.push(canonicalRecord(record as SyncRecord));
  }
  for (const table of TABLES) out[table]!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return canonicalJson(out);
}

// ---------------------------------------------------------------- the run

export interface SimOutcome {
  laptops: number;
  files: number;
  imports: number;
  crashes: number;
  restores: number;
  writes: number;
}

export async function runScenario(factory: SimFactory, scenario: SimScenario): Promise<SimOutcome> {
  let time = SIM_START;
  const offsets = [...scenario.skews];
  const wallOf = (i: number) => () => time + offsets[i]!;
  const incarnations = scenario.skews.map(() => 0);
  const laptops: SimLaptop[] = [];
  for (let i = 0; i < scenario.laptops; i++) laptops.push(await factory.create(simNode(i, 0), wallOf(i)));
  const writes = new Map<string, LoggedWrite>();
  const held: Set<string>[] = laptops.map(() => new Set());
  const backups: ({ snapshot: unknown; held: Set<string> } | undefined)[] = laptops.map(() => undefined);
  const bag: SimFile[] = [];
  const orgIds: string[] = [];
  const memberIds: string[] = [];
  let nextId = 1;
  let bundles = 0;
  const outcome: SimOutcome = {
    laptops: laptops.length,
    files: 0,
    imports: 0,
    crashes: 0,
    restores: 0,
    writes: 0,
  };

  const act = async (i: number, actions: SimAction[]) => {
    const laptop = laptops[i]!;
    const stamp = await laptop.act(actions);
    if (!stamp) return;
    for (const a of actions) {
      const id = a.kind === 'upsert' ? a.patch.id : a.id;
      const record = await laptop.get(a.table, id);
      const write = record && writeFrom(a.table, record, stamp);
      if (write) {
        writes.set(write.key, write);
        held[i]!.add(write.key);
        outcome.writes++;
      }
    }
  };

  const exportFrom = async (i: number, peer?: string): Promise<SimFile> => {
    const file = await laptops[i]!.exportFile(simId(0xb0, ++bundles), peer);
    const recordsByKey = new Map(file.records.map((line) => [`${line.t}|${line.r.id}`, line.r]));
    const carried = new Set<string>();
    for (const w of writes.values()) {
      if (!held[i]!.has(w.key)) continue;
      const r = recordsByKey.get(`${w.table}|${w.id}`);
      if (r && carries(r, w)) carried.add(w.key);
    }
    outcome.files++;
    return { ...file, carried };
  };

  const importInto = async (i: number, file: SimFile, crash: number) => {
    const laptop = laptops[i]!;
    if (crash >= 0) {
      const before = await laptop.canonicalData();
      const stateBefore = await laptop.stateJson();
      let crashed = false;
      try {
        await laptop.importFile(file, crash);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.includes('simulated crash')) throw error;
        crashed = true;
      }
      if (crashed) {
        outcome.crashes++;
        // Vectors are written with the last batch: a crash leaves them as they were; a file of one
        // batch leaves everything as it was.
        if ((await laptop.stateJson()) !== stateBefore)
          throw new Error('a crashed import changed the sync state');
        if (file.records.length <= factory.batchSize && (await laptop.canonicalData()) !== before)
          throw new Error('a crashed one-batch import changed the data');
      } else {
        outcome.imports++;
        for (const key of file.carried) held[i]!.add(key);
        return;
      }
    }
    await laptop.importFile(file);
    outcome.imports++;
    for (const key of file.carried) held[i]!.add(key);
  };

  // Setup: laptop 0 creates two organizations and a member, and everyone takes a full file.
  for (let n = 0; n < 2; n++) {
    const id = simId(1, nextId++);
    orgIds.push(id);
    await act(0, [{ table: 'organizations', kind: 'upsert', patch: organization(id, n) }]);
  }
  const first = simId(2, nextId++);
  memberIds.push(first);
  await act(0, [{ table: 'members', kind: 'upsert', patch: member(first, orgIds[0]!, 0) }]);
  const setup = await exportFrom(0);
  for (let i = 1; i < laptops.length; i++) await importInto(i, setup, -1);

  const pick = <T>(list: readonly T[], n: number): T | undefined =>
    list.length ? list[n % list.length] : undefined;

  for (const command of scenario.commands) {
    time += 1000 + ((command.laptop * 7919 + outcome.writes * 104_729) % 600_000);
    const i = command.laptop % laptops.length;
    const laptop = laptops[i]!;
    switch (command.op) {
      case 'createMember': {
        const org = pick(orgIds, command.org)!;
        if (!(await laptop.get('organizations', org))) break;
        const id = simId(2, nextId++);
        memberIds.push(id);
        await act(i, [{ table: 'members', kind: 'upsert', patch: member(id, org, command.name) }]);
        break;
      }
      case 'edit': {
        const all = [
          ...memberIds.map((id) => ['members', id] as const),
          ...orgIds.map((id) => ['organizations', id] as const),
        ];
        const [table, id] = pick(all, command.target)!;
        if (!(await laptop.get(table, id))) break;
        const [field, values] = pick(table === 'members' ? MEMBER_EDITS : ORG_EDITS, command.field)!;
        await act(i, [{ table, kind: 'upsert', patch: { id, [field]: pick(values, command.value) } }]);
        break;
      }
      case 'move': {
        const id = pick(memberIds, command.target)!;
        const org = pick(orgIds, command.org)!;
        if (!(await laptop.get('members', id)) || !(await laptop.get('organizations', org))) break;
        await act(i, [{ table: 'members', kind: 'upsert', patch: { id, organizationId: org } }]);
        break;
      }
      case 'delete':
      case 'restore': {
        const table = command.table % 3 === 0 ? 'organizations' : 'members';
        const id = pick(table === 'members' ? memberIds : orgIds, command.target)!;
        const record = await laptop.get(table, id);
        if (!record || record.deleted === (command.op === 'delete' ? 1 : 0)) break;
        await act(i, [{ table, kind: command.op, id }]);
        break;
      }
      case 'mergeOrgs': {
        const from = pick(orgIds, command.from)!;
        const into = pick(orgIds, command.into)!;
        if (
          from === into ||
          !(await laptop.get('organizations', from)) ||
          !(await laptop.get('organizations', into))
        )
          break;
        const members = (await laptop.all('members')).filter((m) => m.organizationId === from);
        await act(i, [
          {
            table: 'organizations',
            kind: 'upsert',
            patch: { id: from, status: 'merged', mergedInto: into, mergedOn: '2026-11-01' },
          },
          ...members.map((m) => ({
            table: 'members',
            kind: 'upsert' as const,
            patch: { id: m.id, organizationId: into },
          })),
        ]);
        break;
      }
      case 'setting': {
        // Keyed by name on every laptop: two laptops may create it on their own.
        await act(i, [
          {
            table: 'settings',
            kind: 'upsert',
            patch: {
              id: 'sim.threshold',
              versions: [{ effectiveFrom: '2026-01-01', value: command.value % 7 }],
            },
          },
        ]);
        break;
      }
      case 'jump':
        offsets[i] = Math.max(-3 * DAY, Math.min(3 * DAY, offsets[i]! + command.ms));
        break;
      case 'export': {
        const peers = laptops.filter((_, k) => k !== i).map((l) => l.nodeId);
        const peer = command.full ? undefined : pick(peers, command.peer);
        bag.push(await exportFrom(i, peer));
        break;
      }
      case 'import': {
        const file = pick(bag, command.file);
        if (file) await importInto(i, file, command.crash);
        break;
      }
      case 'backup':
        backups[i] = { snapshot: await laptop.snapshot(), held: new Set(held[i]) };
        break;
      case 'restoreBackup': {
        const backup = backups[i];
        if (!backup) break;
        await laptop.close?.();
        incarnations[i]!++;
        laptops[i] = await factory.restore(backup.snapshot, simNode(i, incarnations[i]!), wallOf(i));
        held[i] = new Set(backup.held);
        outcome.restores++;
        break;
      }
    }
  }

  // Everyone exchanges with everyone: first every file is made (a delta where the peer is known),
  // then every laptop imports every file meant for it.
  time += 60_000;
  const survivors = new Set<string>();
  for (const set of held) for (const key of set) survivors.add(key);
  const finals: SimFile[][] = [];
  for (let i = 0; i < laptops.length; i++) {
    const row: SimFile[] = [];
    for (let j = 0; j < laptops.length; j++)
      row.push(i === j ? (undefined as never) : await exportFrom(i, laptops[j]!.nodeId));
    finals.push(row);
  }
  for (let j = 0; j < laptops.length; j++)
    for (let i = 0; i < laptops.length; i++) if (i !== j) await importInto(j, finals[i]![j]!, -1);

  const expected = oracleData([...survivors].map((key) => writes.get(key)!));
  const datas = await Promise.all(laptops.map((l) => l.canonicalData()));
  for (let i = 0; i < laptops.length; i++) {
    if (datas[i] !== datas[0])
      throw new Error(`laptop ${i} differs from laptop 0:\n${diffHint(datas[0]!, datas[i]!)}`);
  }
  if (datas[0] !== expected)
    throw new Error(`laptops differ from the oracle:\n${diffHint(expected, datas[0]!)}`);
  // Importing again a file whose writes everyone now holds changes nothing (idempotent, stale-safe),
  // old files included. (A file made before a restore may carry writes nobody kept: that one is new.)
  const old = bag.filter((file) => [...file.carried].every((key) => survivors.has(key)));
  for (let i = 0; i < laptops.length; i++) {
    for (const file of [finals[(i + 1) % laptops.length]![i]!, old[(i * 31) % Math.max(1, old.length)]]) {
      if (!file) continue;
      await laptops[i]!.importFile(file);
      if ((await laptops[i]!.canonicalData()) !== datas[i])
        throw new Error(`importing an old file again changed laptop ${i}`);
    }
  }
  for (const laptop of laptops) await laptop.close?.();
  return outcome;
}

function diffHint(a: string, b: string): string {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return `expected …${a.slice(Math.max(0, k - 200), k + 200)}\nactual   …${b.slice(Math.max(0, k - 200), k + 200)}`;
}
