import { deflateSync } from 'node:zlib';
import { PDFContentStream, type PDFDict, type PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/** Streams below this size are stored as they are: setting up zlib costs more than they could save. */
const SMALL = 512;

/**
 * pdf-lib compresses with pako (pure JavaScript), which was more than half of the time per PDF. These
 * helpers let Node's native zlib do it instead, for one document only (no global patching): same Flate
 * format, same determinism (for a given zlib version), a fraction of the cost.
 */
export function useNativeDeflate(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) => {
    const bytes = typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
    if (bytes.length < SMALL) return PDFRawStream.of(context.obj(dict) as PDFDict, bytes);
    return PDFRawStream.of(context.obj({ ...dict, Filter: 'FlateDecode' }) as PDFDict, deflateSync(bytes));
  };
}

/** Replaces the pages' content streams (still uncompressed in memory) by natively compressed ones. Call last. */
export function compressContentStreams(doc: PDFDocument): void {
  const context = doc.context;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream)) continue;
    const dict = object.dict.clone(context);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    context.assign(ref, PDFRawStream.of(dict, deflateSync(object.getUnencodedContents())));
  }
}
