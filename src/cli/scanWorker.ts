// Worker-thread entry: scans its share of a file with its own RE2.Set (RE2 objects cannot cross threads).
import { closeSync, openSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { compileRegexSet } from "../classify/regex.js";
import { scanRange } from "./scanRange.js";

interface Job {
  file: string;
  start: number;
  end: number;
  sources: string[];
}

const job = workerData as Job;
const fd = openSync(job.file, "r");
try {
  parentPort?.postMessage(scanRange(fd, job.start, job.end, compileRegexSet(job.sources)));
} finally {
  closeSync(fd);
}
