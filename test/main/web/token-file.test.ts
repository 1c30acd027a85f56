import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LaunchError, parseLaunchOptions } from '../../../src-main/core/launch-options';
import { tokenFromFile } from '../../../src-main/web/token-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-token-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--token-file', () => {
  it('is read by the launch options', () => {
    expect(parseLaunchOptions(['--token-file', '/run/desk/token'])).toEqual({ tokenFile: '/run/desk/token' });
    expect(() => parseLaunchOptions(['--token-file', ' '])).toThrow(/--token-file needs a file path/);
  });

  it('makes a new token in a file only its owner may read, when the file is missing', async () => {
    const path = join(dir, 'sub', 'token');
    const token = await tokenFromFile(path, 'linux');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await readFile(path, 'utf8')).toBe(`${token}\n`);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('reuses the token of an existing file, so the address survives a restart', async () => {
    const path = join(dir, 'token');
    const first = await tokenFromFile(path, 'linux');
    expect(await tokenFromFile(path, 'linux')).toBe(first);
  });

  it('accepts a token the user wrote, with or without its line end', async () => {
    const path = join(dir, 'token');
    await writeFile(path, 'abcdefghijklmnopqrstuvwxyz-_0123', { mode: 0o600 });
    expect(await tokenFromFile(path, 'linux')).toBe('abcdefghijklmnopqrstuvwxyz-_0123');
  });

  it('refuses a file that holds no token, naming the file and the rule but never the content', async () => {
    const path = join(dir, 'token');
    for (const content of ['short\n', 'has spaces in the middle of it ok\n', 'two\nlines-of-text-that-are-long\n', '']) {
      await writeFile(path, content, { mode: 0o600 });
      const error = await tokenFromFile(path, 'linux').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LaunchError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toMatch(/does not hold a token \(it must be one line of 22 to 256 letters/);
      if (content.trim()) expect((error as Error).message).not.toContain(content.trim().split('\n')[0]);
    }
  });

  it('refuses a file others may read, saying how to fix it', async () => {
    const path = join(dir, 'token');
    await writeFile(path, 'abcdefghijklmnopqrstuvwxyz-_0123\n');
    await chmod(path, 0o644);
    await expect(tokenFromFile(path, 'linux')).rejects.toThrow(`--token-file ${path}: others may read or change it (mode 644); run: chmod 600 ${path}`);
  });

  it('refuses a folder where the file should be', async () => {
    const path = join(dir, 'token');
    await mkdir(path);
    await expect(tokenFromFile(path, 'linux')).rejects.toThrow(`--token-file ${path}: is not a file`);
  });
});
