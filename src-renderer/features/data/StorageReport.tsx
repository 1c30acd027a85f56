import { useEffect, useState } from 'react';
import type { DeskError, SystemInfo } from '../../../src-shared/contract';
import { useDeskStores, useSystem } from '../../state';

type Problem = SystemInfo['storage']['corrupt'][number];

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * What is wrong with the data: files the console could not read when it opened them or later
 * while it ran (kept aside, never overwritten), what is missing because of each, the offer to
 * restore each from its latest backup, files rebuilt whole, and restores just done.
 */
export function StorageReport() {
  const { desk, system } = useDeskStores();
  const storage = useSystem((state) => state.info?.storage);
  const lastDamage = useSystem((state) => state.lastDamage);
  const [scheduled, setScheduled] = useState<Record<string, string>>({});
  const [error, setError] = useState<DeskError>();

  useEffect(() => {
    void system.getState().load();
  }, [system]);

  async function restore(problem: Problem) {
    const result = await desk.api['data.restoreBackup']({ file: problem.file });
    if (result.ok) setScheduled((current) => ({ ...current, [problem.file]: result.value.backup }));
    else setError(result.error);
  }

  if (!storage || (storage.corrupt.length === 0 && !storage.restored?.length)) return null;
  return (
    <section className="storage-report" aria-label="Data problems">
      {lastDamage ? (
        <p role="status" className="storage-news">
          {lastDamage}
        </p>
      ) : null}
      {storage.corrupt.map((problem) =>
        problem.repaired ? (
          <div key={`${problem.file}\n${problem.movedTo}`} className="storage-problem storage-repaired">
            <p>
              <strong>{baseName(problem.file)}</strong> could not be read: {problem.reason}. It was {problem.repaired}.
              {problem.movedTo ? ` The damaged copy was kept aside as ${problem.movedTo}.` : ''}
            </p>
          </div>
        ) : (
          <div key={`${problem.file}\n${problem.movedTo}`} role="alert" className="storage-problem">
            <p>
              <strong>{baseName(problem.file)}</strong> could not be read: {problem.reason}. It was kept aside as {problem.movedTo}, and the
              console {problem.foundWhileRunning ? 'found it damaged while it ran and goes on' : 'started'} without it.
            </p>
            {problem.affects ? <p>Missing until it is restored: {problem.affects}.</p> : null}
            {scheduled[problem.file] ? (
              <p>Restore from {scheduled[problem.file]} is scheduled: restart the console to finish it.</p>
            ) : problem.latestBackup ? (
              <p>
                Latest backup: {problem.latestBackup}{' '}
                <button type="button" onClick={() => void restore(problem)}>
                  {`Restore ${baseName(problem.file)} from backup`}
                </button>
              </p>
            ) : (
              <p>There is no backup of this file yet.</p>
            )}
          </div>
        ),
      )}
      {storage.restored?.length ? (
        <p role="status">Restored at this start: {storage.restored.join('; ')}.</p>
      ) : null}
      {error ? <p role="alert">{error.message}</p> : null}
    </section>
  );
}
