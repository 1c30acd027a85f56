import type { ImportSource, UpdateChannel } from '../domain';

/**
 * One ticket of a service desk's export, read into the same shape whatever the source: the
 * parsers (src-main/core/import) fill it from Zendesk JSON or a Jira Service Management CSV,
 * and the mapping (mapping.ts) turns it into a case's timeline. Instants are UTC ISO strings.
 */
export interface SourceComment {
  readonly at: string;
  /** The author's name as the export gives it (or "Zendesk user 123" when no users file names them). */
  readonly author: string;
  /** Written by the ticket's requester (the customer), not by an agent. */
  readonly fromRequester: boolean;
  /** Seen by the customer; a private comment is an internal note. */
  readonly public: boolean;
  readonly text: string;
  readonly channel?: UpdateChannel;
}

export interface SourceTicket {
  readonly source: ImportSource;
  /** Its id in the desk: Zendesk's ticket id ("35436"), Jira's issue key ("SUP-12"). */
  readonly externalId: string;
  /** The desk it came from, when the export says ("acme.zendesk.com"). */
  readonly desk?: string;
  /** Where it is in the file, for messages: "line 12", "ticket 35436". */
  readonly where: string;
  readonly title: string;
  readonly description: string;
  /** The priority's name as the desk spells it; null when the ticket has none. */
  readonly priority: string | null;
  readonly status: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the desk says it was resolved (Jira's Resolved), else null. */
  readonly resolvedAt: string | null;
  readonly requester: string;
  readonly assignee: string | null;
  /** Organization (Zendesk) or Organizations/Customer (Jira); null when it has none. */
  readonly organization: string | null;
  readonly tags: readonly string[];
  readonly channel: UpdateChannel;
  /** Zendesk's satisfaction rating, when the customer gave one. */
  readonly satisfaction: { readonly score: 'good' | 'bad'; readonly comment: string } | null;
  /** Oldest first. */
  readonly comments: readonly SourceComment[];
}

/** A row of the file that cannot become a case, and why. */
export interface ImportProblem {
  /** "line 12", "line 4, column 17", "ticket 35436". */
  readonly where: string;
  readonly message: string;
}
