// Worker-thread entry: takes units of a file scan with its own RE2.Set (RE2 objects cannot cross threads).
import { closeSync, openSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { compileRegexSet } from "../classify/regex.js";
import { scanRange } from "./scan-range.js";
import { takeUnits, type ScanJob } from "./scan-units.js";

const job = workerData as ScanJob;
const set = compileRegexSet(job.sources);
const fd = openSync(job.file, "r");
try {
  parentPort?.postMessage(takeUnits(job, (from, to) => scanRange(fd, from, to, set)));
} finally {
  closeSync(fd);
}
