import type { FeeLine, SummaryStep } from '../forms/engine/index.ts';

/** One uploaded file as listed in the PDF (the bytes are not embedded, only the checksum). */
export interface PdfAttachment {
  name: string;
  mimeType: string;
  size: number;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
}

/** Payment as far as the PDF shows it. */
export interface PdfPayment {
  /** XBezahldienste status (`INITIAL`, `PAYED`, `FAILED`, `CANCELED`) or a lifecycle word; shown translated. */
  status: string;
  /** The Kassenzeichen. */
  transactionReference: string;
  amountCents: number;
  method?: string;
}

/** Everything the application PDF shows and carries. */
export interface ApplicationPdfInput {
  tenant: { name: string; primaryColor: string; logoSvg?: string | null };
  assistant: { id: string; version: string; title: string };
  /** The submission's reference number; also the source of the fixed document ID. */
  reference: string;
  /** Shown in Europe/Berlin time; also the PDF's creation and modification date. */
  submittedAt: Date;
  lang: 'de' | 'en';
  /** The engine's `summarize` output. */
  summary: SummaryStep[];
  fees?: { lines: Pick<FeeLine, 'label' | 'amountCents'>[]; totalCents: number };
  payment?: PdfPayment;
  attachments: PdfAttachment[];
  /** Embedded as `antrag.json` and, when given, `antrag.xml`. */
  machineReadable: { json: unknown; xml?: string };
}
