// Checks the pages make before calling the main side: export request, review decisions, settings,
// and the Start page's dropped files.
import { describe, expect, test } from 'vitest';
import type { ReviewOutputView } from '../../../shared/api';
import { EXPORT_FIELDS, checkExportForm, requestFileName } from '../../../renderer/src/report/export-form';
import { droppedFile } from '../../../renderer/src/report/dropped-file';
import { fileNamePart, localDate, problemFor } from '../../../renderer/src/report/form-problems';
import { checkReviewForm, commentNeeded, commentRule, decideRequest, outcomeFileName, reviewFieldIds, type OutputChoice } from '../../../renderer/src/report/review-form';
import { SETTINGS_FIELDS, checkNewPassphrase, checkProfile, checkReferencePath, publicKeyFileName } from '../../../renderer/src/report/settings-form';

// The comment rules as the main side states them (main/services/export-workflow/review-rules.ts).
const output = (id: string, status: 'pass' | 'fail' | 'review'): ReviewOutputView => ({
  id,
  status,
  files: [`outputs/${id}.csv`],
  summary: `${id} summary`,
  exception: null,
  commentRequired: { approve: status !== 'pass', reject: status !== 'fail' },
});
const outputs = [output('ethnicity', 'pass'), output('sex', 'review'), output('outcome-by-sex', 'fail')];
const choice = (decision: OutputChoice['decision'], comment = ''): OutputChoice => ({ decision, comment });

describe('review form', () => {
  test('a complete approval has no problems and becomes the decide request, trimmed', () => {
    const choices = [choice('approved'), choice('approved', ' small cells checked '), choice('rejected')];
    expect(checkReviewForm({ outputs, choices, overallComment: 'Fine', passphraseGiven: true, verdict: 'approve' })).toEqual([]);
    const req = decideRequest({ verdict: 'approve', path: '/b/req.zip', outputs, choices, overallComment: ' Fine ', passphrase: 'pw pw pw', outPath: '/b/out.zip' });
    expect(req).toEqual({
      path: '/b/req.zip',
      decision: 'approve',
      decisions: [
        { outputId: 'ethnicity', decision: 'approved', comment: '' },
        { outputId: 'sex', decision: 'approved', comment: 'small cells checked' },
        { outputId: 'outcome-by-sex', decision: 'rejected', comment: '' },
      ],
      overallComment: 'Fine',
      passphrase: 'pw pw pw',
      outPath: '/b/out.zip',
    });
  });

  test('every missing decision, required comment, overall comment and passphrase is listed, each at its field', () => {
    const problems = checkReviewForm({ outputs, choices: [choice(null), choice('rejected', '   '), choice('approved')], overallComment: ' ', passphraseGiven: false, verdict: 'approve' });
    expect(problems.map((p) => p.fieldId)).toEqual([reviewFieldIds.decision(0), reviewFieldIds.comment(1), reviewFieldIds.comment(2), reviewFieldIds.overall, reviewFieldIds.passphrase]);
    expect(problemFor(problems, reviewFieldIds.comment(2))).toContain('approving an output marked "fail"');
  });

  test('the comment rules: approve fail/review, reject pass/review', () => {
    expect(commentNeeded(outputs[0]!, 'approved')).toBe(false);
    expect(commentNeeded(outputs[0]!, 'rejected')).toBe(true);
    expect(commentNeeded(outputs[1]!, 'approved')).toBe(true);
    expect(commentNeeded(outputs[1]!, 'rejected')).toBe(true);
    expect(commentNeeded(outputs[2]!, 'approved')).toBe(true);
    expect(commentNeeded(outputs[2]!, 'rejected')).toBe(false);
    expect(commentNeeded(outputs[2]!, null)).toBe(false);
  });

  test('the comment rule in words, per output', () => {
    expect(outputs.map(commentRule)).toEqual(['Needed if you reject it.', 'Needed whichever you decide.', 'Needed if you approve it.']);
    expect(commentRule({ ...outputs[0]!, commentRequired: { approve: false, reject: false } })).toBe('Optional.');
  });

  test('an approval needs an approved output; a rejection may approve none', () => {
    const allRejected = [choice('rejected', 'no'), choice('rejected', 'no'), choice('rejected')];
    const approve = checkReviewForm({ outputs, choices: allRejected, overallComment: 'x', passphraseGiven: true, verdict: 'approve' });
    expect(approve).toHaveLength(1);
    expect(approve[0]!.text).toContain('Approve at least one output');
    expect(checkReviewForm({ outputs, choices: allRejected, overallComment: 'x', passphraseGiven: true, verdict: 'reject' })).toEqual([]);
  });

  test('a rejection may keep outputs marked Approve (the overall decision travels with the request)', () => {
    const choices = [choice('rejected', 'no'), choice('approved', 'ok'), choice('rejected')];
    expect(checkReviewForm({ outputs, choices, overallComment: 'x', passphraseGiven: true, verdict: 'reject' })).toEqual([]);
    const request = decideRequest({ verdict: 'reject', path: '/p.zip', outputs, choices, overallComment: ' x ', passphrase: 'y', outPath: '/o.zip' });
    expect(request.decision).toBe('reject');
    expect(request.decisions.map((d) => d.decision)).toEqual(['rejected', 'approved', 'rejected']);
    expect(request.overallComment).toBe('x');
  });

  test('decideRequest refuses an undecided output', () => {
    expect(() => decideRequest({ verdict: 'approve', path: 'p', outputs, choices: [choice(null)], overallComment: 'x', passphrase: 'y', outPath: 'o' })).toThrow();
  });

  test('file names', () => {
    const now = new Date(2026, 10, 27, 23, 59);
    expect(outcomeFileName('approve', 'req-2026/11:27', now)).toBe('represent-release-req-2026-11-27.zip');
    expect(outcomeFileName('reject', '***', now)).toBe('represent-response-2026-11-27.zip');
  });
});

describe('export form', () => {
  test('purpose and justification are both required; blanks are not answers', () => {
    expect(checkExportForm('A paper', 'Table 1 needs ethnicity by sex')).toEqual([]);
    expect(checkExportForm('  ', '\n').map((p) => p.fieldId)).toEqual([EXPORT_FIELDS.purpose, EXPORT_FIELDS.justification]);
  });
  test('suggested name uses the local date', () => {
    expect(requestFileName(new Date(2026, 0, 5, 0, 1))).toBe('represent-request-2026-01-05.zip');
    expect(localDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});

describe('settings form', () => {
  test('profile name', () => {
    expect(checkProfile(' ')).toEqual([{ fieldId: SETTINGS_FIELDS.name, text: 'Enter your name' }]);
    expect(checkProfile('Ada')).toEqual([]);
  });
  test('passphrase and confirmation', () => {
    expect(checkNewPassphrase('', '')[0]!.fieldId).toBe(SETTINGS_FIELDS.passphrase);
    expect(checkNewPassphrase('correct horse battery', '')[0]!.fieldId).toBe(SETTINGS_FIELDS.confirm);
    expect(checkNewPassphrase('correct horse battery', 'correct horse batterY')[0]!.text).toContain('do not match');
    // Length is the main side's rule: a short matching passphrase passes here and is judged there.
    expect(checkNewPassphrase('short', 'short')).toEqual([]);
  });
  test('reference file path must be a full path', () => {
    expect(checkReferencePath('')).toHaveLength(1);
    expect(checkReferencePath('pop.csv')).toHaveLength(1);
    expect(checkReferencePath('C:\\Data\\pop.csv')).toEqual([]);
    expect(checkReferencePath('/data/pop.csv')).toEqual([]);
    expect(checkReferencePath('\\\\server\\share\\pop.csv')).toEqual([]);
  });
  test('public key file name', () => {
    expect(publicKeyFileName('ab12cd34ef56ab12cd34', new Date(2026, 0, 1))).toBe('represent-public-key-ab12cd34ef56.json');
    expect(fileNamePart('../../etc')).toBe('..-..-etc');
  });
});

describe('dropped files', () => {
  const file = (name: string, path?: string) => Object.assign(new File(['a,b\n'], name), path === undefined ? {} : { path });
  test('no path (Chromium, Electron 32 and later): say so', () => {
    expect(droppedFile([file('extract.csv')])).toEqual({ kind: 'no-path', fileName: 'extract.csv' });
    expect(droppedFile([file('extract.csv', '')])).toEqual({ kind: 'no-path', fileName: 'extract.csv' });
  });
  test('a path where one is given', () => {
    expect(droppedFile([file('extract.csv', '/data/extract.csv')])).toEqual({ kind: 'path', path: '/data/extract.csv' });
  });
  test('nothing, or several files', () => {
    expect(droppedFile([])).toEqual({ kind: 'none' });
    expect(droppedFile(null)).toEqual({ kind: 'none' });
    expect(droppedFile([file('a.csv'), file('b.csv')])).toEqual({ kind: 'several', count: 2 });
  });
});
