import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { fsyncDirectory, nodeDurableFs } from '../storage';

/**
 * Where the team connection chosen in Settings is kept: `team/connection.json` in the data
 * folder, readable by its owner only (0600). Where the host can encrypt with the operating
 * system's keyring (Electron's safeStorage), the address is stored encrypted. It is read in
 * main only; the renderer sees `host:port/db`.
 */
export interface TeamConnectionSettings {
  readonly url: string;
  readonly email: string;
}

export interface TeamVault {
  load(): Promise<TeamConnectionSettings | undefined>;
  save(settings: TeamConnectionSettings): Promise<void>;
  clear(): Promise<void>;
}

/** Encryption by the operating system, where the host has it. */
export interface SecretProtector {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  email: z.string(),
  url: z.string().optional(),
  /** base64 of the address encrypted by the host's SecretProtector. */
  encrypted: z.string().optional(),
});

export const TEAM_CONNECTION_FILE = path.join('team', 'connection.json');

export function createFileTeamVault(dataDir: string, protector?: SecretProtector): TeamVault {
  const file = path.join(dataDir, TEAM_CONNECTION_FILE);
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      const parsed = fileSchema.parse(JSON.parse(text));
      if (parsed.encrypted !== undefined) {
        if (!protector) throw new Error(`${TEAM_CONNECTION_FILE} is encrypted by the desktop console; join the team again here.`);
        return { url: protector.decrypt(Buffer.from(parsed.encrypted, 'base64')), email: parsed.email };
      }
      return parsed.url === undefined ? undefined : { url: parsed.url, email: parsed.email };
    },
    async save(settings) {
      const content = protector
        ? { schemaVersion: 1, email: settings.email, encrypted: protector.encrypt(settings.url).toString('base64') }
        : { schemaVersion: 1, email: settings.email, url: settings.url };
      await mkdir(path.dirname(file), { recursive: true });
      const temp = path.join(path.dirname(file), `.connection.${process.pid}.tmp`);
      // Created 0600: the credential is never readable by others, not even for a moment.
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify(content));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await chmod(temp, 0o600);
      await rename(temp, file);
      await fsyncDirectory(nodeDurableFs, path.dirname(file));
    },
    async clear() {
      await rm(file, { force: true });
    },
  };
}
