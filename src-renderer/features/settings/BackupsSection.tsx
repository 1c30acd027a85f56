import { useDraft } from './editor-context';
import { NumberField } from './fields';

export function BackupsSection() {
  const { draft, change } = useDraft();
  return (
    <section className="settings-section" aria-labelledby="settings-backups-heading">
      <h3 id="settings-backups-heading">Backups</h3>
      <NumberField path="backups.keep" visibleLabel value={draft.backups.keep} onChange={(value) => change((next) => { next.backups.keep = value; })} />
    </section>
  );
}
