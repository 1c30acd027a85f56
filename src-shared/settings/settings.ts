import { z } from 'zod';
import { SEVERITIES, type Severity } from '../domain/severity';
import { DEFAULT_POLICY, policyHistorySchema, policySchema } from '../sla';
import { DEFAULT_TEMPLATES, templatesSchema } from '../templates';

const minutesPerSeverity = (what: string, min: number, max: number) =>
  z.object(
    Object.fromEntries(
      SEVERITIES.map((severity) => [
        severity,
        z
          .number({ error: `${what} for ${severity} must be a number of minutes` })
          .min(min, `${what} for ${severity} must be at least ${min} minutes`)
          .max(max, `${what} for ${severity} must be at most ${max} minutes`),
      ]),
    ) as Record<Severity, z.ZodNumber>,
  );

export const notificationSettingsSchema = z.object({
  /** How long before a due time the engineer is warned. */
  leadMinutes: minutesPerSeverity('lead time', 0, 7 * 24 * 60),
  /** How often an overdue item is notified again until it is handled. */
  reminderMinutes: minutesPerSeverity('reminder interval', 1, 7 * 24 * 60),
});

/** The root-cause categories a review picks from (docs/reports.md); editable in Settings. */
export const DEFAULT_ROOT_CAUSE_CATEGORIES = [
  'Change or deployment',
  'Configuration',
  'Capacity',
  'Dependency or vendor',
  'Software defect',
  'Infrastructure',
  'Process',
  'Unknown',
] as const;

export const rootCauseCategoriesSchema = z
  .array(z.string().trim().min(1, 'a root-cause category needs a name').max(100, 'a root-cause category is longer than 100 characters'))
  .min(1, 'keep at least 1 root-cause category')
  .max(50, 'at most 50 root-cause categories')
  .refine((names) => new Set(names.map((name) => name.toLowerCase())).size === names.length, 'each root-cause category is named once');

/** The settings sections that belong to a team (docs/team.md); the others stay on each console. */
export const SHARED_SETTINGS_SECTIONS = ['policy', 'templates', 'rootCauseCategories'] as const;
export type SharedSettingsSection = (typeof SHARED_SETTINGS_SECTIONS)[number];

const teamVersionSchema = z.object({
  version: z.number().int().positive(),
  /** The engineer who saved this version, and when (ISO). */
  by: z.string(),
  at: z.string(),
});

/** Which version of each shared section this console holds, from which team (kept by the core, never in a patch). */
export const settingsTeamSchema = z.object({
  /** The team's server as host:port/database: versions of another team's settings mean nothing here. */
  server: z.string(),
  versions: z.object({ policy: teamVersionSchema, templates: teamVersionSchema, rootCauseCategories: teamVersionSchema }).partial(),
});
export type SettingsTeam = z.infer<typeof settingsTeamSchema>;

export const settingsSchema = z.object({
  /** The actor recorded on events this engineer creates. */
  engineerName: z.string().trim().min(1, 'engineer name is required').max(200, 'engineer name is longer than 200 characters'),
  notifications: notificationSettingsSchema,
  /** Plans, targets, cadences and calendars: the SLA policy, validated as a whole. */
  policy: policySchema,
  backups: z.object({
    keep: z.number().int('backups to keep must be a whole number').min(1, 'keep at least 1 backup').max(365, 'keep at most 365 backups'),
  }),
  /** The customer update templates; settings saved before they existed get the defaults. */
  templates: templatesSchema.default(DEFAULT_TEMPLATES),
  /** The taxonomy of root causes a review picks from; settings saved before it get the defaults. */
  rootCauseCategories: rootCauseCategoriesSchema.default([...DEFAULT_ROOT_CAUSE_CATEGORIES]),
  /** Every policy applied, oldest first, kept by the core (never sent in a patch): ended clocks are judged by the one in force then. */
  policyHistory: policyHistorySchema.default([]),
  /** In a team: the version of each shared section held here (kept by the core). */
  team: settingsTeamSchema.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** Partial update: each top-level section sent replaces the stored one whole. */
export const settingsPatchSchema = settingsSchema.omit({ policyHistory: true, team: true }).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * A save: the sections, and in a team the version of each shared section the edit began from
 * (`baseVersions`); a section the team changed since is refused, not overwritten.
 */
export const settingsUpdateSchema = settingsPatchSchema.extend({
  baseVersions: z
    .object({ policy: z.number().int().min(0), templates: z.number().int().min(0), rootCauseCategories: z.number().int().min(0) })
    .partial()
    .strict()
    .optional(),
});
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const DEFAULT_SETTINGS: Settings = {
  engineerName: 'Engineer',
  notifications: {
    leadMinutes: { P1: 15, P2: 30, P3: 120, P4: 120 },
    reminderMinutes: { P1: 15, P2: 15, P3: 120, P4: 120 },
  },
  policy: DEFAULT_POLICY,
  backups: { keep: 7 },
  templates: DEFAULT_TEMPLATES,
  rootCauseCategories: [...DEFAULT_ROOT_CAUSE_CATEGORIES],
  policyHistory: [],
};
