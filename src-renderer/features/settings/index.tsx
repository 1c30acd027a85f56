import { useLoadedSettings } from '../../state';

/** The settings slot: the engineer's name for now; the settings editor takes this place. */
export function SettingsView() {
  const settings = useLoadedSettings();
  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <dl className="facts">
        <div>
          <dt>Engineer name</dt>
          <dd>{settings.engineerName}</dd>
        </div>
      </dl>
    </section>
  );
}
