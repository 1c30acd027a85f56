import { shell, type App, type BrowserWindow, type Session, type WebContents } from 'electron';

/** Only plain web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hostname !== '';
}

export interface HardeningDeps {
  /** True for the console's own pages (file:// bundle or the dev server). */
  readonly isOwnUrl: (url: string) => boolean;
  /** The OS call, passed in so it is testable; defaults to the system browser. */
  readonly openExternal?: (url: string) => Promise<void>;
  readonly log: (message: string) => void;
}

/** Navigation, redirects, new windows and webviews: all denied; web links go to the system browser. */
export function hardenWebContents(contents: WebContents, deps: HardeningDeps): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (deps.isOwnUrl(url)) return;
    event.preventDefault();
    deps.log(`blocked navigation to ${url}`);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      // Validated above: only http(s) URLs without credentials reach the OS.
      const open = deps.openExternal ?? ((safeUrl: string) => shell.openExternal(safeUrl));
      void open(url).catch((error: unknown) => deps.log(`could not open ${url}: ${String(error)}`));
    } else {
      deps.log(`blocked window.open(${url})`);
    }
    return { action: 'deny' };
  });
}

/** Permission requests (camera, geolocation, ...) are all denied; notifications are ours, in main. */
export function hardenSession(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** Applies the hardening to every web contents the app ever creates. */
export function hardenApp(app: App, deps: HardeningDeps): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));
}

export function isMainFrameSender(window: BrowserWindow | null, contents: WebContents): boolean {
  return window !== null && !window.isDestroyed() && window.webContents.id === contents.id;
}
