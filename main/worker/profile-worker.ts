// Worker-thread entry: waits for the byte range to profile (the job starts threads before it has
// planned the parts, so they boot while it sniffs the file), profiles it and posts the mergeable
// state back. Errors cross as plain data (RepresentError fields would be lost by structured clone).
import { parentPort } from 'node:worker_threads';
import { RepresentError } from '../../shared/errors';
import { profilePart } from './profile-part';
import type { PartTask, WorkerMessage } from './messages';

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

// A thread may take several parts in turn (the rest of a slower thread's part, after its own);
// the job ends it when the pass is over.
parentPort?.on('message', (task: PartTask) => {
  try {
    profilePart(task, post);
  } catch (e) {
    const error =
      e instanceof RepresentError
        ? e.toJSON()
        : // An unexpected failure: keep the message generic, it may carry data from a parser.
          new RepresentError('internal', `Profiling failed unexpectedly (${(e as Error)?.name ?? 'error'}).`).toJSON();
    post({ type: 'error', partIndex: task.partIndex, error });
  }
});
