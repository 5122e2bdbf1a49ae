import { createContext, useContext } from 'react';
import type { DataStore } from '../db/store';

const StoreContext = createContext<DataStore | null>(null);

export const StoreProvider = StoreContext.Provider;

/** The open data store; every screen reads and writes through it. */
export function useStore(): DataStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore() must be called inside <StoreProvider>.');
  return store;
}
