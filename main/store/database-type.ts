import type BetterSqlite3 from 'better-sqlite3';

/** An open store connection. Data functions take it as their first argument: `(db, …args)`. */
export type Db = BetterSqlite3.Database;
