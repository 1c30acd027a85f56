import { z } from 'zod';
import { settingsPatchSchema, settingsSchema, type Settings } from '../settings';
import { request } from './define';

export const settingsRequests = {
  'settings.get': request(z.object({}).strict(), 'The current settings.').returns<Settings>(),
  'settings.update': request(settingsPatchSchema.strict(), 'Validate and save settings; nothing is saved unless all of it is valid.').returns<Settings>(),
};

export const settingsEvents = {
  'settings.changed': z.object({ settings: settingsSchema }),
};
