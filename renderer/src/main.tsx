import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './app/styles.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Result, Typography } from 'antd';
import { App, AntProviders, FullPageSpin } from './app/App';
import { openDataStore, type DataStore } from './db/store';
import { installClockGuard } from './db/writeGuard';
import { vi } from './i18n/vi';
import { getPlatform } from './platform';

// Pick the host adapter once, before any screen asks for it: the Electron bridge when the
// preload put it on window, the browser adapter otherwise.
getPlatform();

function Root() {
  const [state, setState] = useState<{ store?: DataStore; error?: unknown }>({});
  useEffect(() => {
    // Ask the browser engine not to evict our IndexedDB under storage pressure.
    void navigator.storage?.persist?.().catch(() => false);
    openDataStore().then(
      (store) => {
        // Editing is blocked while the computer's clock is wrong (sync.md "Identity and clocks").
        installClockGuard(store, { buildDate: __BUILD_DATE__ });
        setState({ store });
      },
      (error: unknown) => setState({ error }),
    );
  }, []);
  if (state.store) return <App store={state.store} />;
  return (
    <AntProviders>
      {state.error ? (
        <Result
          status="error"
          title={vi.app.openFailed}
          subTitle={vi.app.openFailedHint}
          extra={<Typography.Text code>{state.error instanceof Error ? state.error.message : JSON.stringify(state.error)}</Typography.Text>}
        />
      ) : (
        <FullPageSpin tip={vi.app.loading} />
      )}
    </AntProviders>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
