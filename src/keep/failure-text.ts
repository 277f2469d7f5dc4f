// What re-classification needs of a failed job once its log is gone: the failing step's normalised
// text (its tail, at most SIFT_KEEP_BYTES), where it sat in the log, and why it is that step.
// A log that fits in SIFT_KEEP_BYTES is kept whole: job-terminal signals (a timeout, a lost runner)
// often stand outside the failing step, and with the whole log a re-classification is exact.
// PURE: a NormalisedLog in, plain data out.
import type { NormalisedLog } from "../logs/types.js";
import type { FailureText } from "../model/index.js";

export type { FailureText };

export const DEFAULT_KEEP_BYTES = 256 * 1024;

/** The whole log when it fits in `maxBytes`; else the failing step, or its last `maxBytes` cut at a line start. */
export function failureTextOf(log: NormalisedLog, maxBytes: number = DEFAULT_KEEP_BYTES): FailureText {
  const step = log.failingStep;
  const from = step ? step.startLine : 1;
  const to = step ? step.endLine : log.lineCount;
  const whole = log.slice(from, to);
  const fullBytes = Buffer.byteLength(whole, "utf8");
  const all = log.slice(1, log.lineCount);
  const keepAll = Buffer.byteLength(all, "utf8") <= maxBytes;
  const { text, droppedLines } = keepAll ? { text: all, droppedLines: 0 } : fullBytes <= maxBytes ? { text: whole, droppedLines: 0 } : tailAtLine(whole, maxBytes);
  return {
    text,
    firstLine: keepAll ? 1 : from + droppedLines,
    stepStart: from,
    stepEnd: to,
    lineCount: log.lineCount,
    format: log.format,
    stepName: step?.name ?? null,
    stepReason: log.failingStepReason,
    fullBytes,
    truncatedHeadBytes: log.truncatedHeadBytes,
  };
}

/** The last at most `maxBytes` UTF-8 bytes of `text`, starting at a line start (a longer last line is cut). */
function tailAtLine(text: string, maxBytes: number): { text: string; droppedLines: number } {
  const bytes = Buffer.from(text, "utf8");
  let start = bytes.length - maxBytes;
  const nl = bytes.indexOf(0x0a, start - 1);
  if (nl !== -1 && nl < bytes.length - 1) start = nl + 1;
  else while (start < bytes.length && ((bytes[start] as number) & 0xc0) === 0x80) start++; // not inside a character
  let droppedLines = 0;
  for (let p = bytes.indexOf(0x0a); p !== -1 && p < start; p = bytes.indexOf(0x0a, p + 1)) droppedLines++;
  return { text: bytes.toString("utf8", start), droppedLines };
}
