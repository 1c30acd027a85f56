import type { FormEvent } from 'react';
import { BackupsSection } from './BackupsSection';
import { CalendarsSection } from './CalendarsSection';
import { DraftProvider } from './editor-context';
import { EngineerSection } from './EngineerSection';
import { IssueSummary } from './IssueSummary';
import { NotificationsSection } from './NotificationsSection';
import { PlansSection } from './PlansSection';
import { RootCauseCategoriesSection } from './RootCauseCategoriesSection';
import { TemplatesSection } from './TemplatesSection';
import { TeamSection } from '../team';
import { useSettingsEditor, type SettingsSection } from './use-settings-editor';
import './settings.css';

const SECTION_NAMES: Record<SettingsSection, string> = {
  engineerName: 'Engineer',
  notifications: 'Notifications',
  policy: 'Plans and calendars',
  backups: 'Backups',
  templates: 'Customer update templates',
  rootCauseCategories: 'Root-cause categories',
};

/** The settings editor over the settings store: everything is checked with the shared schema before it is sent. */
export function SettingsView() {
  const editor = useSettingsEditor();
  const { draft, saved } = editor;

  if (!draft || !saved) {
    return (
      <section className="settings" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        {editor.loadError ? (
          <div role="alert" className="form-error">
            <p>{`The settings could not be loaded: ${editor.loadError.message}`}</p>
            <button type="button" onClick={() => void editor.reload()}>
              Try again
            </button>
          </div>
        ) : (
          <p className="empty">Loading settings…</p>
        )}
      </section>
    );
  }

  const saving = editor.feedback === 'saving';
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void editor.save();
  }

  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form noValidate onSubmit={submit} aria-labelledby="settings-heading">
        <div className="settings-actions">
          <button type="submit" className="primary" disabled={!editor.dirty || saving}>
            Save settings
          </button>
          <button type="button" disabled={!editor.dirty || saving} onClick={editor.discard}>
            Discard changes
          </button>
          <p role="status" className="settings-feedback">
            {saving ? 'Saving…' : editor.feedback === 'saved' ? 'Saved' : ''}
          </p>
        </div>
        {editor.changedElsewhere.length > 0 ? (
          <p className="settings-hint">
            {`Also changed elsewhere while you edited them: ${editor.changedElsewhere.map((section) => SECTION_NAMES[section]).join(', ')}. “Save settings” replaces them with yours; “Discard changes” shows the saved ones.`}
          </p>
        ) : null}
        <IssueSummary draft={draft} feedback={editor.feedback} issues={editor.issues} serverError={editor.serverError} />
        <DraftProvider draft={draft} issues={editor.issues} disabled={saving} change={editor.change}>
          <EngineerSection />
          <NotificationsSection />
          <PlansSection savedPlanCount={saved.policy.plans.length} />
          <CalendarsSection />
          <BackupsSection />
          <TemplatesSection />
          <RootCauseCategoriesSection />
        </DraftProvider>
      </form>
      <TeamSection />
    </section>
  );
}
