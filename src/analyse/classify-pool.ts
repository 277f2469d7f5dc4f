// Classifies job logs off the event loop: a bounded pool of worker threads, each job bounded in time.
// A job that overruns has its worker terminated (RE2 cannot be interrupted otherwise) and comes back
// as a failure with the reason, which the stage turns into a genuine verdict (fail closed).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CompiledPatternSet } from "../classify/index.js";
import { AnalysisStopped, type SourcedPattern, type StatisticReading } from "../model/index.js";
import { classifyLogBytes, statisticsOfLogBytes, type KeptVerdict, type LogBytesJob } from "./classify-log-bytes.js";

export interface ClassifyRequest {
  job: LogBytesJob;
  /** The pattern set as plain data; the worker compiles it once per hash. */
  hash: string;
  sourced: readonly SourcedPattern[];
}

/** A successful job's log: only its statistics are read (classify-log-bytes.ts statisticsOfLogBytes). */
export interface StatisticsRequest {
  statisticsOnly: true;
  job: StatisticsJob;
}

export type StatisticsJob = Pick<LogBytesJob, "bytes" | "apiSteps" | "truncatedHeadBytes" | "statistics">;

export type ClassifyReply = { ok: true; verdict: KeptVerdict } | { ok: false; reason: string };
export type StatisticsReply = { ok: true; statistics: StatisticReading[] } | { ok: false; reason: string };

export interface ClassifyPoolOptions {
  /** Worker threads at most (SIFT_CLASSIFY_THREADS). */
  threads?: number | undefined;
  /** Per job (SIFT_CLASSIFY_TIMEOUT_SECONDS). */
  timeoutSeconds?: number | undefined;
  /** The built worker entry; null: classify in this thread. Found next to this module by default. */
  workerFile?: URL | null;
}

export interface ClassifyPool {
  /** Undefined when no built worker exists: jobs are then classified in this thread, without a time bound. */
  readonly workerFile: URL | undefined;
  /** Rejects with AnalysisStopped once the pool is closed, also for a job its worker was judging. */
  classify(job: LogBytesJob, compiled: CompiledPatternSet): Promise<ClassifyReply>;
  /** Normalises a log and reads its statistics alone, in a worker thread like classify. */
  statistics(job: StatisticsJob): Promise<StatisticsReply>;
  /** Terminates the workers (idle ones never keep the process alive); on shutdown, after the analyses. */
  close(): Promise<void>;
}

export const DEFAULT_CLASSIFY_TIMEOUT_SECONDS = 120;

/** One core is left to the event loop; more than two threads only add memory (a 64 MiB log each). */
export function defaultClassifyThreads(cores = availableParallelism()): number {
  return Math.min(2, Math.max(1, cores - 1));
}

/**
 * The worker's built .js next to this module (production runs dist/); when this module runs as
 * TypeScript source (vitest), the built one under dist/ (`npm test` builds first); else none.
 */
export function findClassifyWorker(here = import.meta.url): URL | undefined {
  const candidates = [new URL("./classify-worker.js", here)];
  if (here.endsWith(".ts")) candidates.push(new URL("../../dist/src/analyse/classify-worker.js", here));
  return candidates.find((file) => existsSync(fileURLToPath(file)));
}

export function createClassifyPool(options: ClassifyPoolOptions = {}): ClassifyPool {
  const workerFile = options.workerFile === undefined ? findClassifyWorker() : (options.workerFile ?? undefined);
  const threads = Math.max(1, options.threads ?? defaultClassifyThreads());
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_CLASSIFY_TIMEOUT_SECONDS;
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  /** Jobs waiting for a worker; null when the pool closed meanwhile. */
  const waiting: ((worker: Worker | null) => void)[] = [];
  let closed = false;

  function spawn(file: URL): Worker {
    const worker = new Worker(file);
    all.add(worker);
    // A worker that dies while idle leaves the pool (a job's own listeners report one that dies working).
    worker.on("error", () => {}).once("exit", () => {
      all.delete(worker);
      const at = idle.indexOf(worker);
      if (at !== -1) idle.splice(at, 1);
    });
    return worker;
  }

  function take(file: URL): Promise<Worker | null> {
    const worker = idle.pop();
    if (worker) return Promise.resolve(worker);
    if (all.size < threads) return Promise.resolve(spawn(file));
    return new Promise((resolve) => waiting.push(resolve));
  }

  function giveBack(worker: Worker, broken: boolean, file: URL): void {
    if (broken) {
      all.delete(worker);
      void worker.terminate();
    }
    const next = waiting.shift();
    if (next) next(broken ? spawn(file) : worker);
    else if (!broken) {
      worker.unref();
      idle.push(worker);
    }
  }

  function runOn<R>(worker: Worker, request: ClassifyRequest | StatisticsRequest, file: URL): Promise<R | { ok: false; reason: string }> {
    return new Promise((resolve, reject) => {
      const finish = (reply: R | { ok: false; reason: string }, broken: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (closed) return reject(stopped());
        giveBack(worker, broken, file);
        resolve(reply);
      };
      const onMessage = (reply: R) => finish(reply, false);
      const onError = (error: Error) => finish({ ok: false, reason: `classification failed in its worker thread: ${error.message}` }, true);
      const onExit = (code: number) => finish({ ok: false, reason: `the classification worker thread exited with code ${code}` }, true);
      const timer = setTimeout(() => finish({ ok: false, reason: `classification took longer than ${timeoutSeconds} s` }, true), timeoutSeconds * 1000);
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.ref();
      // The log's bytes move to the worker (no copy); the request's other fields are small.
      worker.postMessage(request, [request.job.bytes.buffer as ArrayBuffer]);
    });
  }

  return {
    workerFile,
    async classify(job, compiled) {
      if (closed) throw stopped();
      if (!workerFile) return { ok: true, verdict: classifyLogBytes(job, compiled) };
      // Only a buffer the bytes fill alone is transferred; a view into a larger one is copied first.
      const whole = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength;
      const request: ClassifyRequest = { job: whole ? job : { ...job, bytes: job.bytes.slice() }, hash: compiled.hash, sourced: compiled.sourced };
      const worker = await take(workerFile);
      if (closed || !worker) throw stopped();
      const reply = await runOn<ClassifyReply>(worker, request, workerFile);
      // The worker's set was compiled without the config's problems: the report shows this thread's.
      return reply.ok ? { ok: true, verdict: { ...reply.verdict, problems: compiled.problems } } : reply;
    },
    async statistics(job) {
      if (closed) throw stopped();
      if (!workerFile) return { ok: true, statistics: statisticsOfLogBytes(job) };
      const whole = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength;
      const worker = await take(workerFile);
      if (closed || !worker) throw stopped();
      return runOn<StatisticsReply>(worker, { statisticsOnly: true, job: whole ? job : { ...job, bytes: job.bytes.slice() } }, workerFile);
    },
    async close() {
      closed = true;
      const workers = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(workers.map((w) => w.terminate()));
      // Jobs waiting for a worker end too (a closed pool spawns none).
      for (const next of waiting.splice(0)) next(null);
    },
  };
}

const stopped = () => new AnalysisStopped("Sift is stopping: the log's classification was interrupted");
