// The export request form: what must be filled in before the save dialog opens.
import type { FormProblem } from './form-problems';
import { localDate } from './form-problems';

export const EXPORT_FIELDS = { purpose: 'export-purpose', justification: 'export-justification' } as const;

/** Airlock and SACRO ask for both; a blank is not an answer. */
export function checkExportForm(purpose: string, justification: string): FormProblem[] {
  const problems: FormProblem[] = [];
  if (purpose.trim() === '') problems.push({ fieldId: EXPORT_FIELDS.purpose, text: 'Enter the purpose of the export' });
  if (justification.trim() === '')
    problems.push({ fieldId: EXPORT_FIELDS.justification, text: 'Enter why these outputs need to leave the environment' });
  return problems;
}

export function requestFileName(now: Date): string {
  return `represent-request-${localDate(now)}.zip`;
}
