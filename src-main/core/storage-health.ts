import { basename, isAbsolute, relative, sep } from 'node:path';
import type { StorageProblem } from '../../src-shared/contract';
import type { EventBus } from './event-bus';
import type { StoreOpenReport } from './ports';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What the console is without while a data file cannot be read, in words. */
export function damageAffects(dataDir: string, file: string): string {
  const rel = (isAbsolute(file) ? relative(dataDir, file) : file).split(sep).join('/');
  const name = basename(rel);
  let match: RegExpExecArray | null;
  if ((match = /^history\/(\d{4})-(\d{2})\.\d{3}\.json$/.exec(rel))) return `closed cases of ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]} (one of the files that month's history is kept in)`;
  if ((match = /^history\/index\/([A-Z]+)-(\d+)\.json$/.exec(rel))) {
    const from = Number(match[2]) * 1000;
    return `where closed cases ${match[1]}-${Math.max(from, 1)} to ${match[1]}-${from + 999} are found`;
  }
  if (rel === 'history/summary.json') return 'the count of closed cases in each history file';
  if ((match = /^active\/([A-Z]+-\d+)\.json$/.exec(rel))) return `open case ${match[1]}`;
  if ((match = /^reviews\/([A-Z]+-\d+)\.json$/.exec(rel))) return `the post-incident review of ${match[1]}`;
  if (rel.startsWith('journal/')) return 'changes not yet written into the case files';
  if (name === 'meta.json') return 'the case number counter';
  if (name === 'settings.json') return 'your settings and the SLA policy';
  if (name === 'runtime-state.json') return 'snoozes and the reminders already sent';
  if (name === 'notifications.json') return 'the list of recent notifications';
  return name;
}

/** The sentence a person reads when damage is found. */
export function damageMessage(dataDir: string, problem: StorageProblem): string {
  const rel = isAbsolute(problem.file) ? relative(dataDir, problem.file).split(sep).join('/') : problem.file;
  if (problem.repaired) return `${rel} was damaged and has been ${problem.repaired}.`;
  const restore = problem.latestBackup ? 'Restore it from its latest backup.' : 'There is no backup of it yet.';
  return `${rel} could not be read and was kept aside. Missing until it is restored: ${problem.affects ?? basename(rel)}. ${restore}`;
}

/**
 * What is wrong with the data right now: what the start found, and damage found since (a history
 * file or a review read for the first time). `system.info` answers with it, the export refuses on
 * it, `data.restoreBackup` restores from it, and each new finding is pushed as `storage.changed`.
 */
export class StorageHealth {
  #corrupt: StorageProblem[];
  readonly #migrated: readonly string[];
  readonly #restored: readonly string[] | undefined;
  #running = false;

  constructor(
    private readonly dataDir: string,
    start: StoreOpenReport,
    private readonly bus: EventBus,
  ) {
    this.#corrupt = dedupe(start.corrupt.map((problem) => ({ ...problem, affects: damageAffects(dataDir, problem.file) })));
    this.#migrated = start.migrated;
    this.#restored = start.restored;
  }

  report(): StoreOpenReport {
    return { corrupt: [...this.#corrupt], migrated: this.#migrated, ...(this.#restored ? { restored: this.#restored } : {}) };
  }

  /** The console has started: what is found from now on was found while it ran. */
  started(): void {
    this.#running = true;
  }

  /** Damage found after the store opened: added once, and pushed with its sentence. */
  found(problem: StorageProblem): void {
    const entry: StorageProblem = { ...problem, affects: damageAffects(this.dataDir, problem.file), ...(this.#running ? { foundWhileRunning: true } : {}) };
    if (this.#corrupt.some((known) => keyOf(known) === keyOf(entry))) return;
    this.#corrupt = [...this.#corrupt, entry];
    this.bus.emit('storage.changed', { message: damageMessage(this.dataDir, entry), storage: this.#payload() });
  }

  /** An import replaced all the data: what was damaged before no longer concerns it. */
  replaced(): void {
    if (this.#corrupt.length === 0) return;
    this.#corrupt = [];
    this.bus.emit('storage.changed', { message: 'The imported data replaced every file that was damaged.', storage: this.#payload() });
  }

  #payload() {
    const report = this.report();
    return { corrupt: [...report.corrupt], migrated: [...report.migrated], ...(report.restored ? { restored: [...report.restored] } : {}) };
  }
}

/** Each damaged copy is kept aside under its own name: that name is the finding. */
function keyOf(problem: StorageProblem): string {
  return problem.movedTo;
}

function dedupe(problems: readonly StorageProblem[]): StorageProblem[] {
  return [...new Map(problems.map((problem) => [keyOf(problem), problem])).values()];
}
