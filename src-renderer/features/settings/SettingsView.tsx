import { SHARED_SETTINGS_SECTIONS } from '../../../src-shared/settings';
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

const TEAM_SECTIONS: readonly SettingsSection[] = SHARED_SETTINGS_SECTIONS;

/** Sections edited here and saved elsewhere meanwhile: in a team, the team's sections are refused on save, not replaced. */
function ChangedElsewhere({ sections, team }: { sections: readonly SettingsSection[]; team: boolean }) {
  const names = (list: readonly SettingsSection[]) => list.map((section) => SECTION_NAMES[section]).join(', ');
  const teams = team ? sections.filter((section) => TEAM_SECTIONS.includes(section)) : [];
  const own = sections.filter((section) => !teams.includes(section));
  return (
    <>
      {own.length > 0 ? (
        <p className="settings-hint">{`Also changed elsewhere while you edited them: ${names(own)}. “Save settings” replaces them with yours; “Discard changes” shows the saved ones.`}</p>
      ) : null}
      {teams.length > 0 ? (
        <p className="settings-hint">{`Changed by the team while you edited them: ${names(teams)}. Saving is refused for them; “Discard changes” shows the team's, then make your change again.`}</p>
      ) : null}
    </>
  );
}

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
        {editor.changedElsewhere.length > 0 ? <ChangedElsewhere sections={editor.changedElsewhere} team={saved.team !== undefined} /> : null}
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
