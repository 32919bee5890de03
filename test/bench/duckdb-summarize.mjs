// The baseline: DuckDB's SUMMARIZE over the same CSV, in its own process so its memory is
// measured the same way as ours. Threads are left at DuckDB's default (all cores).
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(`SUMMARIZE SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
process.stdout.write(JSON.stringify({ columns: reader.getRowObjects().length }) + '\n');
