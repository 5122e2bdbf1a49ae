/** The benchmark's output: a flat JSON object of named figures in bench-results.json, and a table. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RESULTS_FILE = fileURLToPath(new URL('../../bench-results.json', import.meta.url));

export type Figures = Record<string, number>;

/** Merges this run's figures into the file, keeping figures that other benchmarks wrote. */
export function saveFigures(figures: Figures): Figures {
  const previous: Figures = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Figures) : {};
  const merged = { ...previous, ...figures };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]!]));
  writeFileSync(RESULTS_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  return sorted;
}

export function printTable(figures: Figures): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, v]) => `${k.padEnd(width)}  ${Number.isInteger(v) ? v : v.toFixed(2)}`);
  console.log(['', 'figure'.padEnd(width) + '  value', '-'.repeat(width + 12), ...lines, ''].join('\n'));
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Member counts to measure: BENCH_SIZES=3882 runs the small one only. */
export function benchSizes(): number[] {
  const env = process.env.BENCH_SIZES;
  return env ? env.split(',').map((s) => Number(s.trim())) : [3882, 100_000];
}
