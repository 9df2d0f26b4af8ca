// Preloaded into every thread of the server's processes by `bench:ingest --cpu-prof DIR`
// (NODE_OPTIONS=--require …; Node 20 refuses --cpu-prof there): starts V8's sampling profiler in
// this thread and writes its profile to DIR once the benchmark drops DIR/stop, which it does
// when sending ends, so no thread has to exit normally for its profile to be written (worker
// threads are ended abruptly when their process exits). CommonJS, because --require loads it.
/* eslint-disable @typescript-eslint/no-require-imports -- preloaded with --require, so CommonJS */
const { existsSync, writeFileSync } = require("node:fs");
const { Session } = require("node:inspector");
const path = require("node:path");
const { isMainThread, threadId } = require("node:worker_threads");

const dir = process.env.SIGHTLINE_BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  let written = false;
  const writeIfAsked = () => {
    if (written || !existsSync(path.join(dir, "stop"))) return;
    written = true;
    clearInterval(timer);
    session.post("Profiler.stop", (error, result) => {
      if (error) return console.error(`[cpu-profile] ${error.message}`);
      writeFileSync(path.join(dir, `CPU.0.0.${process.pid}.${threadId}.0.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  const timer = setInterval(writeIfAsked, 500);
  timer.unref();
  // A piscina worker waits for its next task in Atomics.wait, where timers never run: it looks
  // before every wait instead (the benchmark sends one empty request after dropping DIR/stop).
  if (!isMainThread) {
    const wait = Atomics.wait;
    Atomics.wait = (...args) => {
      writeIfAsked();
      return wait(...args);
    };
  }
}
