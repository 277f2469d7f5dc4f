// The one way a provider turns log bytes into a LogFetchResult: keep the tail under the cap, start it
// on a whole line, decode leniently, and say how much of the head (bytes and lines) was skipped.
import { decodeLog } from "./decode.js";
import type { LogFetchResult, LogSource } from "./fetch-result.js";
import { readTail } from "./tail.js";

export async function readLogText(
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
  source: Omit<LogSource, "totalBytes">,
): Promise<Extract<LogFetchResult, { ok: true }>> {
  const tail = await readTail(body, maxBytes);
  const decoded = decodeLog(tail.bytes, tail.skippedBytes > 0);
  return {
    ok: true,
    text: decoded.text,
    truncatedHeadBytes: tail.skippedBytes + decoded.droppedBytes,
    truncatedHeadLines: tail.skippedLines + decoded.droppedLines,
    source: { ...source, totalBytes: tail.totalBytes },
  };
}
