import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../src-main/core/dispatch';
import { LaunchError, parseLaunchOptions, resolveTeamLaunch } from '../../../src-main/core/launch-options';
import { TEAM_CONNECTION_FILE, createFileTeamVault, createPostgresServer, parseTeamAddress } from '../../../src-main/core/team';
import { until, useConsole, useTeamServer } from './workstations';

describe('the team database address', () => {
  it.each([
    ['mysql://u:p@h/db', /must start with postgres:\/\//],
    ['not a url', /not a URL/],
    ['postgres://u:p@h:5432/', /names no database/],
    ['postgres://h:5432/db', /names no user/],
    ['postgres://u:p@h/db?sslmode=sometimes', /sslmode=sometimes is not a TLS mode; use one of disable, prefer, require, verify-ca, verify-full, no-verify/],
  ])('refuses %s with a sentence naming what is wrong', (url, message) => {
    expect(() => parseTeamAddress(url)).toThrow(message);
  });

  it('shows host, port, database and TLS mode, never the password', () => {
    const address = parseTeamAddress('postgres://desk:s3cret@db.example.com/support?sslmode=verify-full');
    expect(address.display).toBe('db.example.com:5432/support (sslmode=verify-full)');
    expect(address.display).not.toContain('s3cret');
  });

  it('comes from --team, else RESPONSE_DESK_TEAM_DB; a bad one stops the launch with its flag named', () => {
    const url = 'postgres://desk:pw@127.0.0.1:5432/team';
    expect(resolveTeamLaunch(parseLaunchOptions(['--team', url]), { RESPONSE_DESK_TEAM_DB: 'postgres://other:pw@h/x' })).toEqual({ url, source: 'flag', email: '' });
    expect(resolveTeamLaunch(parseLaunchOptions([]), { RESPONSE_DESK_TEAM_DB: url, RESPONSE_DESK_TEAM_EMAIL: 'ana@example.com' })).toEqual({ url, source: 'environment', email: 'ana@example.com' });
    expect(resolveTeamLaunch(parseLaunchOptions([]), {})).toBeUndefined();
    expect(() => parseLaunchOptions(['--team', 'http://x/y'])).toThrow(LaunchError);
    expect(() => parseLaunchOptions(['--team', 'http://x/y'])).toThrow(/^--team: /);
    expect(() => resolveTeamLaunch(parseLaunchOptions([]), { RESPONSE_DESK_TEAM_DB: 'postgres://u@h/' })).toThrow(/^RESPONSE_DESK_TEAM_DB: .*no database/);
  });
});

describe('the kept team connection', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-vault-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is a file only its owner can read', async () => {
    const vault = createFileTeamVault(dir);
    await vault.save({ url: 'postgres://desk:pw@h/db', email: 'ana@example.com' });
    expect((await stat(join(dir, TEAM_CONNECTION_FILE))).mode & 0o777).toBe(0o600);
    expect(await vault.load()).toEqual({ url: 'postgres://desk:pw@h/db', email: 'ana@example.com' });
    await vault.clear();
    expect(await vault.load()).toBeUndefined();
  });

  it('holds the address encrypted where the host can encrypt it', async () => {
    const protector = { encrypt: (text: string) => Buffer.from([...text].reverse().join('')), decrypt: (data: Buffer) => [...data.toString()].reverse().join('') };
    const vault = createFileTeamVault(dir, protector);
    await vault.save({ url: 'postgres://desk:pw@h/db', email: '' });
    expect(await readFile(join(dir, TEAM_CONNECTION_FILE), 'utf8')).not.toContain('pw@h');
    expect((await vault.load())?.url).toBe('postgres://desk:pw@h/db');
  });
});

describe('joining a team from Settings', { timeout: 90_000 }, () => {
  const postgres = useTeamServer();
  const desk = useConsole('desk-join-');
  const boot = () =>
    desk.boot({ connect: (url) => createPostgresServer({ connectionString: url, connectTimeoutMs: 1000 }), vault: createFileTeamVault(desk.dir), retryMs: [50] });

  it('works alone until a team is joined; joins without a restart, keeps it for the next start, and never shows the password', async () => {
    const url = await postgres.server.database();
    let c = await boot();
    expect(await c.handlers['team.status']({})).toMatchObject({ connection: 'off', pending: 0 });
    const bad = await dispatch(c.handlers, 'team.join', { url: 'postgres://nobody@/x' }, { warn: () => undefined, error: () => undefined });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'url' }] } });
    const pushed: string[] = [];
    c.bus.on('team.changed', (view) => pushed.push(view.connection));
    const joined = await c.handlers['team.join']({ url, email: 'ana@example.com' });
    expect(JSON.stringify(joined)).not.toContain('team-test');
    await until(() => pushed.includes('online'), 'the renderer is told the console is online');
    await desk.closeCore();
    c = await boot();
    await until(async () => (await c.handlers['team.status']({})).connection === 'online', 'online again after a restart');
    expect(await c.handlers['team.status']({})).toMatchObject({ source: 'settings', email: 'ana@example.com', server: expect.stringMatching(/^127\.0\.0\.1:\d+\/team_/) });
    const left = await c.handlers['team.leave']({});
    expect(left.connection).toBe('off');
    await desk.closeCore();
    c = await boot();
    expect((await c.handlers['team.status']({})).connection).toBe('off');
  });
});
