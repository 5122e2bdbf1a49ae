// Setup for the `renderer` Vitest project: happy-dom + an in-memory IndexedDB + Testing Library.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// `findBy…` and `waitFor` wait up to 5 s (not 1 s): the demo ward's first counts take a moment on a
// busy two-core machine, and a slow machine must not fail a test whose behaviour is right.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});

// Ant Design asks for matchMedia (responsive grid) and ResizeObserver (tables, virtual lists).
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
