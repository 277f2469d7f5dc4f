// Worker-thread entry of the classify pool: one job's log at a time. RE2 objects cannot cross
// threads, so the worker compiles each pattern set it is sent and keeps the last few by hash.
import { parentPort } from "node:worker_threads";
import { compilePatternSet, type CompiledPatternSet } from "../classify/index.js";
import { classifyLogBytes, statisticsOfLogBytes } from "./classify-log-bytes.js";
import type { ClassifyReply, ClassifyRequest, StatisticsReply, StatisticsRequest } from "./classify-pool.js";

const KEPT_SETS = 8;

function patternSets(): (request: ClassifyRequest) => CompiledPatternSet {
  const kept = new Map<string, CompiledPatternSet>();
  return ({ hash, sourced }) => {
    const set = kept.get(hash) ?? compilePatternSet(sourced);
    kept.delete(hash);
    kept.set(hash, set); // most recently used last
    if (kept.size > KEPT_SETS) kept.delete(kept.keys().next().value as string);
    return set;
  };
}

const port = parentPort;
if (port) {
  const setOf = patternSets();
  port.on("message", (request: ClassifyRequest | StatisticsRequest) => {
    let reply: ClassifyReply | StatisticsReply;
    try {
      if ("statisticsOnly" in request) reply = { ok: true, statistics: statisticsOfLogBytes(request.job) };
      else reply = { ok: true, verdict: classifyLogBytes(request.job, setOf(request)) };
    } catch (error) {
      reply = { ok: false, reason: `classification failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    port.postMessage(reply);
  });
}
