import { parseLaunchOptions, resolveTeamLaunch, teamLaunchWarnings } from '../../../src-main/core/launch-options';
import { createFileTeamVault, createPostgresServer } from '../../../src-main/core/team';
import { until, useConsole, useTeamServer } from './workstations';

const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
const withoutPassword = (url: string) => {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
};

describe('the team password kept off the command line', () => {
  it('warns when --team carries the password, and only then', () => {
    const [warning, ...more] = teamLaunchWarnings(parseLaunchOptions(['--team', 'postgres://desk:s3cret@db.example.com/support']));
    expect(more).toEqual([]);
    expect(warning).toMatch(/^--team carries the database password on the command line, where other users of this machine can read it \(ps\); .*RESPONSE_DESK_TEAM_PASSWORD or PGPASSWORD/);
    expect(warning).not.toContain('s3cret');
    expect(teamLaunchWarnings(parseLaunchOptions(['--team', 'postgres://desk@db.example.com/support']))).toEqual([]);
    expect(teamLaunchWarnings(parseLaunchOptions([]))).toEqual([]);
  });

  it('takes the password of an address without one from RESPONSE_DESK_TEAM_PASSWORD, else PGPASSWORD; one in the address wins', () => {
    const flag = parseLaunchOptions(['--team', 'postgres://desk@db.example.com:5433/support?sslmode=verify-full']);
    const fromOwn = resolveTeamLaunch(flag, { RESPONSE_DESK_TEAM_PASSWORD: 'p@ss word/1', PGPASSWORD: 'other' })!;
    expect(passwordOf(fromOwn.url)).toBe('p@ss word/1');
    expect(new URL(fromOwn.url)).toMatchObject({ username: 'desk', hostname: 'db.example.com', port: '5433', pathname: '/support', search: '?sslmode=verify-full' });
    expect(passwordOf(resolveTeamLaunch(flag, { PGPASSWORD: 'from-pg' })!.url)).toBe('from-pg');
    expect(passwordOf(resolveTeamLaunch(parseLaunchOptions([]), { RESPONSE_DESK_TEAM_DB: 'postgres://desk@h/db', RESPONSE_DESK_TEAM_PASSWORD: 'env' })!.url)).toBe('env');
    expect(resolveTeamLaunch(parseLaunchOptions(['--team', 'postgres://desk:given@h/db']), { RESPONSE_DESK_TEAM_PASSWORD: 'env' })!.url).toBe('postgres://desk:given@h/db');
    expect(resolveTeamLaunch(flag, {})!.url).toBe('postgres://desk@db.example.com:5433/support?sslmode=verify-full');
  });
});

describe('a launch address without a password, on a real PostgreSQL', { timeout: 90_000 }, () => {
  const postgres = useTeamServer();
  const desk = useConsole('desk-password-');
  const boot = (launchUrl: string) =>
    desk.boot({
      connect: (url) => createPostgresServer({ connectionString: url, connectTimeoutMs: 1000 }),
      vault: createFileTeamVault(desk.dir),
      launch: { url: launchUrl, source: 'flag' },
      retryMs: [50],
    });

  it('connects with the password from the environment', async () => {
    const url = await postgres.server.database();
    const launch = resolveTeamLaunch(parseLaunchOptions(['--team', withoutPassword(url)]), { RESPONSE_DESK_TEAM_PASSWORD: passwordOf(url) })!;
    const c = await boot(launch.url);
    await until(() => c.team?.sync?.status().connection === 'online', 'online with the password from the environment');
  });

  it('connects with the password kept from Settings for the same account, and not with another account\'s', async () => {
    const url = await postgres.server.database();
    await createFileTeamVault(desk.dir).save({ url, email: '' });
    const c = await boot(withoutPassword(url));
    await until(() => c.team?.sync?.status().connection === 'online', 'online with the kept password');
    await desk.closeCore();
    // Kept for another database: not offered to this one.
    await createFileTeamVault(desk.dir).save({ url: url.replace(/\/team_[^/?]+/, '/elsewhere'), email: '' });
    const other = await boot(withoutPassword(url));
    await until(() => other.team?.sync?.status().connection === 'offline', 'refused without a password');
    expect(other.team?.sync?.status().problem).toMatch(/password/i);
  });
});
