import { NO_ELECTRON_MESSAGE, obtainElectron } from '../../../scripts/obtain-electron.mjs';

function machine(options: { present?: boolean; install?: { status: number; output: string; fetches: boolean } }) {
  let present = options.present ?? false;
  const calls: string[] = [];
  const logged: string[] = [];
  const system = {
    binary: () => (present ? '/app/node_modules/electron/dist/electron' : undefined),
    install: () => {
      calls.push('install.js');
      const outcome = options.install ?? { status: 1, output: 'RequestError: getaddrinfo ENOTFOUND github.com', fetches: false };
      if (outcome.fetches) present = true;
      return { status: outcome.status, output: outcome.output };
    },
    log: (text: string) => logged.push(text),
  };
  return { system, calls, logged };
}

describe('the Electron binary for npm start', () => {
  it('uses the binary that is there without running the installer', () => {
    const { system, calls } = machine({ present: true });
    expect(obtainElectron(system)).toBe('/app/node_modules/electron/dist/electron');
    expect(calls).toEqual([]);
  });

  it('fetches it with the electron package\'s own installer on first use, then opens it', () => {
    const { system, calls, logged } = machine({ install: { status: 0, output: '', fetches: true } });
    expect(obtainElectron(system)).toBe('/app/node_modules/electron/dist/electron');
    expect(calls).toEqual(['install.js']);
    expect(logged).toEqual(['response-desk: fetching the Electron binary (first start only)...']);
  });

  it('where the installer cannot fetch it, points to npm run serve and says what the installer said', () => {
    const { system, logged } = machine({});
    expect(obtainElectron(system)).toBeUndefined();
    expect(logged.at(-1)).toBe(`${NO_ELECTRON_MESSAGE}\n  (the installer said: RequestError: getaddrinfo ENOTFOUND github.com)`);
    expect(NO_ELECTRON_MESSAGE).toMatch(/npm run serve/);
  });

  it('does not take an installer that exits 0 without a binary for success', () => {
    const { system } = machine({ install: { status: 0, output: 'done', fetches: false } });
    expect(obtainElectron(system)).toBeUndefined();
  });
});
