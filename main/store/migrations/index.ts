// Every schema step, oldest first. Append only: never edit, reorder or remove a shipped entry.
import type { Migration } from './migration';
import { migration001 } from './001-core';
import { migration002 } from './002-mappings-answers-reports';
import { migration003 } from './003-identities-and-keys';
import { migration004 } from './004-export-workflow';
import { migration005 } from './005-export-drafts';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
