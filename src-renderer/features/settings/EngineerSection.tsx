import { useDraft } from './editor-context';
import { TextField } from './fields';

/** Who this console records as the actor on the events it creates. */
export function EngineerSection() {
  const { draft, change } = useDraft();
  return (
    <section className="settings-section" aria-labelledby="settings-engineer-heading">
      <h3 id="settings-engineer-heading">Engineer</h3>
      <TextField
        path="engineerName"
        visibleLabel
        value={draft.engineerName}
        onChange={(value) => change((next) => { next.engineerName = value; })}
      />
      <p className="settings-hint">Recorded as the actor on every case event this console creates.</p>
    </section>
  );
}
