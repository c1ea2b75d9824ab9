/**
 * pdf.js's data files for Node: the character maps that PDFs with non-embedded CJK fonts need
 * (without them such a PDF's text cannot be decoded) and the standard fonts' metrics, read from
 * the installed pdfjs-dist. The browser configures URLs of its own (src/lib/formats/pdf.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { configurePdf } from '../../src/lib/formats/index.ts';

export function configurePdfForNode(): void {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  configurePdf({ cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep });
}
