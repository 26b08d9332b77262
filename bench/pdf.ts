/**
 * Throughput of the application PDF for a typical Urkundenbestellung (two birth certificates, paid, one
 * attachment, JSON and XML embedded), in one process, i.e. on one core.
 * Run: `node --import tsx bench/pdf.ts [seconds]` (default 10).
 *
 * Prints wall-clock and CPU-time rates: on a busy machine the CPU figure is the fairer "per core" number.
 */
import { renderApplicationPdf } from '../src/modules/pdf/index.ts';
import { shippedInput } from '../test/pdf/fixtures.ts';

const seconds = Number(process.argv[2] ?? 10);
const input = shippedInput('urkundenbestellung');

// Warm-up: parses the fonts once and lets the JIT settle.
let bytes = 0;
for (let i = 0; i < 50; i++) bytes = (await renderApplicationPdf(input)).length;

const startWall = performance.now();
const startCpu = process.cpuUsage();
let count = 0;
while (performance.now() - startWall < seconds * 1000) {
  await renderApplicationPdf(input);
  count++;
}
const wallSeconds = (performance.now() - startWall) / 1000;
const cpu = process.cpuUsage(startCpu);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

console.log(`Urkundenbestellung PDF, ${count} renders in ${wallSeconds.toFixed(1)} s`);
console.log(`  ${(count / wallSeconds).toFixed(1)} PDFs/s wall clock`);
console.log(
  `  ${(count / cpuSeconds).toFixed(1)} PDFs/s per CPU second (${((cpuSeconds / count) * 1000).toFixed(2)} ms each)`,
);
console.log(`  ${bytes} bytes per PDF (${(bytes / 1024).toFixed(1)} KB)`);
