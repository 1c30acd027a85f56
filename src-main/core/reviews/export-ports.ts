/**
 * What only a desktop host can do for exports: print a page to PDF and ask where to save.
 * The Electron host implements it (src-main/electron/review-export.ts); the browser host has
 * none, since the browser prints and downloads by itself.
 */
export interface ReviewExportPort {
  printToPdf(html: string): Promise<Uint8Array>;
  /** The path the engineer chose, or null when they cancelled. */
  chooseSavePath(defaultName: string, format: 'md' | 'html' | 'pdf'): Promise<string | null>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}
