// Preloaded into the server processes the bench starts (NODE_OPTIONS=--import); never in production.
// - SIGUSR2 runs a full garbage collection, so memory per socket is read after a GC settle
//   (and, with BENCH_HEAP_DIR set, writes a heap snapshot there).
// - BENCH_CPU_PROF_DIR: profiles the whole process with the inspector (Node refuses --cpu-prof in
//   NODE_OPTIONS) and writes <dir>/<role>-<pid>.cpuprofile when it exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
let heapSnapshots = 0;
process.on('SIGUSR2', () => {
  gc();
  // BENCH_HEAP_DIR: also write a heap snapshot after the GC (for finding what each socket holds).
  if (process.env.BENCH_HEAP_DIR)
    writeHeapSnapshot(path.join(process.env.BENCH_HEAP_DIR, `${process.pid}-${++heapSnapshots}.heapsnapshot`));
});

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  const role = process.argv[process.argv.indexOf('--role') + 1] ?? 'node';
  process.once('exit', () => {
    // Same-thread inspector sessions answer synchronously, so this completes inside 'exit'.
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(path.join(dir, `${role}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
