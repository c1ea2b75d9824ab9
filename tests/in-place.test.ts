/**
 * Database bytes opened in place (src/lib/db/in-place.ts): the file is the bytes' own buffer and
 * grows into the room behind them, without copies; past the room it grows as sql.js's files do.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { bufferWithRoom, openInPlace, release, roomFor } from '../src/lib/db/in-place';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

/** A database of `rows` rows of 100 characters each, as bytes. */
function database(rows: number): Uint8Array {
  const db = new SQL.Database();
  db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)');
  db.run(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows}) INSERT INTO t SELECT i, printf('%0100d', i) FROM n`);
  const bytes = db.export();
  db.close();
  return bytes;
}

describe('a database opened in place', () => {
  it('is the bytes’ own buffer, and grows into the room behind them', () => {
    const bytes = database(100);
    const room = 2 ** 20;
    const buffer = bufferWithRoom(bytes.length, room);
    expect(buffer.length).toBe(bytes.length + room);
    buffer.set(bytes);
    const db = openInPlace(SQL, buffer.subarray(0, bytes.length));
    // Rows of about 500 KB: SQLite writes them past the file's end, into the room.
    db.run(`WITH RECURSIVE n(i) AS (SELECT 101 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO t SELECT i, printf('%0100d', i) FROM n`);
    expect(buffer.subarray(bytes.length).some((b) => b !== 0)).toBe(true);
    expect(db.exec('SELECT COUNT(*), SUM(id) FROM t')[0].values).toEqual([[5000, (5000 * 5001) / 2]]);
    expect(db.exec('PRAGMA integrity_check')[0].values).toEqual([['ok']]);
    // Past the room, the file is copied into a larger one: the rows are all there still.
    db.run(`WITH RECURSIVE n(i) AS (SELECT 5001 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO t SELECT i, printf('%0100d', i) FROM n`);
    expect(db.exec('SELECT COUNT(*), SUM(id), MAX(text) FROM t')[0].values).toEqual([[20000, (20000 * 20001) / 2, '0'.repeat(95) + '20000']]);
    expect(db.exec('PRAGMA integrity_check')[0].values).toEqual([['ok']]);
    // Its export is a database of the same rows, and the bytes given keep sql.js's own slice.
    const copy = new SQL.Database(db.export());
    expect(copy.exec('SELECT COUNT(*), SUM(id) FROM t')[0].values).toEqual([[20000, (20000 * 20001) / 2]]);
    expect(Object.hasOwn(buffer.subarray(0, 1), 'slice')).toBe(false);
    copy.close();
    db.close();
  });

  it('opens bytes without room as they are', () => {
    const bytes = database(10);
    const db = openInPlace(SQL, bytes);
    expect(Object.hasOwn(bytes, 'slice')).toBe(false);
    expect(db.exec('SELECT COUNT(*) FROM t')[0].values).toEqual([[10]]);
    db.close();
  });

  it('reserves what the device gives, and as room every file a collection may merge, at most 256 MiB', () => {
    // More than any typed array may hold: halved until it fits.
    const buffer = bufferWithRoom(16, 2 ** 45);
    expect(buffer.length).toBeGreaterThan(16);
    expect(buffer.length).toBeLessThan(2 ** 45);
    expect(roomFor([{ bytes: 10 }, { bytes: 32 }])).toBe(42);
    expect(roomFor([{ bytes: 2 ** 27 }, { bytes: 2 ** 27 }])).toBe(2 ** 28);
    expect(roomFor([{ bytes: 2 ** 28 }, { bytes: 2 ** 30 }])).toBe(2 ** 28);
  });

  it('gives back a buffer read and done with when the bytes are its one view, and leaves a shared one', () => {
    // Node 20 has no ArrayBuffer.prototype.transfer (Chromium has): each buffer is given one to see the calls.
    const calls: number[][] = [];
    const withTransfer = (buffer: ArrayBuffer, id: number) => Object.defineProperty(buffer, 'transfer', { value: (length: number) => (calls.push([id, length]), new ArrayBuffer(length)) });
    const whole = new Uint8Array(withTransfer(new ArrayBuffer(64), 1));
    const shared = new ArrayBuffer(64);
    withTransfer(shared, 2);
    release(whole);
    release(new Uint8Array(shared, 0, 32));
    release(new Uint8Array(shared, 8));
    expect(calls).toEqual([[1, 0]]);
    // Where the runtime has no transfer, nothing happens.
    expect(() => release(new Uint8Array(8))).not.toThrow();
  });
});
