import { type PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ExtractedPdf {
  pages: string[];
  /** All pages' text items joined by spaces. */
  text: string;
  attachments: Record<string, { filename: string; content: Uint8Array; description?: string }>;
}

interface TextItemLike {
  str?: string;
}

/** Text (per page, in content order) and embedded files, read with pdf.js as a viewer would. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const content = await (await doc.getPage(number)).getTextContent();
    pages.push((content.items as TextItemLike[]).map((item) => item.str ?? '').join(' '));
  }
  const attachments = ((await doc.getAttachments()) ?? {}) as ExtractedPdf['attachments'];
  await doc.destroy();
  return { pages, text: pages.join(' '), attachments };
}

/** Whitespace removed: wrapped lines and item boundaries do not matter for "is this value there". */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** The raw stream under `key` of a pdf-lib dictionary (pdf-lib's typed lookup has no overload for it). */
export function rawStream(dict: PDFDict, key: string): PDFRawStream {
  const value = dict.lookup(PDFName.of(key));
  if (!(value instanceof PDFRawStream)) throw new Error(`${key} is not a raw stream`);
  return value;
}
