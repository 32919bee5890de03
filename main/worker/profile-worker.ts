// Worker-thread entry: waits for the byte range to profile (the job starts threads before it has
// planned the parts, so they boot while it sniffs the file), profiles it and posts the mergeable
// state back. Errors cross as plain data (RepresentError fields would be lost by structured clone).
import { parentPort } from 'node:worker_threads';
import { RepresentError } from '../../shared/errors';
import { profilePart } from './profile-part';
import type { PartTask, WorkerMessage } from './messages';

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

// once: with no listener left, the thread ends when the part is done.
parentPort?.once('message', (task: PartTask) => {
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
