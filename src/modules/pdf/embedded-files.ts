import { type PDFDocument, PDFHexString, PDFName, type PDFRef, PDFString } from 'pdf-lib';

/** A file carried inside the PDF (PDF/A-3 "associated file"). */
export interface EmbeddedFile {
  name: string;
  mimeType: string;
  description: string;
  /** PDF/A-3 relationship to the document: `Data` for data the document shows, `Source` for its source. */
  relationship: 'Data' | 'Source' | 'Alternative' | 'Supplement';
  bytes: Uint8Array;
}

/**
 * Embeds the files as PDF/A-3 associated files: an EmbeddedFile stream with MIME subtype, size and dates,
 * a file specification with /F, /UF, /Desc and /AFRelationship, listed both in the catalog's
 * /Names /EmbeddedFiles tree (so viewers show them as attachments) and in the catalog's /AF array.
 * pdf-lib's `attach()` sets the relationship but not /AF, hence our own.
 */
export function embedFiles(doc: PDFDocument, files: EmbeddedFile[], date: Date): void {
  if (files.length === 0) return;
  const context = doc.context;
  const pdfDate = PDFString.fromDate(date);
  const specs: { name: string; ref: PDFRef }[] = files.map((file) => {
    const stream = context.flateStream(file.bytes, {
      Type: 'EmbeddedFile',
      Subtype: file.mimeType,
      Params: { Size: file.bytes.length, CreationDate: pdfDate, ModDate: pdfDate },
    });
    const streamRef = context.register(stream);
    const spec = context.obj({
      Type: 'Filespec',
      F: PDFString.of(file.name),
      UF: PDFHexString.fromText(file.name),
      EF: { F: streamRef, UF: streamRef },
      Desc: PDFHexString.fromText(file.description),
      AFRelationship: file.relationship,
    });
    return { name: file.name, ref: context.register(spec) };
  });
  // Name trees must be sorted by key.
  const sorted = [...specs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = context.obj(sorted.flatMap((spec) => [PDFString.of(spec.name), spec.ref]));
  doc.catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: { Names: names } }));
  doc.catalog.set(PDFName.of('AF'), context.obj(specs.map((spec) => spec.ref)));
}
