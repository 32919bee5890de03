// The workspace channels: profiling a file into the store, the datasets it remembers, their
// mappings, the representation analysis, reference populations and documentation answers. Each
// handler checks its input, then hands over to a small service under ../workspace.
import { z } from 'zod';
import type { Answers } from '../../../shared/report/answers';
import { MappingDocumentSchema } from '../../../shared/demographics';
import { runProgressJob } from '../api-jobs';
import type { ApiHandlers } from '../api-types';
import type { ProfileProgress } from '../profile-job';
import { answersView, saveAnswers } from '../workspace/answers';
import { analyseDatasetInDetail } from '../workspace/dataset-analysis';
import { recentDatasets, recordProfiledDataset, reopenDataset } from '../workspace/datasets';
import { mappingView, saveDatasetMapping } from '../workspace/mappings';
import { importReference, listReferenceOptions } from '../workspace/references';
import { absolutePath, jobId, noInput, referenceId, storeId } from './inputs';

/** Shape only; parseAnswers checks the document in the handler, with messages naming item and field. */
const answersDocument = z.custom<Answers>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an answers document (a JSON object)');

export const workspaceHandlers = {
  'profile:run': {
    input: z.strictObject({ jobId, path: absolutePath }),
    run: async (deps, input, ctx) => {
      const profile = await runProgressJob(deps.jobs, input.jobId, (p: ProfileProgress) => ctx.emit('profile:progress', { jobId: input.jobId, ...p }), (run) => deps.profileFile(input.path, run));
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
      const analysis = await runProgressJob(
        deps.jobs,
        input.jobId,
        (p: ProfileProgress) => ctx.emit('profile:progress', { jobId: input.jobId, ...p }),
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
