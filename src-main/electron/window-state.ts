import { z } from 'zod';

/** Where the window was and how big, remembered across launches. */
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(480).max(16384),
  height: z.number().int().min(360).max(16384),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860, maximized: false };

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A remembered position is used only if the window's top-left area is still on a display
 * (a monitor may have been unplugged since); otherwise the OS centres it.
 */
export function restoreWindowState(saved: unknown, displays: readonly Rect[]): WindowState {
  const parsed = windowStateSchema.safeParse(saved);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const state = parsed.data;
  if (state.x === undefined || state.y === undefined) return { width: state.width, height: state.height, maximized: state.maximized };
  const { x, y } = state;
  const visible = displays.some((d) => x + 40 >= d.x && y + 20 >= d.y && x + 40 <= d.x + d.width && y + 20 <= d.y + d.height);
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}
