// Worker-thread entry: waits for the byte range to profile (the job starts threads before it has
// planned the parts, so they boot while it sniffs the file), profiles it and posts the mergeable
// state back; after the parts, it may be given columns to merge and finish. Errors cross as plain
// data (RepresentError fields would be lost by structured clone).
import { parentPort } from 'node:worker_threads';
import { RepresentError } from '../../shared/errors';
import { finishColumnsOfParts } from '../../shared/profile';
import { profilePart } from './profile-part';
import type { FinishTask, PartTask, WorkerMessage } from './messages';

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

// A thread may take several parts in turn (the rest of a slower thread's part, after its own), then
// a share of the finish; the job ends it when the pass is over.
parentPort?.on('message', (task: PartTask | FinishTask) => {
  if ('type' in task && task.type === 'finish') {
    try {
      post({ type: 'finished', columns: finishColumnsOfParts(task.names, task.indices, task.options, task.parts) });
    } catch (e) {
      post({ type: 'finish-error', error: serialise(e) });
    }
    return;
  }
  const part = task as PartTask;
  try {
    profilePart(part, post);
  } catch (e) {
    post({ type: 'error', partIndex: part.partIndex, error: serialise(e) });
  }
});

function serialise(e: unknown) {
  return e instanceof RepresentError
    ? e.toJSON()
    : // An unexpected failure: keep the message generic, it may carry data from a parser.
      new RepresentError('internal', `Profiling failed unexpectedly (${(e as Error)?.name ?? 'error'}).`).toJSON();
}
