/**
 * The data build's stages timed (GONGKAI_BUILD_TIMES=1): each stage's wall time and the process's
 * CPU time over it (every thread's, user + system), on stderr. Two cores busy show as CPU ≈ 2 × wall;
 * a stage whose CPU is close to its wall time ran on one core while the other waited.
 */
const on = process.env.GONGKAI_BUILD_TIMES === '1';
let wall = performance.now();
let cpu = process.cpuUsage();

/** Ends the stage running since the last call (or since the module loaded), naming it. */
export function stageDone(name: string): void {
  if (!on) return;
  const now = performance.now();
  const used = process.cpuUsage(cpu);
  console.error(`  stage ${name.padEnd(10)} ${((now - wall) / 1000).toFixed(1).padStart(6)} s wall ${((used.user + used.system) / 1e6).toFixed(1).padStart(6)} s CPU (${(used.system / 1e6).toFixed(1)} system)`);
  wall = now;
  cpu = process.cpuUsage();
}
