import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

// import.meta rather than __dirname, so benchmarks run by tsx (ESM) can start hosts too
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * CHROMIUM_PATH when set (then it alone, as `npm test` sets it to the browser it found or
 * obtained), else Debian's /usr/bin/chromium, or Playwright's own browser.
 */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core knows where its own browser would be even when it is not installed.
  }
  return candidates.find((path) => existsSync(path));
}

export const NO_CHROMIUM_MESSAGE = [
  'The end-to-end tests need Chromium and none was found.',
  'Install one: `apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  'Looked at: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, and Playwright\'s own browser.',
].join('\n');

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}

export async function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'desk-e2e-'));
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly logs: () => string;
  /** The host's log (stderr) alone: the ready line on stdout is the one place the token is printed. */
  readonly stderr: () => string;
  /** Whether the process is still running. */
  readonly running: () => boolean;
  /** Sends a signal without waiting (SIGSTOP freezes the host, so a request stays unanswered). */
  signal(signal: NodeJS.Signals): void;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node out/main/web.js` and waits for its one ready line. */
export async function startHost(dataDir: string, extraArgs: readonly string[] = []): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not print its ready line in 20 s:\n${stdout}\n${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Console ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code} before it was ready:\n${stdout}\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    logs: () => stdout + stderr,
    stderr: () => stderr,
    running: () => child.exitCode === null && child.signalCode === null,
    signal: (signal) => void child.kill(signal),
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill(signal);
      }),
  };
}

/** Opens the console in a fresh page and waits until it has loaded its cases. */
export async function openConsole(browser: Browser, host: RunningHost): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(host.url);
  return page;
}
