// Entry of the data host. In the app it runs as an Electron utility process (`process.parentPort`);
// in tests, and anywhere plain Node hosts it, as a worker thread (`worker_threads.parentPort`).
// Main's first message says where the store is and who may call (see api-host/protocol.ts).
import { parentPort } from 'node:worker_threads';
import { serveApiOnStart } from '../services/api-host/host';
import { utilityParentPort, utilityParentPortOf, workerParentPort, type PortLike } from '../services/api-host/port';

const utilityPort = utilityParentPortOf(process);
const port: PortLike | undefined = utilityPort ? utilityParentPort(utilityPort) : parentPort ? workerParentPort(parentPort) : undefined;

if (!port) {
  console.error('Represent data host: start me as an Electron utility process or a worker thread, not directly.');
  process.exitCode = 1;
} else {
  // A utility process lives until it exits; a worker thread ends with it (process.exit ends only the thread).
  serveApiOnStart(port, { onStopped: () => process.exit(0) });
}
