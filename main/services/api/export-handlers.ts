// The report, export request, review and settings channels. Each handler checks its input, then
// hands over to a small service under ../exporting (or the export workflow it wraps).
import { z } from 'zod';
import type { Policy } from '../../../shared/disclosure';
import { runProgressJob } from '../api-jobs';
import type { ApiHandlers } from '../api-types';
import type { ProfileProgress } from '../profile-job';
import { saveLocalProfile } from '../export-workflow/identity';
import { exportPublicKey, generateSigningKey } from '../export-workflow/keys';
import { exportDraftView, saveExportDraftFor } from '../exporting/export-draft';
import { setPolicyInForce } from '../exporting/policy-in-force';
import { buildDatasetReport } from '../exporting/report-build';
import { writeRequestForReport } from '../exporting/report-request';
import { decideReview, openForReview } from '../exporting/review-view';
import { settingsView } from '../exporting/settings-view';
import { absolutePath, jobId, noInput, referenceId, storeId } from './inputs';

/** As the bundle formats allow (export-workflow/formats.ts). */
const MAX_TEXT = 20_000;
/** Long enough for any passphrase a person types; the minimum is checked (with a plain message) where the key is made. */
const MAX_PASSPHRASE = 1024;

const text = z.string().max(MAX_TEXT, `at most ${MAX_TEXT} characters`);
/** Shape only; parsePolicy checks the policy in the handler, with messages naming the key. */
const policyObject = z.custom<Policy>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'a policy (a JSON object)');

export const exportHandlers = {
  'report:build': {
    input: z.strictObject({ jobId, datasetId: storeId, referenceId: referenceId.optional(), title: z.string().max(300).optional() }),
    run: async (deps, input, ctx) => {
      return runProgressJob(
        deps.jobs,
        input.jobId,
        (p: ProfileProgress) => ctx.emit('profile:progress', { jobId: input.jobId, ...p }),
        (run) =>
          buildDatasetReport(deps, input.datasetId, {
            ...run,
            ...(input.referenceId !== undefined ? { referenceId: input.referenceId } : {}),
            ...(input.title !== undefined ? { title: input.title } : {}),
          }),
      );
    },
  },
  'export-draft:get': {
    input: z.strictObject({ projectId: storeId }),
    run: async (deps, input) => exportDraftView(deps.db, input.projectId),
  },
  'export-draft:save': {
    input: z.strictObject({ projectId: storeId, purpose: text, justification: text }),
    run: async (deps, input) => saveExportDraftFor(deps.db, input),
  },
  'export:request': {
    input: z.strictObject({ reportId: storeId, purpose: text, justification: text, path: absolutePath }),
    run: async (deps, input) => writeRequestForReport(deps.db, deps.home, input),
  },
  'dialog:choose-bundle': {
    input: noInput,
    run: async (deps) => {
      const chosen = await deps.chooseBundle();
      return chosen === null ? null : { path: chosen };
    },
  },
  'review:open': {
    input: z.strictObject({ path: absolutePath }),
    run: async (deps, input) => openForReview(deps.db, input.path),
  },
  'review:decide': {
    input: z.strictObject({
      path: absolutePath,
      // Checked against the per-output decisions in decisionsFrom (exporting/review-view.ts).
      decision: z.enum(['approve', 'reject'], 'an overall decision: approve or reject'),
      decisions: z
        .array(z.strictObject({ outputId: z.string().min(1).max(200), decision: z.enum(['approved', 'rejected']), comment: text }))
        .min(1, 'a decision on each output')
        .max(10_000),
      overallComment: text,
      passphrase: z.string().max(MAX_PASSPHRASE, `a passphrase of at most ${MAX_PASSPHRASE} characters`),
      outPath: absolutePath,
    }),
    run: async (deps, input) => decideReview(deps.db, input),
  },
  'settings:get': {
    input: noInput,
    run: async (deps) => settingsView(deps.db, deps.home),
  },
  'settings:set-policy': {
    input: z.strictObject({ policy: policyObject }),
    run: async (deps, input) => {
      await setPolicyInForce(deps.db, deps.home, input.policy);
      return settingsView(deps.db, deps.home);
    },
  },
  'identity:save': {
    input: z.strictObject({ displayName: z.string().max(200, 'a name of at most 200 characters'), role: z.enum(['analyst', 'reviewer']) }),
    run: async (deps, input) => {
      saveLocalProfile(deps.db, input);
      return settingsView(deps.db, deps.home);
    },
  },
  'keys:create': {
    input: z.strictObject({ passphrase: z.string().max(MAX_PASSPHRASE, `a passphrase of at most ${MAX_PASSPHRASE} characters`) }),
    run: async (deps, input) => {
      await generateSigningKey(deps.db, input.passphrase);
      return settingsView(deps.db, deps.home);
    },
  },
  'keys:export-public': {
    input: z.strictObject({ path: absolutePath }),
    run: async (deps, input) => {
      const { file, fingerprint } = await exportPublicKey(deps.db, input.path);
      return { path: file, fingerprint };
    },
  },
} satisfies Partial<ApiHandlers>;
