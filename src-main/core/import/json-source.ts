import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Duplex } from 'node:stream';
import Assembler from 'stream-json/core/assembler.js';
import parser from 'stream-json/parser.js';
import { ImportFileError } from './errors';

/**
 * Reads a JSON export with bounded memory: a document `{"tickets": [...], "users": [...]}` (or a
 * bare array) through stream-json's tokenizer, one element at a time; or JSON lines, one value per
 * line. A file that stops being JSON is refused with its line and column.
 */

export interface JsonItem {
  /** The document's list it is in ("tickets"); "lines" for JSON lines. */
  readonly section: string;
  readonly value: unknown;
  /** Its line in JSON lines; null in a document (where its position in the list says which it is). */
  readonly line: number | null;
  /** 0-based position in its list. */
  readonly index: number;
}

export type JsonShape = { readonly kind: 'document'; readonly firstKey: string | null } | { readonly kind: 'lines' };

/** Keys a desk's list document has beside its lists (Zendesk's paging and incremental export). */
const DOCUMENT_KEYS = new Set(['count', 'next_page', 'previous_page', 'end_time', 'end_of_stream', 'after_cursor', 'before_cursor', 'meta', 'links']);

const CHUNK = 64 * 1024;

/** Reads the start of the file to tell a document from JSON lines; refuses what is neither. */
export async function jsonShape(file: string, name: string, sections: ReadonlySet<string>): Promise<JsonShape> {
  const handle = await open(file, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, 0);
    head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  const start = head.search(/\S/);
  if (start < 0) throw new ImportFileError(name, 'the file is empty');
  const first = head[start];
  if (first === '[') return { kind: 'document', firstKey: null };
  if (first !== '{') {
    const { line, column } = positionIn(head, start);
    throw new ImportFileError(name, `it is not JSON: line ${line}, column ${column} starts with "${head.slice(start, start + 20).split(/\r?\n/)[0]}"`, { line, column });
  }
  const key = /^\{\s*"((?:[^"\\]|\\.)*)"/.exec(head.slice(start))?.[1] ?? null;
  if (key === null || sections.has(key) || DOCUMENT_KEYS.has(key)) return { kind: 'document', firstKey: key };
  // JSON lines: the first line is a whole value. Otherwise it is a document of another kind.
  const newline = head.indexOf('\n', start);
  if (newline >= 0) {
    try {
      JSON.parse(head.slice(start, newline));
    } catch {
      throw new ImportFileError(name, `it is a JSON document that starts with "${key}", where an export starts with ${[...sections].join(', ')}: is it an export of another tool?`);
    }
  }
  return { kind: 'lines' };
}

function positionIn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Counts lines and columns over the text read so far. */
class Position {
  line = 1;
  column = 1;
  advance(text: string): void {
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      this.column += text.length;
      return;
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
    this.column = text.length - last;
  }
}

function tokenizer(): Duplex {
  return parser.asStream({ packValues: true, streamValues: false }) as Duplex;
}

type Token = { readonly name: string; readonly value?: unknown };

function writeTo(stream: Duplex, text: string): Promise<Error | undefined> {
  return new Promise((resolve) => {
    stream.write(text, (error) => resolve(error ?? undefined));
  });
}

async function* textChunks(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
    const buffer = chunk as Buffer;
    onBytes?.(buffer.length);
    const text = decoder.decode(buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Where stream-json stopped: the text before the chunk that failed is fed again to a fresh
 * tokenizer, then that chunk one character at a time. Only runs for a file that is refused.
 */
async function locate(file: string, goodChars: number): Promise<{ line: number; column: number }> {
  const stream = tokenizer();
  stream.on('data', () => undefined);
  stream.on('error', () => undefined);
  const position = new Position();
  let fed = 0;
  for await (const text of textChunks(file)) {
    const whole = fed + text.length <= goodChars ? text.length : Math.max(0, goodChars - fed);
    if (whole > 0) {
      const part = text.slice(0, whole);
      if (await writeTo(stream, part)) return { line: position.line, column: position.column };
      position.advance(part);
      fed += whole;
    }
    for (const char of text.slice(whole)) {
      if (await writeTo(stream, char)) return { line: position.line, column: position.column };
      position.advance(char);
    }
  }
  return { line: position.line, column: position.column };
}

/**
 * The elements of the document's lists named in `sections` (a bare array counts as "tickets"),
 * one at a time, each assembled alone. Everything else in the document is skipped unread.
 */
export async function* readJsonDocument(file: string, name: string, sections: ReadonlySet<string>, onBytes?: (bytes: number) => void): AsyncGenerator<JsonItem> {
  const stream = tokenizer();
  const tokens: Token[] = [];
  stream.on('data', (token: Token) => tokens.push(token));
  let failure: Error | undefined;
  stream.on('error', (error: Error) => (failure ??= error));

  let depth = 0;
  let key: string | null = null;
  let section: string | null = null;
  /** How deep the elements of the list being read sit: 1 in a bare array, 2 in a document. */
  let elementDepth = -1;
  let assembler: Assembler | null = null;
  const index = new Map<string, number>();
  const items: JsonItem[] = [];
  const emit = (list: string, value: unknown) => {
    const at = index.get(list) ?? 0;
    index.set(list, at + 1);
    items.push({ section: list, value, line: null, index: at });
  };

  const take = (token: Token) => {
    if (assembler) {
      assembler.consume(token as Parameters<Assembler['consume']>[0]);
      if (assembler.done) {
        emit(section ?? 'tickets', assembler.current);
        assembler = null;
      }
      return;
    }
    const opens = token.name === 'startObject' || token.name === 'startArray';
    const closes = token.name === 'endObject' || token.name === 'endArray';
    if (section !== null && depth === elementDepth) {
      if (closes) {
        depth--;
        section = null;
        return;
      }
      if (opens) {
        assembler = new Assembler();
        assembler.consume(token as Parameters<Assembler['consume']>[0]);
        return;
      }
      emit(section, token.value ?? null);
      return;
    }
    if (depth === 0 && token.name === 'startArray') {
      section = 'tickets';
      depth = elementDepth = 1;
      return;
    }
    if (depth === 1 && token.name === 'keyValue') {
      key = String(token.value);
      return;
    }
    if (depth === 1 && token.name === 'startArray' && key !== null && sections.has(key)) {
      section = key;
      depth = elementDepth = 2;
      return;
    }
    if (opens) depth++;
    if (closes) depth--;
  };

  const position = new Position();
  let chars = 0;
  let started = false;
  for await (const text of textChunks(file, onBytes)) {
    const error = (await writeTo(stream, text)) ?? failure;
    await new Promise((resolve) => setImmediate(resolve));
    if (error ?? failure) {
      const at = await locate(file, chars);
      const why = (error ?? failure)?.message.replace(/^Parser cannot parse input: /, '') ?? 'unexpected text';
      throw new ImportFileError(name, `it is not valid JSON at line ${at.line}, column ${at.column} (${why})`, at);
    }
    if (tokens.length > 0) started = true;
    for (const token of tokens.splice(0)) take(token);
    position.advance(text);
    chars += text.length;
    yield* items.splice(0);
  }
  const ended = new Promise<void>((resolve) => stream.end(() => resolve()));
  await Promise.race([ended, new Promise((resolve) => setImmediate(resolve))]);
  if (tokens.length > 0) started = true;
  for (const token of tokens.splice(0)) take(token);
  yield* items.splice(0);
  if (failure || depth !== 0 || !started || assembler) {
    throw new ImportFileError(name, `the file is cut short: it ends at line ${position.line}, column ${position.column} before the JSON does`, { line: position.line, column: position.column });
  }
}

/** JSON lines: one value per line, each parsed alone; a bad line is refused with its number and column. */
export async function* readJsonLines(file: string, name: string, onBytes?: (bytes: number) => void): AsyncGenerator<JsonItem> {
  const input = createReadStream(file, { highWaterMark: CHUNK });
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let index = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const column = columnOf((error as Error).message, text);
      throw new ImportFileError(name, `line ${line} is not valid JSON at column ${column} (${(error as Error).message})`, { line, column });
    }
    yield { section: 'lines', value, line, index: index++ };
  }
}

/** V8 says "at position 12" (Node 20) or "(line 1 column 13)" (later). */
function columnOf(message: string, text: string): number {
  const column = /column (\d+)/.exec(message);
  if (column) return Number(column[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]) + 1;
  return text.length + 1;
}
