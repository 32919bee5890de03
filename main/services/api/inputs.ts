// Input schemas several API handler modules share: job ids, store ids and file paths.
import path from 'node:path';
import { z } from 'zod';

const MAX_PATH_CHARS = 4096;

export const noInput = z.strictObject({});

export const jobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a job id of 8 to 64 letters, digits or hyphens');

/** The store's ids are UUIDs. */
export const storeId = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'an id from the store (a UUID)');

export const absolutePath = z
  .string()
  .min(1, 'a file path')
  .max(MAX_PATH_CHARS, `a path of at most ${MAX_PATH_CHARS} characters`)
  .refine((p) => !p.includes('\0'), 'a path without NUL characters')
  .refine((p) => path.isAbsolute(p), 'the full path to the file, starting at the drive or root folder');

/** Built-in ids ("census2021-england") and imported ones ("custom:catchment.csv"). */
export const referenceId = z.string().min(1).max(300);
