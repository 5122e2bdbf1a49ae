/**
 * Measurements that run inside the app's page, so no round trip to the test process is timed.
 * Each resolves just after the browser paints the frame that shows the result ("on screen"): a
 * message posted from the frame's animation callback is delivered after that frame's paint.
 */
import type { Page } from 'playwright-core';

/** Time from a click on `clickSelector` to the first element matching `readySelector`, on screen. */
export function timeClickToElement(page: Page, clickSelector: string, readySelector: string): Promise<number> {
  return page.evaluate(
    ([click, ready]) =>
      new Promise<number>((resolve, reject) => {
        const target = document.querySelector<HTMLElement>(click);
        if (!target) return reject(new Error(`nothing matches ${click}`));
        const t0 = performance.now();
        const done = () =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - t0);
            channel.port2.postMessage(0);
          });
        const observer = new MutationObserver(() => {
          if (document.querySelector(ready)) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        target.click();
        if (document.querySelector(ready)) {
          observer.disconnect();
          done();
        }
      }),
    [clickSelector, readySelector] as const,
  );
}

/**
 * Types each query into the register's search box one keystroke at a time and returns, for every
 * keystroke, the time until the result list reflecting it is on screen.
 */
export function timeSearchKeystrokes(page: Page, queries: readonly string[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="register-search"]')!;
    const count = document.querySelector<HTMLElement>('[data-testid="register-count"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const type = (text: string) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        // The count changes in the same commit as the rows: once the frame after it is painted,
        // the new rows are on screen.
        const finish = () =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - t0);
            channel.port2.postMessage(0);
          });
        const observer = new MutationObserver(() => {
          if (count.dataset.query === text) {
            observer.disconnect();
            finish();
          }
        });
        observer.observe(count, { attributes: true });
        setValue.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (count.dataset.query === text) {
          observer.disconnect();
          finish();
        }
      });
    const times: number[] = [];
    for (const query of list) {
      for (let i = 1; i <= query.length; i++) {
        if (query[i - 1] === ' ') continue;
        times.push(await type(query.slice(0, i)));
      }
      await type('');
    }
    return times;
  }, queries);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
