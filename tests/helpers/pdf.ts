/**
 * Tiny PDFs written by hand for tests: a scan (pages that only paint an image) and text in a CJK
 * font that is not embedded (STSong-Light with the UniGB-UCS2-H character map, as PDF printers on
 * Chinese Windows write it). Objects and the cross-reference table are laid out byte for byte.
 */

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A PDF from its objects' bodies (object i + 1 is objects[i]); object 1 must be the catalog. */
export function buildPdf(objects: (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = [latin1(`${i + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')];
    for (const c of chunk) {
      parts.push(c);
      length += c.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(latin1(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const stream = (content: string, dict = '') => `<< /Length ${latin1(content).length} ${dict}>>\nstream\n${content}\nendstream`;

/** A "scanned" PDF: every page paints a grey 8×8 image over the page and has no text at all. */
export function scannedPdf(pages = 2): Uint8Array {
  // 1 catalog, 2 pages, then per page: page, content, image.
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 3} 0 R`).join(' ');
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`];
  for (let i = 0; i < pages; i++) {
    const page = 3 + i * 3;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R /Resources << /XObject << /Im0 ${page + 2} 0 R >> >> >>`);
    objects.push(stream('q 595 0 0 842 0 0 cm /Im0 Do Q'));
    objects.push(stream('\x80'.repeat(64), '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 '));
  }
  return buildPdf(objects);
}

/**
 * A PDF partly scanned: the pages in `imagePages` (1-based) only paint an image, the others each
 * draw one line of `text` in Helvetica.
 */
export function partlyScannedPdf(pageCount: number, imagePages: number[], text: string): Uint8Array {
  const kids = Array.from({ length: pageCount }, (_, i) => `${4 + i * 3} 0 R`).join(' ');
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  for (let i = 0; i < pageCount; i++) {
    const page = 4 + i * 3;
    const image = imagePages.includes(i + 1);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R /Resources << /Font << /F1 3 0 R >> /XObject << /Im0 ${page + 2} 0 R >> >> >>`);
    objects.push(stream(image ? 'q 595 0 0 842 0 0 cm /Im0 Do Q' : `BT /F1 10 Tf 1 0 0 1 40 760 Tm (${text} ${i + 1}) Tj ET`));
    objects.push(stream('\x80'.repeat(64), '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 '));
  }
  return buildPdf(objects);
}

/** UTF-16BE hex of a string, as a PDF hex string for a UCS-2 encoded font. */
const ucs2 = (s: string) => '<' + [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '>';

/**
 * One page of lines in STSong-Light (not embedded; its codes are UCS-2 through the predefined
 * UniGB-UCS2-H map, which a reader must load to know the characters). Each line: [x, y, text].
 */
export function cjkPdf(lines: [number, number, string][]): Uint8Array {
  const content = lines.map(([x, y, text]) => `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm ${ucs2(text)} Tj ET`).join('\n');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
