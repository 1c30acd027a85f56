// The Electron binary for `npm start`: the electron package fetches it from Electron's releases
// on first use, with its own installer (node_modules/electron/install.js). What touches the
// machine comes in as `system`, so the logic is tested without a network.

export const NO_ELECTRON_MESSAGE = [
  'response-desk: the Electron binary could not be fetched on this machine, so the desktop window cannot open.',
  '  To get it, run `node node_modules/electron/install.js` on a machine that can download Electron releases.',
  '  Without it, run the same console in your browser: npm run serve',
].join('\n');

/**
 * The binary, fetched first if it is missing; undefined (and the message printed) when the
 * installer cannot fetch it.
 * @param {{
 *   binary: () => string | undefined,
 *   install: () => { status: number | null, output: string },
 *   log: (text: string) => void,
 * }} system
 * @returns {string | undefined}
 */
export function obtainElectron(system) {
  const present = system.binary();
  if (present) return present;
  system.log('response-desk: fetching the Electron binary (first start only)...');
  const installed = system.install();
  const fetched = installed.status === 0 ? system.binary() : undefined;
  if (fetched) return fetched;
  const reason = lastLine(installed.output);
  system.log(`${NO_ELECTRON_MESSAGE}${reason ? `\n  (the installer said: ${reason})` : ''}`);
  return undefined;
}

function lastLine(text) {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const error = lines.find((line) => /error/i.test(line));
  return (error ?? lines.at(-1) ?? '').slice(0, 300);
}
