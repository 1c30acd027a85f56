import type { z } from 'zod';
import { caseEvents, caseRequests } from './cases';
import type { RequestSpec, Result } from './define';

import { type EventName, type RequestName, EVENT_NAMES, REQUEST_NAMES } from './names';
import { dataEvents, dataRequests } from './data';
import { notificationEvents, notificationRequests } from './notifications';
import { reportRequests } from './reports';
import { reviewEvents, reviewRequests } from './reviews';
import { runtimeRequests } from './runtime';
import { settingsEvents, settingsRequests } from './settings';
import { systemEvents, systemRequests } from './system';
import { uiEvents } from './ui';
import { teamEvents, teamRequests } from './team';

export * from './define';
export { camelToWords, fieldWords, humanIssue, issueSentence, issueText } from './issue-words';
export * from './names';
export * from './cases';
export * from './case-query';
export * from './system';
export * from './settings';
export * from './notifications';
export * from './runtime';
export * from './data';
export * from './ui';
export * from './reviews';
export * from './reports';
export * from './team';

/** Joins per-domain maps; a name defined twice is an error at start-up. */
function compose<T>(...parts: ReadonlyArray<Record<string, unknown>>): T {
  const all: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (name in all) throw new Error(`Contract defines '${name}' twice`);
      all[name] = spec;
    }
  }
  return all as T;
}

// Adding a domain: add its request map to both lines below (and its names to names.ts).
export type Requests = typeof systemRequests &
  typeof caseRequests &
  typeof settingsRequests &
  typeof notificationRequests &
  typeof runtimeRequests &
  typeof dataRequests &
  typeof reviewRequests &
  typeof reportRequests &
  typeof teamRequests;
export type Events = typeof caseEvents & typeof settingsEvents & typeof notificationEvents & typeof uiEvents & typeof reviewEvents & typeof teamEvents & typeof systemEvents & typeof dataEvents;

/** Every request of the console: name -> input schema (and result type). */
export const requests: Requests = compose<Requests>(
  systemRequests,
  caseRequests,
  settingsRequests,
  notificationRequests,
  runtimeRequests,
  dataRequests,
  reviewRequests,
  reportRequests,
  teamRequests,
);
/** Every event pushed from the core to the renderer: name -> payload schema. */
export const events: Events = compose<Events>(caseEvents, settingsEvents, notificationEvents, uiEvents, reviewEvents, teamEvents, systemEvents, dataEvents);

// The plain name lists (used by the preload) must match the maps exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const requestNamesMatch: Same<keyof Requests, RequestName> = true;
const eventNamesMatch: Same<keyof Events, EventName> = true;
void requestNamesMatch;
void eventNamesMatch;
for (const name of REQUEST_NAMES) if (!(name in requests)) throw new Error(`Contract lists '${name}' without a schema`);
for (const name of EVENT_NAMES) if (!(name in events)) throw new Error(`Contract lists event '${name}' without a schema`);

export type RequestInput<K extends RequestName> = z.input<Requests[K]['input']>;
export type ParsedInput<K extends RequestName> = z.output<Requests[K]['input']>;
export type RequestResult<K extends RequestName> = Requests[K] extends RequestSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

/** What a host exposes to the renderer: one function per request, and a subscription to events. */
export type DeskApi = {
  readonly [K in RequestName]: (input: RequestInput<K>) => Promise<Result<RequestResult<K>>>;
};
export interface DeskEvents {
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}

/** What the core implements: one handler per request, receiving parsed input. */
export type DeskHandlers = {
  readonly [K in RequestName]: (input: ParsedInput<K>) => Promise<RequestResult<K>>;
};
