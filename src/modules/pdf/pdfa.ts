import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { type PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { SRGB_ICC_PROFILE } from './srgb-icc.ts';

export interface DocumentIdentity {
  title: string;
  /** BCP 47, e.g. `de-DE`. */
  language: string;
  /** Creation and modification date. */
  date: Date;
  /** Source of the fixed document ID. */
  idSeed: string;
}

const COMPRESSED_PROFILE = new Uint8Array(deflateSync(SRGB_ICC_PROFILE));
const PRODUCER = 'SAC (pdf-lib)';
const CREATOR = 'SAC – Antragsassistent';

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 2026-11-30T13:05:00.123Z → "2026-11-30T13:05:00Z" (second precision, as in the info dictionary). */
const xmpDate = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** XMP packet declaring PDF/A-3B, with title, language, dates and tools matching the info dictionary. */
export function xmpMetadata(identity: DocumentIdentity): string {
  const title = xmlEscape(identity.title);
  const date = xmpDate(identity.date);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>${xmlEscape(identity.language)}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${xmlEscape(CREATOR)}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${xmlEscape(PRODUCER)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Everything PDF/A-3B asks of the document level: info dictionary and XMP metadata that agree, catalog
 * /Lang, the title shown in the viewer's title bar, an sRGB output intent, and a trailer /ID that is fixed
 * for the same seed (so the same submission gives the same bytes). Create the document with `{ updateMetadata: false }` so pdf-lib does not overwrite the dates with now.
 */
export function applyPdfA(doc: PDFDocument, identity: DocumentIdentity): void {
  const context = doc.context;
  doc.setTitle(identity.title);
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setCreationDate(identity.date);
  doc.setModificationDate(identity.date);

  const metadata = context.stream(new TextEncoder().encode(xmpMetadata(identity)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), context.register(metadata));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(identity.language));
  doc.catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));

  const profile = context.register(
    PDFRawStream.of(context.obj({ N: 3, Filter: 'FlateDecode' }) as PDFDict, COMPRESSED_PROFILE),
  );
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));

  const id = createHash('sha256').update(identity.idSeed).digest('hex').slice(0, 32).toUpperCase();
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
