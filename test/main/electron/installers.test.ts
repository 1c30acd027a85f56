import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { APP_ID } from '../../../src-main/electron/identity';
import { PRODUCT_NAME } from '../../../src-main/core/launch-options';

const require = createRequire(import.meta.url);
const root = join(__dirname, '../../..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

type Validate = (config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }) => Promise<void>;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: Validate };
const quiet = { isEnabled: false, add: () => undefined };

describe('the installers (electron-builder.json)', { timeout: 60_000 }, () => {
  const config = read('electron-builder.json');
  const pkg = read('package.json');

  it("passes electron-builder's own validation against its schema, offline", async () => {
    const { $schema: _schema, ...builderConfig } = config;
    await expect(validateConfiguration(builderConfig, quiet)).resolves.toBeUndefined();
  });

  it('is checked for real: a misspelt option is refused by the same validation', async () => {
    await expect(validateConfiguration({ ...config, $schema: undefined, nsis: { oneClik: false } }, quiet)).rejects.toThrow(/configuration\.nsis/);
  });

  it('agrees everywhere on the app id, the product name and the desktop name', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(pkg.productName);
    expect(pkg.productName).toBe(PRODUCT_NAME);
    const linux = config.linux as { executableName: string; desktop: { entry: { StartupWMClass: string } } };
    // Linux matches the badge and the window to the .desktop file named after desktopName.
    expect(pkg.desktopName).toBe(`${linux.executableName}.desktop`);
    expect(linux.desktop.entry.StartupWMClass).toBe(pkg.productName);
  });

  it('builds AppImage and deb on Linux, dmg on macOS and NSIS with a Start Menu shortcut on Windows', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.mac as { target: string[]; hardenedRuntime: boolean }).target).toEqual(['dmg']);
    expect((config.mac as { hardenedRuntime: boolean }).hardenedRuntime).toBe(true);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    // The Start Menu shortcut carries the AppUserModelId (the appId): Windows shows toasts only for it.
    expect((config.nsis as { createStartMenuShortcut: boolean }).createStartMenuShortcut).toBe(true);
    expect(typeof (pkg.scripts as Record<string, string>).dist).toBe('string');
  });
});
