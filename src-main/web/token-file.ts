import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LaunchError } from '../core/launch-options';
import { newToken } from './token';

/** What a token file may hold: one line of at least 128 bits written in base64url's letters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,256}$/;
export const TOKEN_RULE = 'one line of 22 to 256 letters, digits, "-" or "_"';

/**
 * `--token-file FILE` (as VS Code's server has `--connection-token-file`): the token is read from
 * FILE, or made and written there (mode 0600) when FILE does not exist, so the console's address
 * survives a restart. A file others can read, or one that does not hold a token, is refused with a
 * sentence naming the file; its content is never printed.
 */
export async function tokenFromFile(path: string, platform: NodeJS.Platform = process.platform): Promise<string> {
  const created = await createTokenFile(path);
  if (created) return created;
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new LaunchError(`--token-file ${path}: cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new LaunchError(`--token-file ${path}: is not a file`);
  if (platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new LaunchError(`--token-file ${path}: others may read or change it (mode ${(info.mode & 0o777).toString(8)}); run: chmod 600 ${path}`);
  }
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new LaunchError(`--token-file ${path}: cannot be read (${error.code ?? error.message})`);
  });
  const token = text.replace(/\r?\n$/, '');
  if (!TOKEN_PATTERN.test(token)) {
    throw new LaunchError(`--token-file ${path}: does not hold a token (it must be ${TOKEN_RULE}); delete it to have a new one made`);
  }
  return token;
}

/** Writes a new token to `path` if nothing is there yet; undefined when the file exists. */
async function createTokenFile(path: string): Promise<string | undefined> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    throw new LaunchError(`--token-file ${path}: its folder cannot be made (${error.code ?? error.message})`);
  });
  let file;
  try {
    file = await open(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return undefined;
    throw new LaunchError(`--token-file ${path}: cannot be created (${code ?? String(error)})`);
  }
  const token = newToken();
  try {
    await file.writeFile(`${token}\n`);
    await file.sync();
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    // A half-written file would be refused at the next start: leave none.
    await unlink(path).catch(() => undefined);
    throw new LaunchError(`--token-file ${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return token;
}
