import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { REQUEST_CHANNEL, type DeskHandlers, type Result } from '../../src-shared/contract';
import { dispatch, type DispatchLogger } from '../core/dispatch';

export interface GateDeps {
  readonly handlers: DeskHandlers;
  /** The web contents ids of the console's own windows. */
  readonly isOwnContents: (id: number) => boolean;
  /** True for the console's own page URLs. */
  readonly isOwnUrl: (url: string) => boolean;
  readonly log: DispatchLogger;
}

/** Why a sender is refused, or undefined when it is our own renderer's main frame. */
export function senderProblem(event: IpcMainInvokeEvent, deps: Pick<GateDeps, 'isOwnContents' | 'isOwnUrl'>): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (!deps.isOwnContents(event.sender.id)) return 'the sender is not a console window';
  if (frame !== event.sender.mainFrame) return 'the sender is a subframe, not the main frame';
  if (!deps.isOwnUrl(frame.url)) return `the sender's page ${frame.url} is not the console`;
  return undefined;
}

/**
 * The one ipcMain user: every request from the renderer passes here. It checks the sender,
 * then the shared dispatch parses the input and maps the outcome to a typed result.
 */
export function registerGate(deps: GateDeps): () => void {
  ipcMain.handle(REQUEST_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const problem = senderProblem(event, deps);
    if (problem) {
      deps.log.warn(`refused ${String(name).slice(0, 80)}: ${problem}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: `Request refused: ${problem}.` } };
    }
    return dispatch(deps.handlers, name, input, deps.log);
  });
  return () => ipcMain.removeHandler(REQUEST_CHANNEL);
}
