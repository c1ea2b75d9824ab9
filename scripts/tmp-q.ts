import initSqlJs from 'sql.js';
import { readFileSync } from 'node:fs';
const SQL = await initSqlJs();
const db = new SQL.Database(readFileSync(process.argv[2]));
for (const r of db.exec(process.argv[3])) { console.log(r.columns.join('\t')); for (const v of r.values) console.log(v.join('\t')); }
