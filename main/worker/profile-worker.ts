// Worker-thread entry: profiles the byte range it is given and posts the mergeable state back.
// Errors cross as plain data (RepresentError fields would be lost by structured clone).
import { parentPort, workerData } from 'node:worker_threads';
import { RepresentError } from '../../shared/errors';
import { profilePart } from './profile-part';
import type { PartTask, WorkerMessage } from './messages';

const task = workerData as PartTask;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);

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
