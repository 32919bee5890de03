// Plays Electron's utility-process runtime inside a worker thread: defines `process.parentPort`
// the way Electron does (its 'message' events carry `{ data }`), then loads the host entry given
// as workerData, which must pick that port over the worker's own.
import { EventEmitter } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';

const events = new EventEmitter();
const post = parentPort.postMessage.bind(parentPort);
// Replies through the worker's own port would mean the entry ignored process.parentPort: fail loudly.
parentPort.postMessage = () => {
  throw new Error('the host entry replied through worker_threads.parentPort, not process.parentPort');
};
const utilityParentPort = {
  postMessage: (message) => post(message),
  on: (name, listener) => (events.on(name, listener), utilityParentPort),
  off: (name, listener) => (events.off(name, listener), utilityParentPort),
};
// Like Electron's, the port queues messages until the entry listens (it loads after the first arrives).
const queued = [];
parentPort.on('message', (data) => (events.listenerCount('message') > 0 ? events.emit('message', { data }) : queued.push(data)));
events.on('newListener', (name) => {
  if (name === 'message') queueMicrotask(() => queued.splice(0).forEach((data) => events.emit('message', { data })));
});
Object.defineProperty(process, 'parentPort', { value: utilityParentPort, enumerable: true, writable: false });
await import(workerData.entry);
