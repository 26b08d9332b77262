/**
 * End-to-end time of `buildApplicationPdf` (load from the database, decrypt, render) per shipped assistant,
 * on the engine chosen by SAC_TEST_DB (pglite | postgres with TEST_DATABASE_URL), sequentially.
 * Run: `SAC_TEST_DB=postgres node --import tsx bench/documents-db.ts [renders per assistant]` (default 100).
 */
import { buildApplicationPdf } from '../src/modules/submissions/documents/index.ts';
import { ASSISTANT_IDS, createDocumentsApp, insertSubmission } from '../test/documents/setup.ts';

const renders = Number(process.argv[2] ?? 100);
const app = await createDocumentsApp();
try {
  console.log(
    `engine ${process.env.SAC_TEST_DB ?? 'pglite'}; assistant, ms per PDF (wall), ms CPU of this process, bytes`,
  );
  for (const id of ASSISTANT_IDS) {
    const s = await insertSubmission(app, id, { paid: 'KZ-BENCH-1' });
    let bytes = 0;
    for (let i = 0; i < 10; i++) bytes = (await buildApplicationPdf(app.deps, s.tenantId, s.id)).bytes.length;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < renders; i++) await buildApplicationPdf(app.deps, s.tenantId, s.id);
    const ms = (performance.now() - start) / renders;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000 / renders;
    console.log(`${id.padEnd(22)} ${ms.toFixed(2).padStart(8)} ${cpuMs.toFixed(2).padStart(8)}  ${bytes}`);
  }
} finally {
  await app.close();
}
