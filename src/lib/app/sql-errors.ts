/**
 * SQLite's error messages (English, from sql.js) explained in the reader's language: the common
 * ones by their stable shape (dictionary keys `sqlite.*`); the original message is always shown too.
 */
import type { MessageKey } from './i18n.svelte';

const SHAPES: [RegExp, MessageKey][] = [
  [/\bno such table: (?<name>\S+)/, 'sqlite.noTable'],
  [/\bno such column: (?<name>\S+)/, 'sqlite.noColumn'],
  [/\bno such function: (?<name>\S+)/, 'sqlite.noFunction'],
  [/\bambiguous column name: (?<name>\S+)/, 'sqlite.ambiguous'],
  [/\bnear "(?<near>[^"]*)": syntax error/, 'sqlite.syntaxNear'],
  [/\bincomplete input\b/, 'sqlite.incomplete'],
  [/\bunrecognized token: "?(?<near>[^"]*)"?/, 'sqlite.badToken'],
  [/\battempt to write a readonly database\b/, 'sqlite.readOnly'],
  [/\bwrong number of arguments to function (?<name>\S+)/, 'sqlite.arguments'],
  [/\bdoes not match the number of columns|SELECTs to the left and right of (UNION|INTERSECT|EXCEPT)/, 'sqlite.compoundColumns'],
];

/** The explanation of one of SQLite's messages, or null when its shape is not known. */
export function explainSqliteError(message: string): { key: MessageKey; values: Record<string, string> } | null {
  for (const [shape, key] of SHAPES) {
    const m = shape.exec(message);
    if (m) return { key, values: { ...m.groups } };
  }
  return null;
}
