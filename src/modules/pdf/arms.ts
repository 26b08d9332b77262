import type { PDFPage, RGB } from 'pdf-lib';
import { parseHexColor } from './format.ts';

/** The vector outline of a simple SVG logo: its paths with fill colours, in viewBox units. */
export interface SimpleLogo {
  width: number;
  height: number;
  paths: { d: string; fill?: RGB }[];
}

const PATH_DATA = /^[MmLlHhVvCcSsQqTtZz0-9.,\s-]+$/;

/**
 * Reads the `<path>` elements of a simple logo such as the placeholder arms (shield outline). Anything
 * else (text, gradients, images) is ignored; returns undefined when nothing drawable is found.
 * The SVG is never rendered as markup, only its path data is used.
 */
export function parseSimpleLogo(svg: string): SimpleLogo | undefined {
  const viewBox = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  const width = Number(viewBox?.[1]);
  const height = Number(viewBox?.[2]);
  if (!(width > 0 && height > 0)) return undefined;
  const paths: SimpleLogo['paths'] = [];
  for (const match of svg.matchAll(/<path\b([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    const d = /\bd="([^"]*)"/.exec(attributes)?.[1];
    if (!d || !PATH_DATA.test(d)) continue;
    const fill = /\bfill="(#[0-9a-fA-F]{3,6})"/.exec(attributes)?.[1];
    paths.push({ d, fill: fill ? parseHexColor(fill) : undefined });
  }
  return paths.length > 0 ? { width, height, paths } : undefined;
}

/** Draws the logo with its top-right corner at (right, top), `height` points high. */
export function drawLogo(page: PDFPage, logo: SimpleLogo, right: number, top: number, height: number): void {
  const scale = height / logo.height;
  for (const path of logo.paths) {
    page.drawSvgPath(path.d, {
      x: right - logo.width * scale,
      y: top,
      scale,
      color: path.fill,
      borderColor: parseHexColor('#222222'),
      borderWidth: 1,
    });
  }
}
