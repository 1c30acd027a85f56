import { z } from 'zod';
import { settingsSchema, settingsUpdateSchema, type Settings } from '../settings';
import { request } from './define';

export const settingsRequests = {
  'settings.get': request(z.object({}).strict(), 'The current settings.').returns<Settings>(),
  'settings.update': request(settingsUpdateSchema.strict(), 'Validate and save settings; nothing is saved unless all of it is valid. In a team, names the version of each shared section the edit began from.').returns<Settings>(),
};

export const settingsEvents = {
  'settings.changed': z.object({ settings: settingsSchema }),
};
