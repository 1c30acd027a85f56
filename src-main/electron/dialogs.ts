import { dialog, type BrowserWindow } from 'electron';
import type { SaveDialog } from '../core/ports';

/** The export's "where to save" question, attached to the console window when there is one. */
export function electronSaveDialog(window: () => BrowserWindow | null): SaveDialog {
  return async (defaultName) => {
    const options = { title: 'Export all data', defaultPath: defaultName, filters: [{ name: 'JSON', extensions: ['json'] }] };
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };
}
