import { INSTALL_INSTRUCTION, findChromium, obtainChromium, planTestRun, type ObtainSystem } from '../../../scripts/obtain-browser.mjs';

const PROJECTS = ['shared', 'main', 'renderer', 'e2e'];

/** A machine as the script sees it: files that exist, and what each command does to them. */
function machine(options: { files?: string[]; env?: Record<string, string | undefined>; isRoot?: boolean; platform?: string; onRun?: (command: string, args: string[]) => { status: number; adds?: string[] } }) {
  const files = new Set(options.files ?? []);
  const ran: string[] = [];
  const logged: string[] = [];
  const system: ObtainSystem = {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...options.env },
    platform: options.platform ?? 'linux',
    isRoot: options.isRoot ?? false,
    exists: (path) => files.has(path),
    playwrightChromium: () => '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome',
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      const outcome = options.onRun?.(command, args) ?? { status: 1 };
      for (const added of outcome.adds ?? []) files.add(added);
      return { status: outcome.status };
    },
    log: (line) => logged.push(line),
    nodePath: '/usr/bin/node',
    playwrightCli: '/app/node_modules/playwright-core/cli.js',
  };
  return { system, ran, logged };
}

describe('finding the end-to-end tests\' Chromium', () => {
  it('takes CHROMIUM_PATH alone when it is set, even where another browser exists', () => {
    expect(findChromium(machine({ files: ['/opt/chrome', '/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/chrome' } }).system)).toBe('/opt/chrome');
    expect(findChromium(machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/nothing' } }).system)).toBeUndefined();
  });

  it('looks on PATH, then at Playwright\'s own download', () => {
    expect(findChromium(machine({ files: ['/usr/bin/chromium'] }).system)).toBe('/usr/bin/chromium');
    expect(findChromium(machine({ files: ['/usr/bin/chromium'], env: { PATH: '/empty' } }).system)).toBeUndefined();
    const own = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    expect(findChromium(machine({ files: [own], env: { PATH: '/empty' } }).system)).toBe(own);
  });
});

describe('obtaining a Chromium', () => {
  it('installs nothing when one is there', () => {
    const { system, ran } = machine({ files: ['/usr/bin/chromium', '/usr/bin/apt-get'], isRoot: true });
    expect(obtainChromium(system)).toEqual({ path: '/usr/bin/chromium' });
    expect(ran).toEqual([]);
  });

  it('installs Debian\'s chromium with apt-get when running as root where apt-get is', () => {
    const { system, ran } = machine({
      files: ['/usr/bin/apt-get'],
      isRoot: true,
      onRun: (_command, args) => (args[0] === 'install' ? { status: 0, adds: ['/usr/bin/chromium'] } : { status: 0 }),
    });
    expect(obtainChromium(system)).toEqual({ path: '/usr/bin/chromium', obtained: 'apt' });
    expect(ran).toEqual(['/usr/bin/apt-get update -qq', '/usr/bin/apt-get install -y -qq chromium']);
  });

  it('uses Playwright\'s own download when not root, or when apt-get fails', () => {
    const own = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    const download = (command: string) => (command === '/usr/bin/node' ? { status: 0, adds: [own] } : { status: 100 });
    const asUser = machine({ files: ['/usr/bin/apt-get'], onRun: download });
    expect(obtainChromium(asUser.system)).toEqual({ path: own, obtained: 'playwright' });
    expect(asUser.ran).toEqual(['/usr/bin/node /app/node_modules/playwright-core/cli.js install chromium']);
    const aptFails = machine({ files: ['/usr/bin/apt-get'], isRoot: true, onRun: download });
    expect(obtainChromium(aptFails.system)).toEqual({ path: own, obtained: 'playwright' });
    expect(aptFails.ran).toEqual(['/usr/bin/apt-get update -qq', '/usr/bin/node /app/node_modules/playwright-core/cli.js install chromium']);
  });

  it('gives up, saying so, when neither can be had', () => {
    const { system, logged } = machine({ files: [], isRoot: true, onRun: () => ({ status: 1 }) });
    expect(obtainChromium(system)).toEqual({ path: undefined });
    expect(logged.at(-1)).toMatch(/Playwright's download of Chromium could not be had from here/);
  });

  it('fetches nothing when CHROMIUM_PATH names a browser that is not there, or installing is turned off', () => {
    for (const env of [{ CHROMIUM_PATH: '/nothing' }, { RESPONSE_DESK_NO_BROWSER_INSTALL: '1' }]) {
      const { system, ran } = machine({ files: ['/usr/bin/apt-get'], isRoot: true, env, onRun: () => ({ status: 0 }) });
      expect(obtainChromium(system)).toEqual({ path: undefined });
      expect(ran).toEqual([]);
    }
  });
});

describe('planning npm test', () => {
  it('runs every project with the browser it found', () => {
    expect(planTestRun([], '/usr/bin/chromium', PROJECTS)).toEqual({ args: [], env: { CHROMIUM_PATH: '/usr/bin/chromium' }, withoutBrowser: false });
  });

  it('without a browser runs every other project, never none, and must fail', () => {
    expect(planTestRun([], undefined, PROJECTS)).toEqual({
      args: ['--project', 'shared', '--project', 'main', '--project', 'renderer'],
      env: {},
      withoutBrowser: true,
    });
    expect(planTestRun(['--project', 'e2e', '--project=main', '-t', 'queue'], undefined, PROJECTS)).toEqual({
      args: ['-t', 'queue', '--project', 'main'],
      env: {},
      withoutBrowser: true,
    });
    expect(planTestRun(['--project', 'e2e'], undefined, PROJECTS)).toEqual({ args: null, env: {}, withoutBrowser: true });
  });

  it('needs no browser when the end-to-end project is not asked for', () => {
    expect(planTestRun(['--project', 'main'], undefined, PROJECTS)).toEqual({ args: ['--project', 'main'], env: {}, withoutBrowser: false });
  });

  it('says how to install a browser in one line', () => {
    expect(INSTALL_INSTRUCTION).not.toContain('\n');
    expect(INSTALL_INSTRUCTION).toMatch(/apt-get install -y chromium.*playwright-core install chromium.*CHROMIUM_PATH/);
  });
});
