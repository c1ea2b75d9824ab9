/**
 * A folder of hostile and odd inputs, generated (nothing of it is committed): what an attacker or
 * a careless download leaves in a reports folder. The build must finish in bounded memory and
 * account for every entry. Used by tests/build-hostile.test.ts and the bench.
 *
 * Each entry says what the build should make of it (`expect`), so the test checks the folder
 * against the database entry by entry and a new entry cannot be forgotten.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';

export interface HostileEntry {
  /** Path inside the folder. */
  path: string;
  /**
   * What the build should record: `read` (parsed: kept, or a duplicate of another copy of the same
   * report, all of which are one office and year), a failed file with this error code, or nothing
   * (an entry that is not a file of its own, said why).
   */
  expect: { status: 'read' } | { status: 'failed'; code: string } | { status: 'not-listed'; why: string };
  why: string;
}

const DOCX_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCX_TAIL = '</w:body></w:document>';

/** A .docx whose word/document.xml inflates to `megabytes` MB from a few hundred KB: a zip bomb. */
export function zipBombDocx(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const doc = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(doc);
  doc.push(strToU8(`${DOCX_HEAD}<w:p><w:r><w:t>`));
  const block = strToU8('0'.repeat(1 << 20));
  for (let i = 0; i < megabytes; i++) doc.push(block);
  doc.push(strToU8(`</w:t></w:r></w:p>${DOCX_TAIL}`), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

/** A small .docx holding `n` empty paragraphs: millions of XML nodes in a few KB. */
export function manyNodesDocx(n: number): Uint8Array {
  return zipSync({ 'word/document.xml': strToU8(DOCX_HEAD + '<w:p/>'.repeat(n) + DOCX_TAIL) }, { level: 9 });
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/**
 * Writes the folder. `report` is a clean report's text (a seed), `edited` the same report with one
 * number changed (an equally clean copy that disagrees: a conflict). Sizes are chosen over the
 * readers' default limits.
 */
export function writeHostileFolder(dir: string, report: string, edited: string): HostileEntry[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'nested/deeper'), { recursive: true });
  const entries: HostileEntry[] = [];
  const file = (path: string, data: string | Uint8Array, expect: HostileEntry['expect'], why: string) => {
    writeFileSync(join(dir, path), data);
    entries.push({ path, expect, why });
  };
  file('report.txt', report, { status: 'read' }, 'a clean report');
  file('nested/deeper/report-edited.txt', edited, { status: 'read' }, 'the same report with one number changed: a conflict');
  file('bomb.docx', zipBombDocx(400), { status: 'failed', code: 'too-large' }, 'a zip bomb: 400 MB of XML in a few hundred KB');
  file('nodes.docx', manyNodesDocx(3_000_000), { status: 'failed', code: 'too-large' }, 'three million XML elements');
  file('huge.txt', new Uint8Array(120 * 1024 * 1024).fill(0x20), { status: 'failed', code: 'too-large' }, 'a 120 MB text file, over the input limit');
  file('tabs.txt', report.replace('\n', '\n' + '\t'.repeat(1_000_000) + '\n'), { status: 'read' }, 'the report with a line of a million tabs');
  file('utf16-no-bom.txt', utf16le(report), { status: 'read' }, 'UTF-16LE without a byte-order mark');
  file('gbk-in-pre.html', `<html><body><pre>${report.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`, { status: 'read' }, 'an HTML page holding the report in <pre>');
  file('empty.txt', '', { status: 'failed', code: 'empty' }, 'an empty file');
  file('binary.txt', new Uint8Array(4096).map((_, i) => (i * 7919) % 256), { status: 'failed', code: 'binary' }, 'random bytes named .txt');
  file('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]), { status: 'failed', code: 'unsupported' }, 'an old binary Word file');
  file('broken.pdf', '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF', { status: 'failed', code: 'corrupt' }, 'a PDF that is only a header');
  file('not-a-report.txt', '今天天气很好。\n我们去公园散步。\n', { status: 'failed', code: 'not-a-report' }, 'Chinese text that is not a report');
  file('.hidden.txt', report, { status: 'read' }, 'a dot-file: still accounted for');
  symlinkSync('report.txt', join(dir, 'link-to-report.txt'));
  entries.push({ path: 'link-to-report.txt', expect: { status: 'read' }, why: 'a symlink to a report: followed' });
  symlinkSync('missing.txt', join(dir, 'broken-link.txt'));
  entries.push({ path: 'broken-link.txt', expect: { status: 'failed', code: 'broken-link' }, why: 'a symlink to nothing' });
  symlinkSync('..', join(dir, 'nested/loop'));
  entries.push({ path: 'nested/loop', expect: { status: 'failed', code: 'link-loop' }, why: 'a symlink back to a folder being read: listed, not followed' });
  return entries;
}
