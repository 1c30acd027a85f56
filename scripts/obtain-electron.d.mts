// Types of obtain-electron.mjs, for its tests.
export const NO_ELECTRON_MESSAGE: string;
export function obtainElectron(system: {
  binary: () => string | undefined;
  install: () => { status: number | null; output: string };
  log: (text: string) => void;
}): string | undefined;
