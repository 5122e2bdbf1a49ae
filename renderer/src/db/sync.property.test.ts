/**
 * The sync simulation (shared/sync/simulation.testing.ts) on the real Dexie database with
 * fake-indexeddb: the app's write path for edits, renderer/src/db/sync.ts for files. Dozens of runs;
 * on failure fast-check prints the seed and the shrunk scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, scenarioArb } from '@shared/sync/simulation.testing';
import { dexieSimFactory } from './sync.testing';

describe('sync simulation on Dexie (sync.md guarantees 1–5)', () => {
  it('laptops converge to the newest write per field, through crashes, repeats and restores', async () => {
    const totals = { files: 0, imports: 0, crashes: 0, restores: 0, writes: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioArb(40), async (scenario) => {
        const outcome = await runScenario(dexieSimFactory(3), scenario);
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += outcome[key];
      }),
      { numRuns: 60, verbose: 1 },
    );
    console.info('sync simulation (Dexie):', totals);
    expect(totals.imports).toBeGreaterThan(100);
    // Random scenarios: 60 runs make 6–19 crashes and restores; the bound sits well below that.
    expect(totals.crashes + totals.restores).toBeGreaterThan(0);
  }, 120_000);
});
