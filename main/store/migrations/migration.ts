import type { Db } from '../database-type';

/**
 * One forward-only schema step. `version` is the schema version after it runs (PRAGMA
 * user_version); versions run 1, 2, 3… with no gaps. A shipped migration is never edited: a change
 * to the schema is a new migration, so every database that ever existed can reach the latest.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
