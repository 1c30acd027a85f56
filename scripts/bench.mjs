#!/usr/bin/env node
// `npm run bench [-- --quick] [-- area ...]`: runs every test/bench/<area>.bench.ts, shows
// their tables, and ends with one line `BENCH {json}` holding a section per area.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((arg) => !arg.startsWith('--'));
const files = readdirSync('test/bench')
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')))
  .sort();

function run(file) {
  return new Promise((resolve) => {
    // node --import tsx, not npx tsx: a second less per file.
    const child = spawn(process.execPath, ['--import', 'tsx', join('test/bench', file), ...(quick ? ['--quick'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let section;
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('BENCH_SECTION ')) section = JSON.parse(line.slice('BENCH_SECTION '.length));
        else console.log(line);
      }
    });
    child.on('exit', (code) => {
      if (buffered.startsWith('BENCH_SECTION ')) section = JSON.parse(buffered.slice('BENCH_SECTION '.length));
      resolve({ file, code, section });
    });
  });
}

const merged = {};
const failures = [];
const began = performance.now();
for (const file of files) {
  console.log(`\n== ${file}${quick ? ' (quick)' : ''}`);
  const started = performance.now();
  const { code, section } = await run(file);
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (code !== 0 || !section) failures.push(`${file} (exit ${code}${section ? '' : ', no BENCH_SECTION line'})`);
  else Object.assign(merged, section);
}
console.log(`\nbench: ${files.length} areas in ${((performance.now() - began) / 1000).toFixed(1)} s`);
if (failures.length) console.error(`\nbench: failed: ${failures.join(', ')}`);
console.log(`BENCH ${JSON.stringify(merged)}`);
process.exit(failures.length ? 1 : 0);
