import { z } from 'zod';

/**
 * Refusals in words a person reads: zod's own messages ("Invalid input: expected string, received
 * undefined", "Too small: expected string to have >=1 characters") become "is required", "must not
 * be empty"; field paths ("command.checklist", "changes.0.text") become "Action › checklist",
 * "Change 1 › text". A schema's own message (`z.string().min(1, 'title is required')`) is kept.
 */

/** Field names whose words are not simply the name split at its capitals. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  id: 'case id',
  caseId: 'case',
  command: 'action',
  op: 'kind of change',
  type: 'kind',
  baseVersion: 'version',
  schemaVersion: 'file version',
  at: 'time',
  dueAt: 'due date',
  loggedAt: 'logged time',
  updatedAt: 'last update',
  closedAt: 'closing time',
  seq: 'event number',
};

const KIND_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
  null: 'empty',
};

/** "leadMinutes" -> "lead minutes"; "RD-1001" and "P2" stay as they are. */
export function camelToWords(word: string): string {
  return word.replace(/\b([a-z]+)((?:[A-Z][a-z0-9]*)+)\b/g, (_all, head: string, rest: string) => `${head} ${rest.replace(/([A-Z])/g, ' $1').trim().toLowerCase()}`);
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** One field name as words: "leadMinutes" -> "lead minutes", "P1" stays "P1". */
function fieldPart(name: string): string {
  return FIELD_WORDS[name] ?? (/^\d+$/.test(name) ? `entry ${Number(name) + 1}` : camelToWords(name));
}

/** A field path as words: ["changes", 0, "text"] -> "Change 1 › text"; [] -> "". */
export function fieldWords(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      const previous = parts.pop();
      parts.push(previous === undefined ? `entry ${key + 1}` : `${singular(previous)} ${key + 1}`);
    } else {
      parts.push(fieldPart(String(key)));
    }
  }
  const text = parts.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function amount(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : value.toLocaleString('en-US');
}

function choices(values: readonly unknown[]): string | undefined {
  const words = values.map((value) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined));
  // Codes such as "serviceRestored" are no words for a person: then only say it is not a choice.
  if (words.length === 0 || words.length > 8 || words.some((word) => word === undefined || /[a-z][A-Z]/.test(word) || word.length > 24)) return undefined;
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** zod's error map: one short phrase per kind of problem, to follow the field's words. */
export const humanIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${KIND_WORDS[issue.expected] ?? 'of another kind'}`;
    case 'too_small': {
      const min = amount(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${min} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? 'must have at least one entry' : `must have at least ${min} entries`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'too_big': {
      const max = amount(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${max} entries`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'invalid_value': {
      const list = choices(issue.values);
      return list ? `must be ${issue.values.length === 1 ? list : `one of ${list}`}` : 'is not one of the choices';
    }
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected form' : `must be ${issue.format === 'datetime' ? 'a date and time' : `a valid ${camelToWords(issue.format).toLowerCase()}`}`;
    case 'not_multiple_of':
      return `must be a multiple of ${amount(issue.divisor)}`;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'has a field it does not take' : 'has fields it does not take'}: ${issue.keys.map(fieldPart).join(', ')}`;
    case 'invalid_union':
      return 'discriminator' in issue && issue.discriminator !== undefined ? 'is not a kind this console knows' : 'does not match any accepted form';
    case 'invalid_key':
    case 'invalid_element':
      return 'holds a value that is not valid';
    default:
      return 'is not valid';
  }
};

// One place for every parse of the console (core, hosts and the page's own checks); a schema's own message still wins.
z.config({ customError: humanIssue });

/** "Title: must not be empty": a field's words, then what is wrong with it. */
export function issueSentence(path: readonly PropertyKey[], message: string): string {
  const field = fieldWords(path);
  let words = camelToWords(message);
  // "Title: title is required" says the field twice: "Title: is required".
  const last = path.at(-1);
  if (typeof last === 'string') {
    for (const name of [fieldPart(last), camelToWords(last)]) {
      if (words.toLowerCase().startsWith(`${name.toLowerCase()} `)) {
        words = words.slice(name.length + 1);
        break;
      }
    }
  }
  return field ? `${field}: ${words}` : words.charAt(0).toUpperCase() + words.slice(1);
}

/** A contract issue (`{ path: "command.checklist", message }`) as one line a person reads. */
export function issueText(issue: { readonly path: string; readonly message: string }): string {
  const path = issue.path === '' ? [] : issue.path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  return issueSentence(path, issue.message);
}
