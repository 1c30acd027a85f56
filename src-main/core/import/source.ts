import type { ImportProblem, SourceTicket } from '../../../src-shared/import';

/** A file to import: where it is, and the name messages give it. */
export interface ImportFile {
  readonly path: string;
  readonly name: string;
}

/** What a parser yields per row: a ticket, or why that row cannot become a case. */
export type SourceRow = { readonly kind: 'ticket'; readonly ticket: SourceTicket } | { readonly kind: 'problem'; readonly problem: ImportProblem };
