/**
 * What only a desktop host can do for exports (a review's, a report's): print a page to PDF and ask where to save.
 * The Electron host implements it (src-main/electron/review-export.ts); the browser host has
 * none, since the browser prints and downloads by itself.
 */
export interface ReviewExportPort {
  /** `landscape` for wide pages (a report's tables); A4 portrait otherwise. */
  printToPdf(html: string, options?: { readonly landscape?: boolean }): Promise<Uint8Array>;
  /** The path the engineer chose, or null when they cancelled; `title` is the dialog's ("Save the review" unless given). */
  chooseSavePath(defaultName: string, format: 'md' | 'html' | 'pdf', title?: string): Promise<string | null>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}
