/**
 * `npm run bench`: the app's figures, measured in real Chromium against `vite preview` (the
 * same way as the end-to-end tests), at 3,882 and 100,000 members. Figures are written to
 * bench-results.json; ratios are against a baseline measured in the same page and run. Nothing
 * here asserts a time: machines are noisy.
 */
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../setup/chromium';
import { buildAndPreview } from '../setup/preview';
import { benchSizes, median, printTable, round, saveFigures, type Figures } from './figures';
import { percentile, timeClickToElement, timeSearchKeystrokes } from './inPage';

let browser: Browser;
let server: PreviewServer;
let baseUrl: string;

/** A fixed list of searches, typed a keystroke at a time (with and without diacritics, numbers). */
const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));

const SEARCHES = ['nguyen van hung', 'Trần Thị', 'dang', 'le van nam', 'Phạm Thu', 'hoa', '0012', 'ngoc anh'];

beforeAll(async () => {
  ({ server, url: baseUrl } = await buildAndPreview('bench'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const formatCount = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

async function openDashboard(page: Page, memberCount: number): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}index.html#/`);
  await page.getByTestId('stat-members').filter({ hasText: formatCount(memberCount) }).waitFor({ timeout: 120_000 });
}

/** From navigation to the member total on screen, read in the page (performance.now() at the paint). */
async function dashboardStartup(page: Page, memberCount: number): Promise<number> {
  await openDashboard(page, memberCount);
  return page.evaluate(() => (window as unknown as { __dashboardReadyAt: number }).__dashboardReadyAt);
}

async function measureLoad(page: Page, n: number, figures: Figures): Promise<void> {
  await page.goto(`${baseUrl}bench.html`);
  await page.getByText('bench-ready').waitFor();
  const load = await page.evaluate((count) => window.qldvBench.load(count), n);
  figures[`load.bulk_ms@${n}`] = round(load.bulkMs);
  figures[`load.raw_bulkput_ms@${n}`] = round(load.rawBulkPutMs);
  figures[`load.ratio_vs_raw@${n}`] = round(load.bulkMs / load.rawBulkPutMs, 2);
  figures[`load.records@${n}`] = load.records;
}

async function measureRegister(page: Page, n: number, figures: Figures): Promise<void> {
  const firstRenders: number[] = [];
  for (let i = 0; i < 3; i++) {
    await openDashboard(page, n);
    firstRenders.push(
      await timeClickToElement(page, 'li[data-menu-id$="/dang-vien"]', '[data-testid="register-table"] .vgrid-row'),
    );
  }
  figures[`list.first_render_ms@${n}`] = round(median(firstRenders));
  await page.locator('[data-testid="register-count"][data-ready="true"]').waitFor({ timeout: 120_000 });
  const keystrokes = await timeSearchKeystrokes(page, SEARCHES);
  figures[`search.p50_ms@${n}`] = round(percentile(keystrokes, 50));
  figures[`search.p95_ms@${n}`] = round(percentile(keystrokes, 95));
  figures[`search.keystrokes@${n}`] = keystrokes.length;

  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => {
      location.hash = '#/dang-vien';
    });
    const row = `[data-testid="register-table"] .vgrid-row:nth-child(${i + 1})`;
    await page.locator(row).waitFor();
    opens.push(await timeClickToElement(page, row, '[data-testid="member-name"]'));
  }
  figures[`profile.open_ms@${n}`] = round(median(opens));
}

async function measureOrgCounts(page: Page, n: number, figures: Figures): Promise<void> {
  await page.goto(`${baseUrl}bench.html`);
  await page.getByText('bench-ready').waitFor();
  // The first past date reads the members and events and replays every member's history into a
  // timeline (cold); a later date looks the states up in the timelines, which is what a user meets
  // once the organization page has prepared them in the background. Today reads the indexes.
  const cold = await page.evaluate(() => window.qldvBench.orgTreeCounts('2024-12-31'));
  const later = await page.evaluate(() => window.qldvBench.orgTreeCounts('2025-06-30'));
  const today = await page.evaluate(() => window.qldvBench.orgTreeCounts(new Date().toISOString().slice(0, 10)));
  if (today.total !== n) throw new Error(`the tree counts ${today.total} members today, expected ${n}`);
  figures[`orgtree.counts_ms@${n}`] = round(later.ms);
  figures[`orgtree.counts_cold_ms@${n}`] = round(cold.ms);
  figures[`orgtree.counts_today_ms@${n}`] = round(today.ms);
}

/**
 * Excel: the whole register exported (default columns, then the 7-HSĐV layout), then a 10,000-row
 * workbook imported into it from its bytes to committed, three times (at the first size only: it
 * adds members); the figures are the median run's.
 */
async function measureExcel(page: Page, n: number, figures: Figures, importToo: boolean): Promise<void> {
  await page.goto(`${baseUrl}bench.html`);
  await page.getByText('bench-ready').waitFor();
  const exported = await page.evaluate(() => window.qldvBench.excelExport());
  if (exported.members !== n) throw new Error(`exported ${exported.members} members, expected ${n}`);
  figures[`excel.export_ms@${n}`] = round(exported.listMs);
  figures[`excel.export_book_ms@${n}`] = round(exported.bookMs);
  if (!importToo) return;
  const rows = 10_000;
  // BENCH_CPU_PROFILE=1 writes a Chromium CPU profile of the import to tests/artifacts/.
  const profiler = process.env.BENCH_CPU_PROFILE ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  // The median of BENCH_REPS imports (3 by default), each of other people (another seed), into
  // the same register: it grows by 10,000 members each time, which only makes the later ones slower.
  const reps = Number(process.env.BENCH_REPS) || 3;
  const runs = [];
  for (let i = 0; i < reps; i++)
    runs.push(await page.evaluate(([count, seed]) => window.qldvBench.excelImport(count, seed), [rows, 4242 + i] as const));
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/excel-import.cpuprofile`, JSON.stringify(profile));
  }
  const imported = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  if (imported.rows !== rows) throw new Error(`the import read ${imported.rows} rows, expected ${rows}`);
  figures[`excel.import_runs@${rows}`] = runs.length;
  figures[`excel.import_fastest_ms@${rows}`] = round(Math.min(...runs.map((run) => run.ms)));
  figures[`excel.import_slowest_ms@${rows}`] = round(Math.max(...runs.map((run) => run.ms)));
  figures[`excel.import_ms@${rows}`] = round(imported.ms);
  figures[`excel.import_read_ms@${rows}`] = round(imported.readMs);
  figures[`excel.import_check_ms@${rows}`] = round(imported.planMs);
  figures[`excel.import_commit_ms@${rows}`] = round(imported.commitMs);
  // The commit's cost per record written against the raw Dexie bulkPut's, measured in the same run.
  const raw = figures[`load.raw_bulkput_ms@${n}`]! / figures[`load.records@${n}`]!;
  figures[`excel.import_records@${rows}`] = imported.records;
  figures[`excel.import_commit_ratio_vs_raw@${rows}`] = round(imported.commitMs / imported.records / raw, 2);
  figures[`excel.import_ratio_vs_raw@${rows}`] = round(imported.ms / imported.records / raw, 2);
  figures[`excel.import_created@${rows}`] = imported.created;
  figures[`excel.import_register_size@${rows}`] = n;
}

/**
 * Statistics: the ward's full statistics as of a past date and today, once the members are
 * prepared (prepare and load reported apart); and at the first size, the ward's member list
 * printed to an A4 PDF by Chromium (page.pdf, as Electron's printToPDF does).
 */
async function measureStatistics(page: Page, n: number, figures: Figures, pdfToo: boolean): Promise<void> {
  await page.goto(`${baseUrl}bench.html`);
  await page.getByText('bench-ready').waitFor();
  const stats = await page.evaluate(() => window.qldvBench.statisticsCompute('2024-12-31'));
  if (stats.total !== n) throw new Error(`the statistics count ${stats.total} members today, expected ${n}`);
  figures[`stats.compute_ms@${n}`] = round(stats.computeMs);
  figures[`stats.compute_today_ms@${n}`] = round(stats.computeTodayMs);
  figures[`stats.prepare_ms@${n}`] = round(stats.prepareMs);
  if (!pdfToo) return;
  await page.goto('about:blank');
  await page.goto(`${baseUrl}index.html#/bao-cao`);
  const rows = page.locator('[data-testid="member-list-table"] tbody tr:not(.group-row)');
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('[data-testid="member-list-table"] tbody tr:not(.group-row)').length === count,
    n,
    { timeout: 120_000 },
  );
  if ((await rows.count()) !== n) throw new Error('the member list is incomplete');
  await page.emulateMedia({ media: 'print' });
  const start = performance.now();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  figures[`report.pdf_ms@${n}`] = round(performance.now() - start);
  figures[`report.pdf_kb@${n}`] = round(pdf.length / 1024);
  await page.emulateMedia({ media: 'screen' });
}

it('measures the app at each size', async () => {
  const figures: Figures = {};
  for (const n of benchSizes()) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      // Record the moment the member total first shows a number, without polling latency.
      const w = window as unknown as { __dashboardReadyAt?: number };
      new MutationObserver((_, observer) => {
        const el = document.querySelector('[data-testid="stat-members"]');
        if (el && /\d/.test(el.textContent ?? '') && el.textContent !== '0') {
          w.__dashboardReadyAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await measureLoad(page, n, figures);
    // BENCH_ONLY=excel: the load (the raw baseline) and the Excel figures only.
    if (process.env.BENCH_ONLY === 'excel') {
      await measureExcel(page, n, figures, n === benchSizes()[0]);
      await context.close();
      continue;
    }
    const startups: number[] = [];
    for (let i = 0; i < 3; i++) startups.push(await dashboardStartup(page, n));
    figures[`startup.dashboard_ms@${n}`] = round(median(startups));
    await measureRegister(page, n, figures);
    await measureOrgCounts(page, n, figures);
    await measureStatistics(page, n, figures, n === benchSizes()[0]);
    // Last: the import adds 10,000 members to this size's register.
    await measureExcel(page, n, figures, n === benchSizes()[0]);
    await context.close();
  }
  printTable(saveFigures(figures));
});
