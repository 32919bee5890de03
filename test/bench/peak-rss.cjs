// Preloaded (node --require) into a benchmarked child process: on exit, report the process's
// peak resident set size, worker threads included (getrusage RUSAGE_SELF), on file descriptor 3.
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');
// Worker threads inherit --require; only the main thread reports (its figure covers them all).
if (isMainThread) process.on('exit', () => {
  try {
    fs.writeSync(3, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
  } catch {
    // fd 3 absent: not run by the benchmark
  }
});
