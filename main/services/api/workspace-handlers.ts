// The workspace channels: profiling a file into the store, the datasets it remembers, their
// mappings, the representation analysis, reference populations and documentation answers. Each
// handler checks its input, then hands over to a small service under ../workspace.
import { z } from 'zod';
import type { Answers } from '../../../shared/report/answers';
import { MappingDocumentSchema } from '../../../shared/demographics';
import { throttle } from '../api-jobs';
import type { ApiDeps, ApiHandlers } from '../api-types';
import type { ProfileProgress } from '../profile-job';
import { answersView, saveAnswers } from '../workspace/answers';
import { analyseDatasetInDetail } from '../workspace/dataset-analysis';
import { recentDatasets, recordProfiledDataset, reopenDataset } from '../workspace/datasets';
import { mappingView, saveDatasetMapping } from '../workspace/mappings';
import { importReference, listReferenceOptions } from '../workspace/references';
import { absolutePath, jobId, noInput, referenceId, storeId } from './inputs';

/** Progress events at most this often: the page gains nothing from more. */
const PROGRESS_INTERVAL_MS = 100;

/** Shape only; parseAnswers checks the document in the handler, with messages naming item and field. */
const answersDocument = z.custom<Answers>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an answers document (a JSON object)');

/** Runs `work` as a cancellable job whose progress reaches the page, throttled, under the renderer's job id. */
async function asJob<T>(
  deps: ApiDeps,
  id: string,
  emit: (p: ProfileProgress) => void,
  work: (run: { signal: AbortSignal; onProgress: (p: ProfileProgress) => void }) => Promise<T>,
): Promise<T> {
  const signal = deps.jobs.start(id);
  try {
    return await work({ signal, onProgress: throttle(emit, PROGRESS_INTERVAL_MS) });
  } finally {
    deps.jobs.finish(id);
  }
}

export const workspaceHandlers = {
  'profile:run': {
    input: z.strictObject({ jobId, path: absolutePath }),
    run: async (deps, input, ctx) => {
      const profile = await asJob(deps, input.jobId, (p) => ctx.emit('profile:progress', { jobId: input.jobId, ...p }), (run) => deps.profileFile(input.path, run));
      return recordProfiledDataset(deps.db, input.path, profile, deps.appInfo.version);
    },
  },
  'dataset:recent': {
    input: noInput,
    run: async (deps) => recentDatasets(deps.db),
  },
  'dataset:open': {
    input: z.strictObject({ datasetId: storeId }),
    run: async (deps, input) => reopenDataset(deps.db, input.datasetId),
  },
  'mapping:get': {
    input: z.strictObject({ datasetId: storeId }),
    run: async (deps, input) => mappingView(deps.db, input.datasetId),
  },
  'mapping:save': {
    input: z.strictObject({ datasetId: storeId, mapping: MappingDocumentSchema }),
    run: async (deps, input) => saveDatasetMapping(deps.db, input.datasetId, input.mapping),
  },
  'analysis:run': {
    input: z.strictObject({ jobId, datasetId: storeId, referenceId: referenceId.optional() }),
    run: async (deps, input, ctx) => {
      const analysis = await asJob(
        deps,
        input.jobId,
        (p) => ctx.emit('profile:progress', { jobId: input.jobId, ...p }),
        (run) => analyseDatasetInDetail(deps, input.datasetId, { ...run, ...(input.referenceId !== undefined ? { referenceId: input.referenceId } : {}) }),
      );
      return { datasetId: analysis.dataset.id, reference: analysis.reference, result: analysis.result, unmapped: analysis.unmapped, readFile: analysis.readFile };
    },
  },
  'reference:list': {
    input: noInput,
    run: async (deps) => listReferenceOptions(deps.db),
  },
  'reference:import': {
    input: z.strictObject({ path: absolutePath }),
    run: async (deps, input) => importReference(deps.db, input.path),
  },
  'answers:get': {
    input: z.strictObject({ projectId: storeId }),
    run: async (deps, input) => answersView(deps.db, input.projectId),
  },
  'answers:save': {
    input: z.strictObject({ projectId: storeId, answers: answersDocument }),
    run: async (deps, input) => {
      saveAnswers(deps.db, input.projectId, input.answers);
      return answersView(deps.db, input.projectId);
    },
  },
} satisfies Partial<ApiHandlers>;
