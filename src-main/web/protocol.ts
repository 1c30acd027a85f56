import { z } from 'zod';

/** Messages of the browser host's WebSocket: requests in, results and pushed events out. */
export const clientMessageSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown().optional(),
});
