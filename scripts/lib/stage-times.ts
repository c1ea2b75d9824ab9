/**
 * The data build's stages timed (GONGKAI_BUILD_TIMES=1): each stage's wall time and the process's
 * CPU time over it (every thread's, user + system), on stderr. Two cores busy show as CPU ≈ 2 × wall;
 * a stage whose CPU is close to its wall time ran on one core while the other waited.
 */
const on = process.env.GONGKAI_BUILD_TIMES === '1' || process.env.GONGKAI_BUILD_TIMES === '2';
let wall = performance.now();
let cpu = process.cpuUsage();

/** Ends the stage running since the last call (or since the module loaded), naming it. */
export function stageDone(name: string): void {
  if (!on) return;
  const now = performance.now();
  const used = process.cpuUsage(cpu);
  // The process's peak so far (every thread's): the stage that raises it is where memory goes.
  const peak = process.resourceUsage().maxRSS / 1024;
  console.error(`  stage ${name.padEnd(10)} ${((now - wall) / 1000).toFixed(1).padStart(6)} s wall ${((used.user + used.system) / 1e6).toFixed(1).padStart(6)} s CPU (${(used.system / 1e6).toFixed(1)} system), peak so far ${peak.toFixed(0)} MB`);
  wall = now;
  cpu = process.cpuUsage();
}

// GONGKAI_BUILD_TIMES=2: the main thread's memory every 2 s too (where a peak comes from).
if (process.env.GONGKAI_BUILD_TIMES === '2') {
  setInterval(() => {
    const m = process.memoryUsage();
    const mb = (n: number) => (n / 2 ** 20).toFixed(0);
    console.error(`  memory rss ${mb(m.rss)} MB, main heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}, external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)})`);
  }, 2000).unref();
}
