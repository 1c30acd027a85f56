// Finds, or obtains, the Chromium the end-to-end tests drive, and plans `npm test` around it.
// Everything that touches the machine (files, PATH, running a command) comes in as `system`, so
// the logic is tested without a network or a package manager.
import { delimiter, join } from 'node:path';

/** The one line printed when no browser could be had. */
export const INSTALL_INSTRUCTION =
  'tests: the end-to-end tests were not run: no Chromium found; install one with `apt-get install -y chromium` (Debian/Ubuntu, as root) or `npx playwright-core install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary';

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * CHROMIUM_PATH when it is set (then it alone: an explicit choice is never second-guessed), else a
 * Chromium on PATH, else Playwright's own download.
 * @param {{ env: Record<string, string | undefined>, exists: (path: string) => boolean, playwrightChromium: () => string | undefined }} system
 */
export function findChromium(system) {
  const chosen = system.env.CHROMIUM_PATH;
  if (chosen) return system.exists(chosen) ? chosen : undefined;
  for (const dir of (system.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ON_PATH) if (system.exists(join(dir, name))) return join(dir, name);
  }
  const own = system.playwrightChromium();
  return own && system.exists(own) ? own : undefined;
}

/**
 * A Chromium for the tests: one already there; else Debian's package when running as root where
 * apt-get is; else Playwright's own download where it is reachable. Nothing is fetched when
 * CHROMIUM_PATH is set or RESPONSE_DESK_NO_BROWSER_INSTALL=1.
 * @param {{
 *   env: Record<string, string | undefined>,
 *   platform: string,
 *   isRoot: boolean,
 *   exists: (path: string) => boolean,
 *   playwrightChromium: () => string | undefined,
 *   run: (command: string, args: string[]) => { status: number | null },
 *   log: (line: string) => void,
 *   nodePath: string,
 *   playwrightCli: string,
 * }} system
 * @returns {{ path: string, obtained?: 'apt' | 'playwright' } | { path: undefined }}
 */
export function obtainChromium(system) {
  const found = findChromium(system);
  if (found) return { path: found };
  if (system.env.CHROMIUM_PATH || system.env.RESPONSE_DESK_NO_BROWSER_INSTALL === '1') return { path: undefined };
  const aptGet = (system.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'apt-get')).find(system.exists);
  if (system.platform === 'linux' && system.isRoot && aptGet) {
    system.log('tests: no Chromium found; installing Debian\'s chromium with apt-get');
    const updated = system.run(aptGet, ['update', '-qq']);
    const installed = updated.status === 0 ? system.run(aptGet, ['install', '-y', '-qq', 'chromium']) : updated;
    const path = installed.status === 0 ? findChromium(system) : undefined;
    if (path) return { path, obtained: 'apt' };
    system.log('tests: apt-get could not install chromium');
  }
  system.log('tests: no Chromium found; trying Playwright\'s own download');
  const downloaded = system.run(system.nodePath, [system.playwrightCli, 'install', 'chromium']);
  const path = downloaded.status === 0 ? findChromium(system) : undefined;
  if (path) return { path, obtained: 'playwright' };
  system.log('tests: Playwright\'s download of Chromium could not be had from here');
  return { path: undefined };
}

/**
 * What `npm test` runs: every project, with CHROMIUM_PATH set to the browser found; without a
 * browser, every project but e2e (never zero tests), and then it must fail with the instruction.
 * @param {string[]} args the arguments given to `npm test`, passed on to vitest
 * @param {string | undefined} chromium
 * @param {string[]} projects every vitest project, in order
 * @returns {{ args: string[] | null, env: Record<string, string>, withoutBrowser: boolean }} args null: nothing is left to run
 */
export function planTestRun(args, chromium, projects) {
  if (chromium) return { args, env: { CHROMIUM_PATH: chromium }, withoutBrowser: false };
  const asked = projectsAsked(args);
  if (asked !== undefined && !asked.includes('e2e')) return { args, env: {}, withoutBrowser: false };
  const others = (asked ?? projects).filter((project) => project !== 'e2e');
  if (others.length === 0) return { args: null, env: {}, withoutBrowser: true };
  const rest = withoutProjects(args);
  return { args: [...rest, ...others.flatMap((project) => ['--project', project])], env: {}, withoutBrowser: true };
}

/** The projects named with --project (either spelling), or undefined when none is. */
function projectsAsked(args) {
  const named = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--project' && args[i + 1] !== undefined) named.push(args[++i]);
    else if (args[i].startsWith('--project=')) named.push(args[i].slice('--project='.length));
  }
  return named.length > 0 ? named : undefined;
}

function withoutProjects(args) {
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--project') i++;
    else if (!args[i].startsWith('--project=')) rest.push(args[i]);
  }
  return rest;
}
