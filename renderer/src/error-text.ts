// Splits a SerializedError into its headline and the expected / found / where details that
// shared/errors.ts appends to the message, so the page can show them as a list.
import { describeLocation, type SerializedError } from '../../shared/errors';

export interface ErrorText {
  headline: string;
  details: { label: string; text: string }[];
}

export function errorText(error: SerializedError): ErrorText {
  const details: ErrorText['details'] = [];
  if (error.expected !== undefined) details.push({ label: 'Expected', text: error.expected });
  if (error.found !== undefined) details.push({ label: 'Found', text: error.found });
  const where = describeLocation(error.location);
  if (where) details.push({ label: 'Where', text: where });
  // The message ends with " Expected: …. Found: …. Where: …." (formatMessage); cut at the first.
  const suffixes = [
    error.expected !== undefined ? ` Expected: ${error.expected}.` : null,
    error.found !== undefined ? ` Found: ${error.found}.` : null,
    where ? ` Where: ${where}.` : null,
  ].filter((s): s is string => s !== null);
  let cut = error.message.length;
  for (const s of suffixes) {
    const at = error.message.indexOf(s);
    if (at >= 0 && at < cut) cut = at;
  }
  return { headline: error.message.slice(0, cut).trim(), details };
}
