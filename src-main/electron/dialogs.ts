import { dialog, type BrowserWindow } from 'electron';
import type { OpenDialog, OpenFilesDialog, SaveDialog } from '../core/ports';

const JSON_FILES = [{ name: 'JSON', extensions: ['json'] }];

/** The export's "where to save" question, attached to the console window when there is one. */
export function electronSaveDialog(window: () => BrowserWindow | null): SaveDialog {
  return async (defaultName) => {
    const options = { title: 'Export all data', defaultPath: defaultName, filters: JSON_FILES };
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };
}

/** The import's "which file" question: one JSON export file, read by the main process. */
export function electronOpenDialog(window: () => BrowserWindow | null): OpenDialog {
  return async () => {
    const options = { title: 'Import data (replaces all data)', filters: JSON_FILES, properties: ['openFile' as const] };
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  };
}

/** The service desk import's "which files" question: one or more export files, read by the main process. */
export function electronOpenFilesDialog(window: () => BrowserWindow | null): OpenFilesDialog {
  return async ({ title, filters }) => {
    const options = { title, filters: filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })), properties: ['openFile' as const, 'multiSelections' as const] };
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths;
  };
}
