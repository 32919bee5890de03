// Preloaded (node --require) into a benchmarked child process: on exit, report the process's
// peak resident set size and CPU time, worker threads included (getrusage RUSAGE_SELF), on file
// descriptor 3.
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');
// Worker threads inherit --require; only the main thread reports (its figure covers them all).
if (isMainThread) process.on('exit', () => {
  try {
    const usage = process.resourceUsage();
    fs.writeSync(3, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }) + '\n');
  } catch {
    // fd 3 absent: not run by the benchmark
  }
});
