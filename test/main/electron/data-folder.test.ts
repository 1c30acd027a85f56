import { join } from 'node:path';
import { app, resetElectron } from '../electron-mock';
import { defaultUserDataDir } from '../../../src-main/core/launch-options';

describe('one data folder for both hosts', () => {
  afterEach(() => resetElectron());

  it.each(['linux', 'darwin', 'win32'] as const)('the browser host resolves the folder Electron uses on %s', (platform) => {
    resetElectron({ platform });
    const home = process.env.HOME ?? '/home/test';
    // Electron: userData = appData + the app's name, which is package.json's productName.
    expect(defaultUserDataDir(platform, process.env, home)).toBe(app.getPath('userData'));
    expect(app.getPath('userData')).toBe(join(app.getPath('appData'), 'Response Desk'));
  });
});
