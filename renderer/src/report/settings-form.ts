// Settings forms: checks made before a call. The passphrase's minimum length is the main side's
// to say (its error names it), so only a blank and a mismatch are caught here.
import { looksLikeFullPath } from '../pages/StartPage';
import { fileNamePart, localDate, type FormProblem } from './form-problems';

export const SETTINGS_FIELDS = {
  policy: 'settings-policy',
  name: 'settings-name',
  role: 'settings-role-analyst',
  passphrase: 'settings-new-passphrase',
  confirm: 'settings-confirm-passphrase',
  exportKey: 'settings-export-key',
  reference: 'settings-reference-file',
} as const;

export function checkProfile(displayName: string): FormProblem[] {
  return displayName.trim() === '' ? [{ fieldId: SETTINGS_FIELDS.name, text: 'Enter your name' }] : [];
}

export function checkNewPassphrase(passphrase: string, confirm: string): FormProblem[] {
  if (passphrase === '') return [{ fieldId: SETTINGS_FIELDS.passphrase, text: 'Enter a passphrase for your signing key' }];
  if (confirm === '') return [{ fieldId: SETTINGS_FIELDS.confirm, text: 'Enter the passphrase again to confirm it' }];
  if (passphrase !== confirm) return [{ fieldId: SETTINGS_FIELDS.confirm, text: 'The passphrases do not match: enter the same passphrase twice' }];
  return [];
}

export function checkReferencePath(path: string): FormProblem[] {
  const p = path.trim();
  if (p === '') return [{ fieldId: SETTINGS_FIELDS.reference, text: 'Enter the full path to a reference population file' }];
  if (!looksLikeFullPath(p))
    return [{ fieldId: SETTINGS_FIELDS.reference, text: 'Enter the full path to the file, starting at the drive or root folder' }];
  return [];
}

export function publicKeyFileName(fingerprint: string, now: Date): string {
  return `represent-public-key-${fileNamePart(fingerprint.slice(0, 12)) || localDate(now)}.json`;
}
