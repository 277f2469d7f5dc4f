// One log file → one verdict. Small logs are normalised whole (exact steps for every format);
// large ones are scanned in chunks on all cores and only the chunks that matter are re-read.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { classify, classifyLog, type CompiledPatternSet, type JobContext, type Verdict } from "../classify/index.js";
import { rawProbeSources } from "../classify/rawScan.js";
import { detectFormatOf, normaliseLog } from "../logs/normalise.js";
import { scanFile } from "./scanFile.js";
import { lineStartAtOrAfter } from "./scanRange.js";
import { streamTextSource } from "./streamSource.js";
import { tailSteps } from "./tailSteps.js";

/** Logs up to this size are normalised in memory. */
export const IN_MEMORY_BYTES = 16 << 20;

export interface ClassifyFileOptions {
  maxBytes: number;
  context?: JobContext;
  threads?: number;
}

async function streamed(fd: number, path: string, start: number, size: number, compiled: CompiledPatternSet, options: ClassifyFileOptions): Promise<Verdict> {
  let from = start;
  const head = Buffer.alloc(Math.min(16_384, size - start));
  readSync(fd, head, 0, head.length, start);
  if (start === 0 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) from = 3;
  const format = detectFormatOf(head);
  const records = await scanFile(fd, path, from, size, rawProbeSources(compiled, format), options.threads);
  const newlines = records.reduce((n, r) => n + r.lines, 0);
  const endsWithNewline = (() => {
    const b = Buffer.alloc(1);
    return size > 0 && readSync(fd, b, 0, 1, size - 1) === 1 && b[0] === 10;
  })();
  const lineCount = newlines + (endsWithNewline ? 0 : 1);
  const source = streamTextSource(fd, records, format, lineCount);
  const split = tailSteps(source, compiled, lineCount);
  return classifyLog({ lineCount, ...split, truncatedHeadBytes: start }, source, compiled, options.context);
}

/** Classifies the last `maxBytes` of the file at `path` (from a line start). Throws when unreadable. */
export async function classifyFile(path: string, compiled: CompiledPatternSet, options: ClassifyFileOptions): Promise<Verdict> {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const start = lineStartAtOrAfter(fd, size - options.maxBytes, size);
    if (size - start > IN_MEMORY_BYTES) return await streamed(fd, path, start, size, compiled, options);
    const buf = Buffer.allocUnsafe(size - start);
    readSync(fd, buf, 0, buf.length, start);
    return classify({ log: normaliseLog(buf, { truncatedHeadBytes: start }), compiled, ...(options.context ? { context: options.context } : {}) });
  } finally {
    closeSync(fd);
  }
}
