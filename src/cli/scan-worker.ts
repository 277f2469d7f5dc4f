// Worker-thread entry: waits for a job, then takes units of a file scan with its own RE2.Set (RE2
// objects cannot cross threads). Its modules load while the main thread is still getting ready.
import { closeSync, openSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { compileRegexSet } from "../classify/regex.js";
import { scanRange } from "./scan-range.js";
import { takeUnits, type ScanJob } from "./scan-units.js";

parentPort?.once("message", (job: ScanJob) => {
  const set = compileRegexSet(job.sources);
  const fd = openSync(job.file, "r");
  try {
    parentPort?.postMessage(takeUnits(fd, job, (from, to) => scanRange(fd, from, to, set)));
  } finally {
    closeSync(fd);
  }
});
