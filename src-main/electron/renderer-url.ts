import { posix, win32 } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RendererLocationInput {
  /** The built page, out/renderer/index.html. */
  readonly rendererFile: string;
  /** ELECTRON_RENDERER_URL: the dev server, honoured only when the app is not packaged. */
  readonly devServerUrl: string | undefined;
  readonly packaged: boolean;
  readonly platform: NodeJS.Platform;
}

export interface RendererLocation {
  /** What the window loads. */
  readonly url: string;
  /** True for the console's own page: the gate and the navigation guard ask this. */
  readonly isOwnUrl: (url: string) => boolean;
}

/** A file: URL's path, or undefined for anything else (or a malformed URL). */
function filePath(url: string, windows: boolean): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:') return undefined;
    parsed.hash = '';
    parsed.search = '';
    return fileURLToPath(parsed, { windows });
  } catch {
    return undefined;
  }
}

/**
 * Where the console's page is and how to recognise it. File URLs are compared as paths, not
 * strings: Chromium upper-cases a Windows drive letter that Node keeps as launched, and Windows
 * paths are case-insensitive. A packaged app never trusts ELECTRON_RENDERER_URL: a page under
 * that variable would otherwise reach the gate.
 */
export function rendererLocation(input: RendererLocationInput): RendererLocation {
  const dev = !input.packaged && input.devServerUrl ? new URL(input.devServerUrl) : undefined;
  if (dev) {
    return { url: dev.toString(), isOwnUrl: (url) => URL.canParse(url) && new URL(url).origin === dev.origin };
  }
  const windows = input.platform === 'win32';
  const path = windows ? win32 : posix;
  const key = (p: string) => (windows ? path.normalize(p).toLowerCase() : path.normalize(p));
  const own = key(input.rendererFile);
  return {
    url: pathToFileURL(input.rendererFile, { windows }).toString(),
    isOwnUrl: (url) => {
      const candidate = filePath(url, windows);
      return candidate !== undefined && key(candidate) === own;
    },
  };
}
