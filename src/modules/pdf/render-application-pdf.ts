import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { formatCents, type SummaryRow } from '../forms/engine/index.ts';
import { drawLogo, parseSimpleLogo } from './arms.ts';
import { type EmbeddedFile, embedFiles } from './embedded-files.ts';
import { type FaceName, loadFace, pdfFontkit } from './fonts.ts';
import { formatBerlinTime, formatFileSize, parseHexColor, paymentStatusText } from './format.ts';
import { compressContentStreams, useNativeDeflate } from './native-deflate.ts';
import { MUTED_COLOR, PageWriter, type PdfFace, type PdfFaces } from './page-writer.ts';
import { applyPdfA } from './pdfa.ts';
import { type PdfTexts, pdfTexts } from './texts.ts';
import type { ApplicationPdfInput } from './types.ts';

const INDENT = 12;

/**
 * Renders the application PDF of one submission: branding, assistant, reference, time, payment, every
 * answer in the assistant's order and wording, the attachment list with checksums, and the machine-readable
 * data as embedded files (`antrag.json`, `antrag.xml`). Aims at PDF/A-3B (see `pdfa.ts`).
 * Deterministic: the same input gives the same bytes.
 */
export async function renderApplicationPdf(input: ApplicationPdfInput): Promise<Uint8Array> {
  const texts = pdfTexts(input.lang);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(pdfFontkit);
  useNativeDeflate(doc);
  const faces: PdfFaces = {
    regular: await embedFace(doc, 'regular', input.reference),
    bold: await embedFace(doc, 'bold', input.reference),
  };
  const writer = new PageWriter(doc, faces, parseHexColor(input.tenant.primaryColor));

  writeHeader(writer, input, texts);
  writePayment(writer, input, texts);
  writeFees(writer, input, texts);
  for (const step of input.summary) {
    writer.heading(step.title, 2);
    writeRows(writer, step.rows, 0, texts);
  }
  writeAttachments(writer, input, texts);
  const files = embeddedFiles(input);
  writer.heading(texts.machineReadable, 2);
  writer.paragraph(texts.machineReadableText(files.map((file) => file.name).join(', ')));
  writer.footers(`${texts.reference}: ${input.reference}`, texts.page);

  embedFiles(doc, files, input.submittedAt);
  applyPdfA(doc, {
    title: `${texts.application}: ${input.assistant.title} (${input.reference})`,
    language: input.lang === 'en' ? 'en' : 'de-DE',
    date: input.submittedAt,
    idSeed: `sac-application-pdf:${input.reference}`,
  });
  compressContentStreams(doc);
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY, useObjectStreams: false });
}

/** Embeds a subset of the face with a subset tag derived from the reference (pdf-lib's would be random). */
async function embedFace(doc: PDFDocument, name: FaceName, reference: string): Promise<PdfFace> {
  const face = loadFace(name);
  const digest = createHash('sha256').update(`${reference}\0${name}`).digest();
  const tag = [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
  const font = await doc.embedFont(face.bytes, { subset: true, customName: `${tag}+${face.postscriptName}` });
  return { face, font };
}

function writeHeader(writer: PageWriter, input: ApplicationPdfInput, texts: PdfTexts): void {
  const logo = input.tenant.logoSvg ? parseSimpleLogo(input.tenant.logoSvg) : undefined;
  if (logo) drawLogo(writer.pages[0]!, logo, 538.58, 790, 44);
  writer.paragraph(input.tenant.name, { bold: true, size: 11, color: MUTED_COLOR });
  writer.space(4);
  writer.heading(input.assistant.title, 1);
  writer.paragraph(`${texts.application} · ${texts.version} ${input.assistant.version}`, {
    size: 9,
    color: MUTED_COLOR,
  });
  writer.space(6);
  writer.row(texts.reference, input.reference, { bold: true });
  writer.row(texts.submittedAt, formatBerlinTime(input.submittedAt, texts));
}

function writePayment(writer: PageWriter, input: ApplicationPdfInput, texts: PdfTexts): void {
  const payment = input.payment;
  if (!payment) return;
  writer.heading(texts.payment, 2);
  writer.row(texts.paymentStatus, paymentStatusText(payment.status, texts));
  writer.row(texts.amount, formatCents(payment.amountCents));
  if (payment.transactionReference) writer.row(texts.cashReference, payment.transactionReference, { bold: true });
  if (payment.method) writer.row(texts.paymentMethod, payment.method);
}

function writeFees(writer: PageWriter, input: ApplicationPdfInput, texts: PdfTexts): void {
  const fees = input.fees;
  if (!fees || fees.lines.length === 0) return;
  writer.heading(texts.fees, 2);
  for (const line of fees.lines) writer.row(line.label, formatCents(line.amountCents));
  writer.row(texts.total, formatCents(fees.totalCents), { bold: true });
}

function writeRows(writer: PageWriter, rows: SummaryRow[], indent: number, texts: PdfTexts): void {
  for (const row of rows) {
    if (row.kind === 'value') {
      writer.row(row.label, row.displayValue, { indent });
      continue;
    }
    writer.heading(row.label, 3, indent);
    if (row.items.length === 0) writer.row(row.label, texts.none, { indent: indent + INDENT });
    const single = row.items.length === 1 && row.items[0]?.label === row.label;
    for (const item of row.items) {
      if (single) {
        writeRows(writer, item.rows, indent + INDENT, texts);
        continue;
      }
      writer.heading(item.label, 3, indent + INDENT);
      writeRows(writer, item.rows, indent + 2 * INDENT, texts);
    }
  }
}

function writeAttachments(writer: PageWriter, input: ApplicationPdfInput, texts: PdfTexts): void {
  writer.heading(texts.attachments, 2);
  if (input.attachments.length === 0) writer.paragraph(texts.noAttachments);
  for (const file of input.attachments) {
    writer.row(file.name, `${file.mimeType}, ${formatFileSize(file.size)}`);
    writer.row(texts.checksum, file.sha256, { indent: INDENT, size: 8 });
  }
}

function embeddedFiles(input: ApplicationPdfInput): EmbeddedFile[] {
  const encoder = new TextEncoder();
  const files: EmbeddedFile[] = [
    {
      name: 'antrag.json',
      mimeType: 'application/json',
      description: 'Antragsdaten (JSON)',
      relationship: 'Data',
      bytes: encoder.encode(JSON.stringify(input.machineReadable.json ?? null, null, 2)),
    },
  ];
  if (input.machineReadable.xml !== undefined) {
    files.push({
      name: 'antrag.xml',
      mimeType: 'application/xml',
      description: 'Antragsdaten (XÖV-Nachricht)',
      relationship: 'Source',
      bytes: encoder.encode(input.machineReadable.xml),
    });
  }
  return files;
}
