import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { createFileCaseStore } from '../../../src-main/core/storage';

const KILLS = 50;
let work: string;
let worker: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'rd-crash-'));
  // Bundled once so each of the 50 runs starts in ~0.1 s instead of compiling TypeScript again.
  worker = path.join(work, 'crash-worker.mjs');
  await build({ entryPoints: [path.join(__dirname, 'fixtures', 'crash-worker.ts')], bundle: true, platform: 'node', format: 'esm', outfile: worker, logLevel: 'error' });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Ack {
  readonly id: string;
  readonly seq: number;
  readonly type: string;
}

/** Starts the worker, kills it with SIGKILL `delayMs` after it is ready, returns what it acknowledged. */
function runAndKill(dir: string, delayMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('READY\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`worker stopped on its own before the kill:\n${err}`));
      const complete = out.slice(0, out.lastIndexOf('\n') + 1);
      resolve(
        complete
          .split('\n')
          .filter((line) => line.startsWith('ACK '))
          .map((line) => {
            const [, id, seq, type] = line.split(' ');
            return { id, seq: Number(seq), type };
          }),
      );
    });
  });
}

async function allJsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allJsonFiles(full)));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

describe('crash safety', () => {
  it(`keeps every acknowledged command and leaves only valid files after ${KILLS} SIGKILLs at random moments`, async () => {
    const dir = path.join(work, 'data');
    const acked = new Map<string, Ack>();
    let total = 0;
    for (let run = 0; run < KILLS; run++) {
      for (const ack of await runAndKill(dir, 20 + Math.floor(Math.random() * 280))) {
        acked.set(`${ack.id}#${ack.seq}`, ack);
        total++;
      }
      for (const file of await allJsonFiles(dir)) {
        const text = await readFile(file, 'utf8');
        expect(() => JSON.parse(text), file).not.toThrow();
      }

      const store = createFileCaseStore({ dir, partitionSize: 25, historyCacheSize: 256 });
      const report = await store.open();
      expect(report.corrupt, `run ${run}`).toEqual([]);
      for (const ack of acked.values()) {
        const record = await store.get(ack.id);
        expect(record?.events[ack.seq - 1]?.type, `run ${run}: ${ack.id} event ${ack.seq}`).toBe(ack.type);
      }
      expect((await store.verify()).problems, `run ${run}`).toEqual([]);
      await store.close();
    }
    expect(total).toBeGreaterThan(KILLS);
  }, 120_000);
});

