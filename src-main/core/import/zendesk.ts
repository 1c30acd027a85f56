import type { UpdateChannel } from '../../../src-shared/domain';
import type { SourceComment, SourceTicket } from '../../../src-shared/import';
import { ImportFileError } from './errors';
import { jsonShape, readJsonDocument, readJsonLines, type JsonItem } from './json-source';
import type { ImportFile, SourceRow } from './source';

/**
 * Zendesk's ticket exports, as its API and its JSON export give them: `{"tickets": [...]}`
 * documents (the API's list and incremental exports, with or without side-loaded users and
 * organizations) or JSON lines with one ticket per line (the admin JSON export, comments
 * inside each ticket). Other files may bring `users`, `organizations` (for names) and
 * `audits` or `comments` (each naming its ticket_id). Read twice, streaming: first the
 * names and separate comments, then the tickets.
 */

const SECTIONS = new Set(['tickets', 'users', 'organizations', 'audits', 'comments']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const idOf = (value: unknown): string | null => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^\d+$/.test(value)) ? String(value) : null;

interface Names {
  readonly users: Map<string, string>;
  readonly organizations: Map<string, string>;
  /** Comments given apart from their tickets (audits, comment lists), by ticket id. */
  readonly comments: Map<string, RawComment[]>;
}

interface RawComment {
  readonly id: string | null;
  readonly authorId: string | null;
  readonly body: string;
  readonly public: boolean;
  readonly createdAt: unknown;
  readonly channel: unknown;
}

async function* itemsOf(file: ImportFile, onBytes?: (bytes: number) => void): AsyncGenerator<JsonItem> {
  const shape = await jsonShape(file.path, file.name, SECTIONS);
  if (shape.kind === 'lines') yield* readJsonLines(file.path, file.name, onBytes);
  else yield* readJsonDocument(file.path, file.name, SECTIONS, onBytes);
}

function rawComment(value: Json, fallback: { createdAt?: unknown; authorId?: unknown } = {}): RawComment {
  return {
    id: idOf(value.id),
    authorId: idOf(value.author_id ?? fallback.authorId),
    body: text(value.plain_body) || text(value.body) || text(value.html_body),
    public: value.public !== false,
    createdAt: value.created_at ?? fallback.createdAt,
    channel: isObject(value.via) ? value.via.channel : undefined,
  };
}

/** First pass: names and comments given apart. Tickets are skipped here. */
async function collectNames(files: readonly ImportFile[]): Promise<Names> {
  const names: Names = { users: new Map(), organizations: new Map(), comments: new Map() };
  const addComment = (ticketId: string | null, comment: RawComment) => {
    if (ticketId === null) return;
    const list = names.comments.get(ticketId) ?? [];
    list.push(comment);
    names.comments.set(ticketId, list);
  };
  for (const file of files) {
    const shape = await jsonShape(file.path, file.name, SECTIONS);
    if (shape.kind === 'lines' || shape.firstKey === null) continue;
    for await (const item of readJsonDocument(file.path, file.name, SECTIONS)) {
      if (!isObject(item.value)) continue;
      const value = item.value;
      if (item.section === 'users') {
        const id = idOf(value.id);
        if (id !== null) names.users.set(id, text(value.name) || text(value.email) || `Zendesk user ${id}`);
      } else if (item.section === 'organizations') {
        const id = idOf(value.id);
        if (id !== null && text(value.name)) names.organizations.set(id, text(value.name));
      } else if (item.section === 'comments') {
        addComment(idOf(value.ticket_id), rawComment(value));
      } else if (item.section === 'audits') {
        const events = Array.isArray(value.events) ? value.events : [];
        for (const event of events) {
          if (isObject(event) && event.type === 'Comment') addComment(idOf(value.ticket_id), rawComment(event, { createdAt: value.created_at, authorId: value.author_id }));
        }
      }
    }
  }
  return names;
}

const CHANNELS: Readonly<Record<string, UpdateChannel>> = {
  email: 'email',
  web: 'portal',
  web_form: 'portal',
  web_widget: 'portal',
  help_center: 'portal',
  api: 'portal',
  mobile: 'portal',
  mobile_sdk: 'portal',
  voice: 'phone',
  phone: 'phone',
  chat: 'chat',
  messaging: 'chat',
  native_messaging: 'chat',
  sms: 'chat',
  whatsapp: 'chat',
};
const channelOf = (value: unknown): UpdateChannel | undefined => CHANNELS[text(value).toLowerCase()];

/** A UTC ISO instant, or undefined when the value is not a time. */
export function instantOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(value.trim())) return undefined;
  return new Date(ms).toISOString();
}

function deskOf(url: unknown): string | undefined {
  try {
    return typeof url === 'string' ? new URL(url).host || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** One ticket of the export, or why it cannot become a case. */
export function zendeskTicket(value: unknown, where: string, names: Names): SourceRow {
  if (!isObject(value)) return { kind: 'problem', problem: { where, message: 'it is not a ticket (an object with id, subject, status and created_at)' } };
  const id = idOf(value.id);
  if (id === null) return { kind: 'problem', problem: { where, message: 'it has no ticket id: is this a Zendesk ticket export?' } };
  const at = `ticket ${id}${where.startsWith('line') ? ` (${where})` : ''}`;
  const problem = (message: string): SourceRow => ({ kind: 'problem', problem: { where: at, message } });
  const createdAt = instantOf(value.created_at);
  if (!createdAt) return problem(`created_at ${JSON.stringify(value.created_at ?? null)} is not a time like 2026-11-30T10:15:00Z`);
  const updatedAt = instantOf(value.updated_at) ?? createdAt;
  if (typeof value.status !== 'string') return problem('it has no status');
  if (value.priority !== null && value.priority !== undefined && typeof value.priority !== 'string') return problem(`priority ${JSON.stringify(value.priority)} is not a name`);

  const userName = (userId: unknown) => {
    const key = idOf(userId);
    return key === null ? '' : (names.users.get(key) ?? `Zendesk user ${key}`);
  };
  const requesterId = idOf(value.requester_id);
  const organizationId = idOf(value.organization_id);
  const channel = channelOf(isObject(value.via) ? value.via.channel : undefined) ?? 'portal';
  const raw = [...(Array.isArray(value.comments) ? value.comments.filter(isObject).map((comment) => rawComment(comment)) : []), ...(names.comments.get(id) ?? [])];
  const seen = new Set<string>();
  const comments: SourceComment[] = [];
  for (const comment of raw) {
    if (comment.id !== null) {
      if (seen.has(comment.id)) continue;
      seen.add(comment.id);
    }
    const commentAt = instantOf(comment.createdAt);
    if (!commentAt) return problem(`comment ${comment.id ?? ''} has created_at ${JSON.stringify(comment.createdAt ?? null)}, not a time`.replace('comment  has', 'a comment has'));
    const commentChannel = channelOf(comment.channel);
    comments.push({
      at: commentAt,
      author: userName(comment.authorId) || 'Zendesk',
      fromRequester: comment.authorId !== null && comment.authorId === requesterId,
      public: comment.public,
      text: comment.body,
      ...(commentChannel ? { channel: commentChannel } : {}),
    });
  }
  const rating = isObject(value.satisfaction_rating) ? value.satisfaction_rating : null;
  const score = rating ? text(rating.score) : '';
  const desk = deskOf(value.url);
  const ticket: SourceTicket = {
    source: 'zendesk',
    externalId: id,
    ...(desk ? { desk } : {}),
    where: at,
    title: text(value.subject) || text(value.raw_subject),
    description: text(value.description),
    priority: typeof value.priority === 'string' ? value.priority : null,
    status: value.status,
    createdAt,
    updatedAt,
    resolvedAt: null,
    requester: userName(value.requester_id) || userName(value.submitter_id) || 'Zendesk requester',
    assignee: userName(value.assignee_id) || null,
    organization: organizationId === null ? null : (names.organizations.get(organizationId) ?? `Zendesk organization ${organizationId}`),
    tags: Array.isArray(value.tags) ? value.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    channel,
    satisfaction: score === 'good' || score === 'bad' ? { score, comment: text(rating?.comment) } : null,
    comments,
  };
  return { kind: 'ticket', ticket };
}

/** Every ticket of the files, one at a time, or why a row cannot be read. A file that is not a Zendesk export throws ImportFileError. */
export async function* readZendesk(files: readonly ImportFile[], onBytes?: (bytes: number) => void): AsyncGenerator<SourceRow> {
  const names = await collectNames(files);
  for (const file of files) {
    let tickets = 0;
    let others = 0;
    for await (const item of itemsOf(file, onBytes)) {
      if (item.section !== 'tickets' && item.section !== 'lines') {
        others++;
        continue;
      }
      tickets++;
      const where = item.line !== null ? `line ${item.line}` : `tickets[${item.index}]`;
      yield zendeskTicket(item.value, files.length > 1 ? `${file.name} ${where}` : where, names);
    }
    if (tickets === 0 && others === 0) {
      throw new ImportFileError(file.name, 'it holds no Zendesk tickets, users, organizations, audits or comments: is it an export of another tool?');
    }
  }
}
