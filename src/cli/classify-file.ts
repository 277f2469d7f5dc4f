// One log file → one verdict. Small logs are normalised whole (exact steps for every format);
// large ones are scanned in chunks on all cores and only the chunks that matter are re-read.
// Streams (stdin, pipes) are spooled to a temporary file first, keeping only what is classified.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import type { CompiledPatternSet } from "../classify/compile.js";
import type { JobContext, Verdict } from "../classify/index.js";
import { rawProbeSources } from "../classify/raw-scan.js";
import { detectFormatOf, normaliseLog } from "../logs/normalise.js";
import { lineStartAtOrAfter } from "./scan-range.js";

/** Logs up to this size are normalised in memory. */
export const IN_MEMORY_BYTES = 16 << 20;

export interface ClassifyFileOptions {
  maxBytes: number;
  context?: JobContext;
  threads?: number;
}

/** Where the log in the file begins: the stream's bytes before the file, then `start` bytes of the file skipped. */
interface Cut {
  start: number;
  droppedBytes: number;
}

async function streamed(fd: number, path: string, cut: Cut, size: number, compiled: CompiledPatternSet, options: ClassifyFileOptions): Promise<Verdict> {
  // Loaded here: start-up is most of the time on a small log, which needs none of them. The engine
  // loads while the scan runs (this thread yields between its units), not before it starts.
  const engine = import("../classify/index.js");
  const [{ scanFile }, { streamTextSource }, { tailSteps }] = await Promise.all([import("./scan-file.js"), import("./stream-source.js"), import("./tail-steps.js")]);
  const { start } = cut;
  let from = start;
  const head = Buffer.alloc(Math.min(16_384, size - start));
  readSync(fd, head, 0, head.length, start);
  if (start + cut.droppedBytes === 0 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) from = 3;
  const format = detectFormatOf(head);
  const records = await scanFile(fd, path, from, size, rawProbeSources(compiled, format), options.threads);
  const newlines = records.reduce((n, r) => n + r.lines, 0);
  const endsWithNewline = (() => {
    const b = Buffer.alloc(1);
    return size > 0 && readSync(fd, b, 0, 1, size - 1) === 1 && b[0] === 10;
  })();
  const lineCount = newlines + (endsWithNewline ? 0 : 1);
  const source = streamTextSource(fd, records, format, lineCount, compiled);
  const split = tailSteps(source, compiled, lineCount);
  const { classifyLog } = await engine;
  return classifyLog({ lineCount, ...split, truncatedHeadBytes: start + cut.droppedBytes }, source, compiled, options.context);
}

/** The last `maxBytes` of an open regular file (from a line start); `droppedBytes` of the log came before the file. */
async function classifyOpen(fd: number, path: string, droppedBytes: number, compiled: CompiledPatternSet, options: ClassifyFileOptions): Promise<Verdict> {
  const size = fstatSync(fd).size;
  // A file that starts inside the log starts inside a line, unless the byte before (kept as its first byte) ends one.
  const start = lineStartAtOrAfter(fd, Math.max(size - options.maxBytes, droppedBytes > 0 ? 1 : 0), size);
  const cut = { start, droppedBytes };
  if (size - start > IN_MEMORY_BYTES) return streamed(fd, path, cut, size, compiled, options);
  const buf = Buffer.allocUnsafe(size - start);
  readSync(fd, buf, 0, buf.length, start);
  const { classify } = await import("../classify/index.js");
  return classify({ log: normaliseLog(buf, { truncatedHeadBytes: start + droppedBytes }), compiled, ...(options.context ? { context: options.context } : {}) });
}

async function classifyStream(input: AsyncIterable<Buffer | string>, compiled: CompiledPatternSet, options: ClassifyFileOptions): Promise<Verdict> {
  const { spoolTail } = await import("./spool-tail.js");
  // One byte more than the log keeps: it tells whether the kept part starts at a line start.
  const spooled = await spoolTail(input, options.maxBytes + 1);
  try {
    const fd = openSync(spooled.path, "r");
    try {
      return await classifyOpen(fd, spooled.path, spooled.droppedBytes, compiled, options);
    } finally {
      closeSync(fd);
    }
  } finally {
    spooled.dispose();
  }
}

/**
 * Classifies the last `maxBytes` of the log at `path` (from a line start). `-` is standard input;
 * a pipe, FIFO or device is read to its end first. Throws when unreadable.
 */
export async function classifyFile(path: string, compiled: CompiledPatternSet, options: ClassifyFileOptions): Promise<Verdict> {
  // /dev/stdin too: when standard input is a socket (as Node gives its children), it cannot be opened.
  if (path === "-" || path === "/dev/stdin") return classifyStream(process.stdin, compiled, options);
  const fd = openSync(path, "r");
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new Error("is a directory");
    if (!stat.isFile()) return await classifyStream(createReadStream("", { fd, autoClose: false }), compiled, options);
    return await classifyOpen(fd, path, 0, compiled, options);
  } finally {
    closeSync(fd);
  }
}
