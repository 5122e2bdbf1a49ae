import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AntProviders } from '../../app/App';
import { StoreProvider } from '../../app/StoreContext';
import { openDataStore, type DataStore } from '../../db/store';
import { setPlatformForTests } from '../../platform';
import { createBrowserBackupStore } from '../../platform/browserBackups';
import { ThisComputerCard } from './ThisComputerCard';

let store: DataStore;

beforeEach(async () => {
  store = await openDataStore({ name: `computer-${crypto.randomUUID()}` });
  setPlatformForTests({
    backups: createBrowserBackupStore(`computer-backups-${crypto.randomUUID()}`),
    saveFile: () => Promise.resolve({ saved: false }),
    openFile: () => Promise.resolve(null),
    print: () => Promise.resolve(),
    savePdf: () => Promise.resolve({ saved: false }),
    appInfo: () => Promise.resolve({ version: '1.2.3', platform: 'win32', dataFolder: 'C:\\Users\\VP\\AppData\\qldv', host: 'electron' }),
  });
});
afterEach(() => {
  setPlatformForTests(undefined);
  store.close();
});

function renderCard() {
  return render(
    <AntProviders>
      <StoreProvider value={store}>
        <ThisComputerCard />
      </StoreProvider>
    </AntProviders>,
  );
}

describe('this computer', () => {
  it('shows the ids of this install and what the host reports', async () => {
    renderCard();
    expect(screen.getByText(store.identity.nodeId)).toBeInTheDocument();
    expect(screen.getByText(store.identity.datasetId)).toBeInTheDocument();
    expect(await screen.findByText('1.2.3')).toBeInTheDocument();
    expect(screen.getByText('C:\\Users\\VP\\AppData\\qldv')).toBeInTheDocument();
  });

  it('renames the laptop and its user, cleaning the spaces', async () => {
    const user = userEvent.setup();
    renderCard();
    const device = screen.getByLabelText('Tên máy');
    await user.clear(device);
    await user.type(device, '  Máy   Văn phòng 2 ');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Đã lưu.');
    expect(await store.getMeta('deviceName')).toBe('Máy Văn phòng 2');
    expect(store.identity.deviceName).toBe('Máy Văn phòng 2');
  });

  it('refuses an empty name and keeps the old one', async () => {
    const user = userEvent.setup();
    renderCard();
    await user.clear(screen.getByLabelText('Người dùng'));
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Tên không được để trống.')).toBeInTheDocument();
    await waitFor(async () => expect(await store.getMeta('userName')).toBe('Cán bộ văn phòng'));
  });
});
