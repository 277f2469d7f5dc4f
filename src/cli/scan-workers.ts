// Scan worker threads, started as early as the command line shows a large log: a thread and its
// modules take tens of milliseconds to start, which overlap the config load and set compilation
// instead of the scan. A warm worker waits for its job; one never used is ended on exit.
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ScanJob, UnitRecords } from "./scan-units.js";

/** Below this a worker's start-up costs more than it saves. */
const PARALLEL_MIN_BYTES = 32 << 20;

const warm: Worker[] = [];

/** How many workers a scan of `bytes` uses besides the main thread. */
export function scanWorkersFor(bytes: number, threads = availableParallelism()): number {
  return bytes < PARALLEL_MIN_BYTES ? 0 : Math.max(1, Math.min(threads, 8)) - 1;
}

function spawn(): Worker {
  return new Worker(new URL("./scan-worker.js", import.meta.url));
}

/** Starts `count` workers that wait for a job (idle ones do not keep the process alive). */
export function warmScanWorkers(count: number): void {
  for (let i = 0; i < count; i++) {
    const worker = spawn();
    worker.unref();
    worker.once("error", () => warm.splice(warm.indexOf(worker) >>> 0, 1));
    warm.push(worker);
  }
}

/** Warms the workers the largest regular file among `paths` would use (before the config is even read). */
export function warmScanWorkersFor(paths: readonly string[], threads?: number): void {
  let largest = 0;
  for (const path of paths) {
    try {
      const stat = statSync(path);
      if (stat.isFile()) largest = Math.max(largest, stat.size);
    } catch {
      // classify reports it
    }
  }
  warmScanWorkers(scanWorkersFor(largest, threads));
}

/** Runs `job` on a warm worker (or a new one): the units it took, in the order it took them. */
export function runScanWorker(job: ScanJob): Promise<UnitRecords[]> {
  const worker = warm.shift() ?? spawn();
  worker.ref();
  return new Promise((resolve, reject) => {
    worker.once("message", (done: UnitRecords[]) => {
      resolve(done);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
    });
    worker.postMessage(job);
  });
}
