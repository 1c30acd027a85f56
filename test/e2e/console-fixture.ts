import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { writeDataset, type Dataset } from '../../src-main/core/storage';
import { connectSocket, type DeskSocket } from './desk-socket';
import { launchBrowser, newDataDir, startHost, type RunningHost } from './harness';

/** A laptop's window: the size the console is tested at unless a test says otherwise. */
export const LAPTOP_WINDOW = { width: 1280, height: 720 } as const;

export interface HostStart {
  /** The data directory (a new, empty one when not given). */
  readonly dataDir?: string;
  /** Cases written into the data directory before the host starts, as an import leaves them. */
  readonly dataset?: Dataset;
  /** Work done through the host's socket once it runs (cases logged, reviews started), before any page opens. */
  readonly seed?: (socket: DeskSocket) => Promise<unknown>;
  readonly args?: readonly string[];
}

export interface PageOpen extends BrowserContextOptions {
  /** Appended to the host's address (`&view=...`). */
  readonly query?: string;
}

export interface ConsoleFixture {
  readonly browser: Browser;
  /** Starts the browser host; it stops after the test, or after the file when started in beforeAll. */
  start(options?: HostStart): Promise<RunningHost & { readonly dataDir: string }>;
  /**
   * The console as an engineer in Berlin sees it, in a fresh context (LAPTOP_WINDOW unless
   * `viewport` says otherwise), loaded until a case can be logged.
   */
  open(host: RunningHost, options?: PageOpen): Promise<{ context: BrowserContext; page: Page }>;
}

/** One browser for the test file and the hosts its tests start; call at the top of the file. */
export function useConsoleFixture(): ConsoleFixture {
  let browser: Browser | undefined;
  let inTest = false;
  const testHosts: RunningHost[] = [];
  const fileHosts: RunningHost[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    for (const host of testHosts.splice(0)) await host.stop();
  });
  afterAll(async () => {
    for (const host of fileHosts.splice(0)) await host.stop();
    await browser?.close();
  });

  const started = (): Browser => {
    if (!browser) throw new Error('the browser starts in beforeAll: open pages from a hook or a test');
    return browser;
  };
  return {
    get browser() {
      return started();
    },
    async start(options = {}) {
      const dataDir = options.dataDir ?? (await newDataDir());
      if (options.dataset) await writeDataset(dataDir, options.dataset, 100);
      const host = await startHost(dataDir, options.args);
      (inTest ? testHosts : fileHosts).push(host);
      if (options.seed) {
        const socket = await connectSocket(host);
        try {
          await options.seed(socket);
        } finally {
          socket.close();
        }
      }
      return Object.assign(host, { dataDir });
    },
    async open(host, options = {}) {
      const { query = '', ...contextOptions } = options;
      const context = await started().newContext({ timezoneId: 'Europe/Berlin', viewport: LAPTOP_WINDOW, ...contextOptions });
      const page = await context.newPage();
      await page.goto(host.url + query);
      await page.getByRole('button', { name: 'New case', exact: true }).and(page.locator(':enabled')).waitFor();
      return { context, page };
    },
  };
}
