// One error type for everything a user can get wrong, shaped like DuckDB's messages:
// what was expected, what was found, and where (file, row, column, byte offset).
// The message is shown to users, written to logs and may reach an export screen, so it must
// never quote a value from the data: say "a 10-digit value", never the value itself.

export type RepresentErrorCode =
  | 'file-not-found'
  | 'not-a-file'
  | 'no-permission'
  | 'empty-file'
  | 'header-only'
  | 'binary-file'
  | 'undecodable-bytes'
  | 'field-too-large'
  | 'unterminated-quote'
  | 'bad-header'
  | 'bad-argument'
  | 'bad-mapping'
  | 'bad-reference'
  | 'bad-policy'
  | 'bad-answers'
  | 'output-exists'
  | 'screen-failed'
  | 'bad-bundle'
  | 'bad-key'
  | 'wrong-passphrase'
  | 'bad-review'
  | 'already-reviewed'
  | 'newer-version'
  | 'no-identity'
  | 'store-error'
  | 'file-changed'
  | 'cancelled'
  | 'internal';

export interface ErrorLocation {
  file?: string;
  /** 1-based data row number (the header is row 0). */
  row?: number;
  column?: string;
  byteOffset?: number;
}

export class RepresentError extends Error {
  readonly code: RepresentErrorCode;
  readonly expected?: string;
  readonly found?: string;
  readonly location: ErrorLocation;

  constructor(
    code: RepresentErrorCode,
    message: string,
    details: { expected?: string; found?: string; location?: ErrorLocation } = {},
  ) {
    super(formatMessage(message, details));
    this.name = 'RepresentError';
    this.code = code;
    this.expected = details.expected;
    this.found = details.found;
    this.location = details.location ?? {};
  }

  /** Plain data, safe to send over IPC or postMessage (Error instances lose fields there). */
  toJSON(): SerializedError {
    return { code: this.code, message: this.message, expected: this.expected, found: this.found, location: this.location };
  }
}

export interface SerializedError {
  code: RepresentErrorCode;
  message: string;
  expected?: string;
  found?: string;
  location: ErrorLocation;
}

export function errorFromJSON(e: SerializedError): RepresentError {
  const err = new RepresentError(e.code, e.message, {});
  Object.assign(err, { expected: e.expected, found: e.found, location: e.location, message: e.message });
  return err;
}

function formatMessage(message: string, d: { expected?: string; found?: string; location?: ErrorLocation }): string {
  const parts = [message];
  if (d.expected !== undefined) parts.push(`Expected: ${d.expected}.`);
  if (d.found !== undefined) parts.push(`Found: ${d.found}.`);
  const where = describeLocation(d.location);
  if (where) parts.push(`Where: ${where}.`);
  return parts.join(' ');
}

export function describeLocation(loc: ErrorLocation | undefined): string {
  if (!loc) return '';
  const bits: string[] = [];
  if (loc.file !== undefined) bits.push(`file ${loc.file}`);
  if (loc.row !== undefined) bits.push(`row ${loc.row}`);
  if (loc.column !== undefined) bits.push(`column "${loc.column}"`);
  if (loc.byteOffset !== undefined) bits.push(`byte ${loc.byteOffset}`);
  return bits.join(', ');
}
