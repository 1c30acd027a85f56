import { defaultUserDataDir, parseLaunchOptions, resolveDataDir } from '../../../src-main/core/launch-options';

describe('launch options', () => {
  it('reads --port and --data-dir and ignores flags that belong to Electron', () => {
    expect(parseLaunchOptions(['--port', '0', '--data-dir', '/tmp/d', '--inspect'])).toEqual({ port: 0, dataDir: '/tmp/d' });
    expect(parseLaunchOptions(['--port=8080'])).toEqual({ port: 8080 });
  });

  it('rejects a port that is not a number from 0 to 65535, naming the flag', () => {
    expect(() => parseLaunchOptions(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseLaunchOptions(['--port', '70000'])).toThrow(/--port/);
  });

  it('uses --data-dir first, then RESPONSE_DESK_DATA, then the host default', () => {
    expect(resolveDataDir({ dataDir: '/a' }, { RESPONSE_DESK_DATA: '/b' }, () => '/c')).toBe('/a');
    expect(resolveDataDir({}, { RESPONSE_DESK_DATA: '/b' }, () => '/c')).toBe('/b');
    expect(resolveDataDir({}, {}, () => '/c')).toBe('/c');
  });

  it('puts browser-host data where Electron keeps its userData', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Response Desk');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/ana')).toBe('/x/Response Desk');
    expect(defaultUserDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Response Desk');
  });
});
