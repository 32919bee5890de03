// Problems found in a form before anything is sent, each tied to the field to fix, for the NHS.UK
// error summary (each problem links to its field) and the message above the field.

export interface FormProblem {
  fieldId: string;
  text: string;
}

/** The problem for one field, if any (the first, when a field has several). */
export function problemFor(problems: readonly FormProblem[], fieldId: string): string | null {
  return problems.find((p) => p.fieldId === fieldId)?.text ?? null;
}

/** "2026-11-27" in the computer's local time zone: the day the user sees on their calendar. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Keeps letters, digits, dots and hyphens, so an id from a bundle is safe in a suggested file name. */
export function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}
