import { z } from 'zod';
import { caseIdSchema } from './cases';

export const uiEvents = {
  /** The host asks the page to open a case (a desktop notification or the tray was clicked). */
  'ui.openCase': z.object({ caseId: caseIdSchema }),
};
