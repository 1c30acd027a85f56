import { homedir } from 'node:os';
import { createSystemClock } from '../core/clock';
import { runImportCommand } from '../core/import/command';
import { defaultUserDataDir, resolveDataDir } from '../core/launch-options';

/** `npm run import -- zendesk|jsm FILE... [--data-dir DIR] [--dry-run] ...`: docs/import.md. */

const progress = process.stderr.isTTY
  ? ({ phase, done, total }: { phase: string; done: number; total: number }) => {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      process.stderr.write(`\r${phase === 'reading' ? 'Reading' : 'Writing'} ${percent}%   ${phase === 'writing' && done === total ? '\n' : ''}`);
    }
  : undefined;

runImportCommand(process.argv.slice(2), {
  dataDir: (given) => resolveDataDir(given ? { dataDir: given } : {}, process.env, () => defaultUserDataDir(process.platform, process.env, homedir())),
  clock: createSystemClock(),
  io: {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ...(progress ? { progress } : {}),
  },
})
  .then((status) => process.exit(status))
  .catch((error: unknown) => {
    console.error('response-desk import: the import failed unexpectedly', error);
    process.exit(1);
  });
