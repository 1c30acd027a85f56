import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * The browser host started as a person starts it, in a child process, on a data folder it
 * cannot use: it must say so in one line and exit non-zero, without a stack trace.
 */
const ROOT = path.resolve(__dirname, '../../..');
const FAULT = path.join(__dirname, 'fixtures', 'disk-fault.cjs');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-start-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function start(dataDir: string, fault?: 'EROFS' | 'ENOSPC'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = [...(fault ? ['--require', FAULT] : []), '--import', 'tsx', path.join(ROOT, 'src-main/web/index.ts'), '--port', '0', '--data-dir', dataDir];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, RD_FAULT: fault ?? '', RD_FAULT_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function expectOneClearLine(result: { code: number | null; stdout: string; stderr: string }, says: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^response-desk: cannot open the data folder /);
  expect(lines[0]).toMatch(says);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('starting the browser host on a data folder it cannot use', () => {
  it('on a read-only disk: one line, exit 1', async () => {
    expectOneClearLine(await start(dir, 'EROFS'), /read-only disk\. .* \(EROFS on /);
  }, 30_000);

  it('on a full disk: one line, exit 1', async () => {
    expectOneClearLine(await start(dir, 'ENOSPC'), /The disk is full\. Free some space and try again\. \(ENOSPC\)$/);
  }, 30_000);

  it('with a file where the data folder should be: one line, exit 1', async () => {
    const file = path.join(dir, 'desk');
    await writeFile(file, 'not a folder');
    expectOneClearLine(await start(file), /A file stands where a folder of the data should be\. Move that file away, then try again\. \(EEXIST on /);
  }, 30_000);

  it('with a file where a folder inside the data folder should be: one line, exit 1', async () => {
    await mkdir(path.join(dir, 'desk'));
    await writeFile(path.join(dir, 'desk', 'journal'), 'not a folder');
    expectOneClearLine(await start(path.join(dir, 'desk')), /A file stands where a folder of the data should be\./);
  }, 30_000);
});

describe('starting the browser host on a data folder another process holds', () => {
  it('is refused before anything in the folder is opened, naming the folder and the process', async () => {
    // The test runner's parent stands in for a console that is running on the folder.
    await writeFile(path.join(dir, 'console.lock'), JSON.stringify({ pid: process.ppid, host: 'electron' }));
    const result = await start(dir);
    expectOneClearLine(result, new RegExp(`^response-desk: cannot open the data folder ${dir}: the desktop console \\(process ${process.ppid}\\) is using it; close that first\\.$`));
    expect(await readdir(dir)).toEqual(['console.lock']);
  }, 30_000);
});
