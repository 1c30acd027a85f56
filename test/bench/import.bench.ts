// Bench section "import": `npm run import` of a generated export into an empty data folder, each in
// a child process of its own, timed until the command returns (the import is durable then:
// every staged file, the folders and the commit marker fsynced, the swap done).
// zendesk_10k_ms / jsm_10k_ms: 10,000 tickets with 5 comments each (Zendesk JSON lines, Jira CSV);
// rss_mb: the highest peak RSS of those children (target at most 300);
// big_*: 100,000 Zendesk tickets in a file of about 200 MB (full run only; the quick run uses 10,000).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSystemClock } from '../../src-main/core/clock';
import { runImportCommand } from '../../src-main/core/import/command';
import { writeJsmExport, writeZendeskExport } from '../fixtures/import/generate';

const quick = process.argv.includes('--quick');

interface Measured {
  readonly ms: number;
  readonly rssMb: number;
  readonly line: string;
}

/** In the child: one import, then its time and peak RSS on stdout. */
async function child(argv: readonly string[]): Promise<void> {
  const lines: string[] = [];
  const began = performance.now();
  const status = await runImportCommand(argv, { dataDir: (given) => given ?? '', clock: createSystemClock(), io: { out: (line) => lines.push(line), err: () => undefined } });
  const ms = performance.now() - began;
  if (status !== 0) throw new Error(`the import exited ${status}: ${lines.join(' ')}`);
  console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, line: lines.join(' ') }));
}

function measure(argv: readonly string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    run.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    run.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`import child exited ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measured);
    });
  });
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'desk-bench-import-'));
  try {
    const tickets = quick ? 2_000 : 10_000;
    const bigTickets = quick ? 10_000 : 100_000;
    const zendesk = join(work, 'zendesk.jsonl');
    const jsm = join(work, 'jsm.csv');
    const big = join(work, 'big.jsonl');
    await writeZendeskExport(zendesk, { tickets, comments: 5 });
    await writeJsmExport(jsm, { tickets, comments: 5 });
    // About 2 KB a ticket: 100,000 of them make a file of about 200 MB.
    await writeZendeskExport(big, { tickets: bigTickets, comments: 5, textLength: 180 });

    const zd = await measure(['zendesk', zendesk, '--data-dir', join(work, 'zendesk-desk')]);
    const js = await measure(['jsm', jsm, '--data-dir', join(work, 'jsm-desk')]);
    const bg = await measure(['zendesk', big, '--data-dir', join(work, 'big-desk')]);
    const round = (n: number) => Math.round(n * 10) / 10;
    const section = {
      import: {
        tickets,
        zendesk_10k_ms: Math.round(zd.ms),
        jsm_10k_ms: Math.round(js.ms),
        rss_mb: round(Math.max(zd.rssMb, js.rssMb)),
        big_tickets: bigTickets,
        big_file_mb: round((await stat(big)).size / 1024 / 1024),
        big_ms: Math.round(bg.ms),
        big_rss_mb: round(bg.rssMb),
        load_1m: round(loadavg()[0] ?? 0),
      },
    };
    console.table(section.import);
    console.log(`(${zd.line} | ${js.line} | ${bg.line})`);
    console.log(`BENCH_SECTION ${JSON.stringify(section)}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? child(process.argv.slice(childAt + 1)) : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
