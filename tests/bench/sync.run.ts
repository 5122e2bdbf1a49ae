/**
 * Sync figures (`npm run bench`), in real Chromium on real IndexedDB, at 3,882 and 100,000 members:
 * the full export, the file's size, a full file into an empty laptop that joined the office, two
 * laptops that diverged by 1% edits each exchanging files both ways, and the peer
 * (dexie-export-import's exportDB/importDB) on the same database in the same run. What each figure
 * times is in docs/decisions.md "Tests and benchmark". Nothing here asserts a time; it asserts that
 * the laptops end up with the same data.
 *
 * BENCH_PROFILE=1 also writes Chromium CPU profiles of the export, the import and the merge to
 * tests/artifacts/ (the page's main thread; the worker's share is not in them).
 * BENCH_SYNC_ONLY=export measures the export and the peer's export only (no import, no merge): the
 * figure to watch while working on the export, minutes sooner at 100,000.
 * BENCH_REPS=3 takes the median of that many alternating runs of ours and the peer's at every size
 * (default: 3 at 3,882, 1 at 100,000).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, it } from 'vitest';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../setup/chromium';
import { buildAndPreview } from '../setup/preview';
import { benchSizes, median, printTable, round, saveFigures, type Figures } from './figures';

let server: PreviewServer;
let baseUrl: string;

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

beforeAll(async () => {
  ({ server, url: baseUrl } = await buildAndPreview('bench'));
});
afterAll(async () => {
  await server?.close();
});

/** Runs `work`, with a CPU profile of the page saved as `name` when BENCH_PROFILE is set. */
async function profiled<T>(cdp: CDPSession, name: string, work: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_PROFILE) return work();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}${name}.cpuprofile`, JSON.stringify(profile));
  return result;
}

async function measureSync(page: Page, cdp: CDPSession, n: number, all: Figures): Promise<void> {
  // Each figure is printed as soon as it is known, so a run that fails later still tells something.
  const figures = new Proxy(all, {
    set(target, key: string, value: number) {
      target[key] = value;
      console.log(`${key} = ${value}`);
      return true;
    },
  });
  await page.goto(`${baseUrl}bench.html`);
  await page.getByText('bench-ready').waitFor();
  const set = await page.evaluate((count) => window.qldvSyncBench.setup(count), n);
  figures[`sync.records@${n}`] = set.records;
  // Ours and the peer's alternate, so a burst of load from elsewhere hits both alike; the median
  // of three at the small size, one each at 100,000 (each is tens of seconds there) unless
  // BENCH_REPS says how many.
  const reps = Number(process.env.BENCH_REPS) || (n <= 10_000 ? 3 : 1);
  const exports: number[] = [];
  const exportReads: number[] = [];
  const peerExports: number[] = [];
  let fileBytes = 0;
  let peerBytes = 0;
  for (let i = 0; i < reps; i++) {
    const peer = await page.evaluate(() => window.qldvSyncBench.peerExport());
    peerExports.push(peer.ms);
    peerBytes = peer.bytes;
    const ours = await profiled(cdp, `sync-export-${n}`, () => page.evaluate(() => window.qldvSyncBench.exportFull()));
    if (ours.records !== set.records) throw new Error(`the file carries ${ours.records} records, expected ${set.records}`);
    exports.push(ours.ms);
    exportReads.push(ours.readMs);
    fileBytes = ours.bytes;
  }
  const exportMs = median(exports);
  figures[`sync.export_full_ms@${n}`] = round(exportMs);
  figures[`sync.export_read_ms@${n}`] = round(median(exportReads));
  figures[`sync.file_bytes@${n}`] = fileBytes;
  figures[`peer.dexie_export_ms@${n}`] = round(median(peerExports));
  figures[`peer.dexie_file_bytes@${n}`] = peerBytes;
  figures[`sync.export_ratio_vs_peer@${n}`] = round(exportMs / median(peerExports), 2);
  figures[`sync.file_ratio_vs_peer@${n}`] = round(fileBytes / peerBytes, 3);
  if (process.env.BENCH_SYNC_ONLY === 'export') return;

  const imports: number[] = [];
  const peerImports: number[] = [];
  const rawImports: number[] = [];
  const parts = { read: [] as number[], preview: [] as number[], apply: [] as number[] };
  for (let i = 0; i < reps; i++) {
    const peer = await page.evaluate(() => window.qldvSyncBench.peerImport());
    if (peer.records !== set.records) throw new Error(`the peer imported ${peer.records} records, expected ${set.records}`);
    peerImports.push(peer.ms);
    // The floor: bulkAdd of exactly the rows the import writes, in its batches, nothing else.
    const raw = await page.evaluate(() => window.qldvSyncBench.rawImport());
    if (raw.records !== set.records) throw new Error(`the raw baseline wrote ${raw.records} records, expected ${set.records}`);
    rawImports.push(raw.ms);
    const ours = await profiled(cdp, `sync-import-${n}`, () =>
      page.evaluate(() => window.qldvSyncBench.importEmpty()),
    );
    if (!ours.same) throw new Error('after the import the two laptops differ');
    imports.push(ours.ms);
    parts.read.push(ours.readMs);
    parts.preview.push(ours.previewMs);
    parts.apply.push(ours.applyMs);
  }
  const importMs = median(imports);
  figures[`sync.import_empty_ms@${n}`] = round(importMs);
  figures[`sync.import_read_ms@${n}`] = round(median(parts.read));
  figures[`sync.import_preview_ms@${n}`] = round(median(parts.preview));
  figures[`sync.import_apply_ms@${n}`] = round(median(parts.apply));
  figures[`peer.dexie_import_ms@${n}`] = round(median(peerImports));
  figures[`sync.import_ratio_vs_peer@${n}`] = round(importMs / median(peerImports), 2);
  figures[`raw.import_bulkadd_ms@${n}`] = round(median(rawImports));
  figures[`sync.import_ratio_vs_raw@${n}`] = round(importMs / median(rawImports), 2);
  figures[`sync.import_apply_ratio_vs_raw@${n}`] = round(median(parts.apply) / median(rawImports), 2);

  if (process.env.BENCH_INDEX_AUDIT) {
    const audit = await page.evaluate((r) => window.qldvSyncBench.indexAudit(r), reps);
    for (const [variant, value] of Object.entries(audit.ms))
      figures[variant.startsWith('saving_pct') ? `index.${variant}@${n}` : `index.${variant}_ms@${n}`] = round(value);
  }
  if (process.env.BENCH_ONLY === 'import') return;

  const full = await profiled(cdp, `sync-merge-${n}`, () => page.evaluate(() => window.qldvSyncBench.merge('full', 1)));
  if (!full.same) throw new Error('after the full exchange the two laptops differ');
  figures[`sync.merge_ms@${n}`] = round(full.ms);
  figures[`sync.merge_export_ms@${n}`] = round(full.exportMs);
  figures[`sync.merge_import_ms@${n}`] = round(full.importMs);
  figures[`sync.merge_edits@${n}`] = full.edits;
  figures[`sync.merge_conflicts@${n}`] = full.conflicts;
  const delta = await page.evaluate(() => window.qldvSyncBench.merge('delta', 2));
  if (!delta.same) throw new Error('after the delta exchange the two laptops differ');
  figures[`sync.merge_delta_ms@${n}`] = round(delta.ms);
  figures[`sync.merge_delta_bytes@${n}`] = delta.bytes;
}

it('measures sync at each size', async () => {
  const figures: Figures = {};
  for (const n of benchSizes()) {
    // A profile on disk, as the app's IndexedDB is: a new context of a launched browser keeps its
    // databases in memory, where three laptops of 100,000 members exceed the quota.
    const profileDir = mkdtempSync(join(tmpdir(), 'qldv-sync-bench-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[page] ${message.text()}`);
    });
    page.on('crash', () => console.error('[page] crashed'));
    try {
      await measureSync(page, cdp, n, figures);
    } finally {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  }
  printTable(saveFigures(figures));
});
