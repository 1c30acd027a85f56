// Types of obtain-browser.mjs, for its tests.
export interface BrowserSystem {
  readonly env: Record<string, string | undefined>;
  readonly exists: (path: string) => boolean;
  readonly playwrightChromium: () => string | undefined;
}
export interface ObtainSystem extends BrowserSystem {
  readonly platform: string;
  readonly isRoot: boolean;
  readonly run: (command: string, args: string[]) => { status: number | null };
  readonly log: (line: string) => void;
  readonly nodePath: string;
  readonly playwrightCli: string;
}
export const INSTALL_INSTRUCTION: string;
export function findChromium(system: BrowserSystem): string | undefined;
export function obtainChromium(system: ObtainSystem): { path: string; obtained?: 'apt' | 'playwright' } | { path: undefined };
export function planTestRun(
  args: string[],
  chromium: string | undefined,
  projects: string[],
): { args: string[] | null; env: Record<string, string>; withoutBrowser: boolean };
