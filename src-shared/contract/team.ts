import { z } from 'zod';
import { caseRecordSchema, isoInstantSchema } from '../domain';
import { request } from './define';

/** A person on the team: the name they act under and their email. */
export const teamMemberSchema = z.object({ name: z.string(), email: z.string() });
export type TeamMember = z.infer<typeof teamMemberSchema>;

/**
 * Team mode as the console shows it. `server` names host, port and database only: the
 * credential stays in main. `connection` is `off` without a team.
 */
export const teamViewSchema = z.object({
  connection: z.enum(['off', 'connecting', 'online', 'offline']),
  server: z.string().optional(),
  /** Where the connection comes from: the launch flag, the environment, or Settings. */
  source: z.enum(['flag', 'environment', 'settings']).optional(),
  email: z.string(),
  /** Changes applied here that the server has not taken yet. */
  pending: z.number().int().min(0),
  /** The letters of this workstation's case keys on the team. */
  prefix: z.string().optional(),
  leader: z.boolean(),
  problem: z.string().optional(),
  /** A change to the team's settings not applied on this console, and why (Settings' Team section). */
  settingsProblem: z.string().optional(),
  refusals: z.array(z.object({ caseId: z.string(), command: z.string(), reason: z.string(), at: isoInstantSchema, record: caseRecordSchema })),
  members: z.array(teamMemberSchema),
  /**
   * Cases imported here from a service desk that the team held already (the same ticket, imported
   * on another console while this one was offline), each merged into the team's case: the newest
   * first (at most 20), and how many since the console started.
   */
  merges: z
    .array(
      z.object({
        from: z.string(),
        into: z.string(),
        ticket: z.string(),
        /** The engineers' changes to the copy here, now decided on the team's case. */
        changes: z.number().int().min(0),
        /** Facts from the desk the copy here held and the team's case lacks (importing the file again adds them). */
        missing: z.number().int().min(0),
        at: isoInstantSchema,
      }),
    )
    .optional(),
  mergedCount: z.number().int().min(0).optional(),
});
export type TeamView = z.infer<typeof teamViewSchema>;

export const TEAM_URL_MAX = 2000;

export const teamRequests = {
  'team.status': request(z.object({}).strict(), 'Team mode: the connection, the changes waiting, refusals and the members.').returns<TeamView>(),
  'team.join': request(
    z
      .object({
        url: z.string().trim().min(1, 'the team database address is required').max(TEAM_URL_MAX, `the address is at most ${TEAM_URL_MAX} characters`),
        email: z.string().trim().max(320, 'an email is at most 320 characters').default(''),
      })
      .strict(),
    'Joins a team database (postgres://user:password@host:port/db); the address is kept in main only.',
  ).returns<TeamView>(),
  'team.leave': request(z.object({}).strict(), 'Stops team mode; the console works alone and keeps every case it has.').returns<TeamView>(),
};

export const teamEvents = {
  'team.changed': teamViewSchema,
};
