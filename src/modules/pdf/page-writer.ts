import {
  beginText,
  endText,
  moveText,
  nextLine,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rgb,
  setFillingColor,
  setFontAndSize,
  setLineHeight,
  showText,
} from 'pdf-lib';
import type { LoadedFace } from './fonts.ts';
import { drawableText, textWidth, wrapText } from './text-wrap.ts';

/** An embedded font with the metrics the layout needs. */
export interface PdfFace {
  face: LoadedFace;
  font: PDFFont;
}

export interface PdfFaces {
  regular: PdfFace;
  bold: PdfFace;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56.7; // 2 cm
const BOTTOM = 70;
const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const LABEL_WIDTH = CONTENT_WIDTH * 0.38;
const COLUMN_GAP = 14;
const LOGO_ROOM = 60;
const VALUE_X = MARGIN + LABEL_WIDTH + COLUMN_GAP;
const VALUE_WIDTH = A4[0] - MARGIN - VALUE_X;
/** Rows up to this many lines move to the next page as a whole instead of being split. */
const KEEP_TOGETHER_LINES = 6;

export const TEXT_COLOR = rgb(0.1, 0.1, 0.1);
export const MUTED_COLOR = rgb(0.35, 0.35, 0.35);

const HEADING_SIZES = { 1: 18, 2: 13, 3: 10.5 } as const;
const BODY_SIZE = 10;
const lineHeight = (size: number) => size * 1.35;
const round = (value: number) => Math.round(value * 100) / 100;

export interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: RGB;
  indent?: number;
}

/**
 * Writes text top to bottom over as many A4 pages as needed. Content is drawn in reading order: headings,
 * then per row the label lines before the value lines, so extracted text reads naturally.
 */
export class PageWriter {
  readonly pages: PDFPage[] = [];
  private y = 0;
  /** Font resource names of the current page (pdf-lib's drawText would add a new one per call). */
  private fontKeys = new Map<PdfFace, PDFName>();

  constructor(
    private readonly doc: PDFDocument,
    readonly faces: PdfFaces,
    private readonly accent: RGB,
  ) {
    this.newPage();
  }

  private get page(): PDFPage {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(): void {
    const page = this.doc.addPage(A4);
    this.fontKeys = new Map([
      [this.faces.regular, page.node.newFontDictionary('F', this.faces.regular.font.ref)],
      [this.faces.bold, page.node.newFontDictionary('F', this.faces.bold.font.ref)],
    ]);
    page.drawRectangle({ x: 0, y: A4[1] - 10, width: A4[0], height: 10, color: this.accent });
    this.pages.push(page);
    this.y = A4[1] - MARGIN;
  }

  /** Vertical space; never carried over to a new page. */
  space(points: number): void {
    this.y -= points;
  }

  private fits(height: number): boolean {
    return this.y - height >= BOTTOM;
  }

  heading(text: string, level: 1 | 2 | 3, indent = 0): void {
    const size = HEADING_SIZES[level];
    const face = this.faces.bold;
    // The title (level 1) leaves room for the logo in the top right corner.
    const width = CONTENT_WIDTH - indent - (level === 1 ? LOGO_ROOM : 0);
    const lines = wrapText(drawableText(text, face.face), face.face, size, width);
    // Keep a heading with at least two lines of what follows.
    if (!this.fits(lines.length * lineHeight(size) + 2 * lineHeight(BODY_SIZE))) this.newPage();
    this.space(level === 1 ? 0 : 6);
    this.drawLines(lines, MARGIN + indent, face, size, TEXT_COLOR);
    if (level === 2) {
      this.space(2);
      this.page.drawLine({
        start: { x: MARGIN + indent, y: this.y },
        end: { x: A4[0] - MARGIN, y: this.y },
        thickness: 0.8,
        color: this.accent,
      });
      this.space(6);
    } else this.space(2);
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const face = style.bold ? this.faces.bold : this.faces.regular;
    const size = style.size ?? BODY_SIZE;
    const indent = style.indent ?? 0;
    const lines = wrapText(drawableText(text, face.face), face.face, size, CONTENT_WIDTH - indent);
    this.flow([{ lines, x: MARGIN + indent, face, size, color: style.color ?? TEXT_COLOR }]);
    this.space(4);
  }

  /** A label in the left column and its value on the right; long values continue on the next page. */
  row(label: string, value: string, style: TextStyle = {}): void {
    const indent = style.indent ?? 0;
    const size = style.size ?? BODY_SIZE;
    const labelFace = this.faces.regular;
    const valueFace = style.bold ? this.faces.bold : this.faces.regular;
    const labelLines = wrapText(drawableText(label, labelFace.face), labelFace.face, size, LABEL_WIDTH - indent);
    const valueLines = wrapText(drawableText(value, valueFace.face), valueFace.face, size, VALUE_WIDTH);
    this.flow([
      { lines: labelLines, x: MARGIN + indent, face: labelFace, size, color: MUTED_COLOR },
      { lines: valueLines, x: VALUE_X, face: valueFace, size, color: style.color ?? TEXT_COLOR },
    ]);
    this.space(3);
  }

  /** Draws lines downwards from the current position, as one text object. */
  private drawLines(lines: string[], x: number, face: PdfFace, size: number, color: RGB): void {
    if (lines.length === 0) return;
    const leading = lineHeight(size);
    const baseline = this.y - leading + size * 0.3;
    this.y -= lines.length * leading;
    if (lines.every((line) => line === '')) return;
    this.text(this.page, lines, x, baseline, face, size, color, leading);
  }

  /** A text object with one or more lines, written as operators (much cheaper than pdf-lib's drawText). */
  private text(
    page: PDFPage,
    lines: string[],
    x: number,
    y: number,
    face: PdfFace,
    size: number,
    color: RGB,
    leading = 0,
  ) {
    const key = this.fontKeys.get(face)!;
    const shown = lines.flatMap((line, index) => [
      ...(index > 0 ? [nextLine()] : []),
      showText(face.font.encodeText(line)),
    ]);
    page.pushOperators(
      pushGraphicsState(),
      beginText(),
      setFillingColor(color),
      setFontAndSize(key, size),
      setLineHeight(round(leading)),
      moveText(round(x), round(y)),
      ...shown,
      endText(),
      popGraphicsState(),
    );
  }

  /** Side-by-side columns, split over pages line by line; each column's chunk is drawn as a whole. */
  private flow(columns: { lines: string[]; x: number; face: PdfFace; size: number; color: RGB }[]): void {
    const size = Math.max(...columns.map((column) => column.size));
    const total = Math.max(...columns.map((column) => column.lines.length));
    if (total <= KEEP_TOGETHER_LINES && !this.fits(total * lineHeight(size))) this.newPage();
    for (let done = 0; done < total; ) {
      if (!this.fits(lineHeight(size))) this.newPage();
      const count = Math.min(total - done, Math.floor((this.y - BOTTOM) / lineHeight(size)));
      const top = this.y;
      for (const column of columns) {
        this.y = top;
        this.drawLines(column.lines.slice(done, done + count), column.x, column.face, column.size, column.color);
      }
      this.y = top - count * lineHeight(size);
      done += count;
    }
  }

  /** "Seite 1 von 3" and the reference at the foot of every page; call when all content is written. */
  footers(reference: string, pageLabel: (page: number, pages: number) => string): void {
    const face = this.faces.regular;
    const size = 8;
    this.pages.forEach((page, index) => {
      page.drawLine({
        start: { x: MARGIN, y: 46 },
        end: { x: A4[0] - MARGIN, y: 46 },
        thickness: 0.5,
        color: this.accent,
      });
      page.drawText(drawableText(reference, face.face), {
        x: MARGIN,
        y: 32,
        size,
        font: face.font,
        color: MUTED_COLOR,
      });
      const label = pageLabel(index + 1, this.pages.length);
      const x = A4[0] - MARGIN - textWidth(label, face.face, size);
      page.drawText(label, { x, y: 32, size, font: face.font, color: MUTED_COLOR });
    });
  }
}
