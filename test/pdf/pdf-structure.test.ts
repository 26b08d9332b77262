import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderApplicationPdf } from '../../src/modules/pdf/index.ts';
import { extractPdf, rawStream } from './extract.ts';
import { exampleInput, shippedInput } from './fixtures.ts';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('application PDF: embedded data', () => {
  it('carries antrag.json, which parses to the input data', async () => {
    const input = shippedInput('urkundenbestellung');
    const { attachments } = await extractPdf(await renderApplicationPdf(input));
    const json = attachments['antrag.json'];
    expect(json).toBeDefined();
    expect(JSON.parse(decode(json!.content))).toEqual(input.machineReadable.json);
  });

  it('carries antrag.xml when given, and only then', async () => {
    const input = shippedInput('urkundenbestellung');
    const withXml = await extractPdf(await renderApplicationPdf(input));
    expect(decode(withXml.attachments['antrag.xml']!.content)).toBe(input.machineReadable.xml);
    const withoutXml = await extractPdf(
      await renderApplicationPdf({ ...input, machineReadable: { json: input.machineReadable.json } }),
    );
    expect(Object.keys(withoutXml.attachments)).toEqual(['antrag.json']);
    expect(withoutXml.text).not.toContain('antrag.xml');
  });

  it('declares the files as PDF/A-3 associated files with MIME type and relationship', async () => {
    const doc = await PDFDocument.load(await renderApplicationPdf(shippedInput('urkundenbestellung')));
    const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray);
    const specs = af.asArray().map((ref) => doc.context.lookup(ref, PDFDict));
    const described = specs.map((spec) => {
      const stream = rawStream(spec.lookup(PDFName.of('EF'), PDFDict), 'F');
      return [
        spec.lookup(PDFName.of('UF'), PDFHexString).decodeText(),
        spec.get(PDFName.of('AFRelationship'))?.toString(),
        stream.dict.get(PDFName.of('Subtype'))?.toString(),
        stream.dict.lookup(PDFName.of('Params'), PDFDict).has(PDFName.of('ModDate')),
      ];
    });
    expect(described).toEqual([
      ['antrag.json', '/Data', '/application#2Fjson', true],
      ['antrag.xml', '/Source', '/application#2Fxml', true],
    ]);
  });
});

describe('application PDF: determinism', () => {
  it('renders the same input to identical bytes', async () => {
    const first = await renderApplicationPdf(shippedInput('hundeanmeldung'));
    const second = await renderApplicationPdf(shippedInput('hundeanmeldung'));
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('does not depend on the time of rendering', async () => {
    const first = await renderApplicationPdf(exampleInput());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.from(await renderApplicationPdf(exampleInput())).equals(Buffer.from(first))).toBe(true);
  });

  it('derives the document ID from the reference', async () => {
    const idOf = async (reference: string) => {
      const doc = await PDFDocument.load(await renderApplicationPdf({ ...exampleInput(), reference }));
      return doc.context.trailerInfo.ID?.toString();
    };
    expect(await idOf('A-1')).toBe(await idOf('A-1'));
    expect(await idOf('A-1')).not.toBe(await idOf('A-2'));
  });
});

describe('application PDF: PDF/A-3 and size', () => {
  it('stays well under 150 KB for a typical Urkundenbestellung', async () => {
    const bytes = await renderApplicationPdf(shippedInput('urkundenbestellung'));
    expect(bytes.length).toBeLessThan(150 * 1024);
  });

  it('declares PDF/A-3B in XMP, sets title, language, output intent and fixed dates', async () => {
    const input = shippedInput('urkundenbestellung');
    const doc = await PDFDocument.load(await renderApplicationPdf(input), { updateMetadata: false });
    const catalog = doc.catalog;
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).asString()).toBe('de-DE');
    const metadata = rawStream(catalog, 'Metadata');
    expect(metadata.dict.has(PDFName.of('Filter'))).toBe(false);
    const xmp = decode(metadata.contents);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('Personenstandsurkunden bestellen');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-30T13:05:42Z</xmp:CreateDate>');
    expect(doc.getTitle()).toBe('Antrag: Personenstandsurkunden bestellen (SAC-2026-URKU-0042)');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-30T13:05:42.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-30T13:05:42.000Z');
    const intents = catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
    const profile = rawStream(intent, 'DestOutputProfile');
    const icc = inflateSync(profile.contents);
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc.toString('ascii', 36, 40)).toBe('acsp');
  });

  it('embeds both fonts as subsets with a deterministic tag', async () => {
    const fontNames = async () => {
      const doc = await PDFDocument.load(await renderApplicationPdf(exampleInput()));
      return doc.context
        .enumerateIndirectObjects()
        .map(([, object]) => object)
        .filter((object): object is PDFDict => object instanceof PDFDict)
        .filter((dict) => dict.get(PDFName.of('Subtype'))?.toString() === '/Type0')
        .map((dict) => dict.get(PDFName.of('BaseFont'))?.toString() ?? '')
        .sort();
    };
    const names = await fontNames();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^\/[A-Z]{6}\+FiraSans-Regular$/);
    expect(names[1]).toMatch(/^\/[A-Z]{6}\+FiraSans-SemiBold$/);
    expect(await fontNames()).toEqual(names);
  });
});
