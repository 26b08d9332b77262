/**
 * Application PDF per shipped assistant as the documents module builds it (summary, payment, attachments,
 * embedded JSON and, for the certificate order, the validated XPersonenstand-style XML): time per PDF and
 * bytes per PDF, in one process (one core). The database load is not included.
 * Run: `node --import tsx bench/documents.ts [seconds per assistant]` (default 3).
 */
import { computeFees } from '../src/modules/forms/engine/index.ts';
import { renderSubmissionPdf, type SubmissionDocumentInput } from '../src/modules/submissions/documents/index.ts';
import { ASSISTANT_IDS, answersFor, ctx, loadAssistant, POSTS } from '../test/pdf/fixtures.ts';

const seconds = Number(process.argv[2] ?? 3);

function inputFor(id: string): SubmissionDocumentInput {
  const definition = loadAssistant(id);
  const answers = answersFor(definition, POSTS[id] ?? {});
  const fees = computeFees(definition, answers, ctx);
  return {
    submissionId: '6f1c3a52-8a55-4c1e-9a4e-0b7f5e2d9c11',
    reference: 'MD-7K3Q-9XF2',
    submittedAt: new Date('2026-11-30T13:05:42.123Z'),
    lang: 'de',
    tenant: {
      slug: 'magdeburg',
      name: 'Landeshauptstadt Magdeburg',
      ars: '150030000000',
      primaryColor: '#0b5ea8',
      logoSvg: null,
    },
    definition,
    answers,
    fees,
    payment:
      fees.totalCents > 0
        ? { status: 'paid', transactionReference: 'KZ-2026-000123', amountCents: fees.totalCents }
        : undefined,
    attachments: [
      { fieldId: 'x', name: 'nachweis.pdf', mimeType: 'application/pdf', size: 120_000, sha256: 'a'.repeat(64) },
    ],
  };
}

console.log(`assistant              ms/PDF (CPU)  PDFs/s/core  bytes`);
for (const id of ASSISTANT_IDS) {
  const input = inputFor(id);
  let bytes = 0;
  for (let i = 0; i < 30; i++) bytes = (await renderSubmissionPdf(input)).bytes.length;
  const startWall = performance.now();
  const startCpu = process.cpuUsage();
  let count = 0;
  while (performance.now() - startWall < seconds * 1000) {
    await renderSubmissionPdf(input);
    count++;
  }
  const cpu = process.cpuUsage(startCpu);
  const cpuMs = (cpu.user + cpu.system) / 1000 / count;
  console.log(`${id.padEnd(22)} ${cpuMs.toFixed(2).padStart(12)}  ${(1000 / cpuMs).toFixed(0).padStart(11)}  ${bytes}`);
}
