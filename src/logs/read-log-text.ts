// The one way a provider turns log bytes into a LogFetchResult: keep the tail under the cap, start it
// on a whole line, and say how much of the head (bytes and lines) was skipped. The bytes go to the
// classify worker as they are (it cleans and decodes them off the event loop); `text`, decoded
// leniently, is only made when something asks for it.
import { decodeLog, wholeLines } from "./decode.js";
import type { LogFetchResult, LogSource } from "./fetch-result.js";
import { readTail } from "./tail.js";

type LogText = Extract<LogFetchResult, { ok: true }>;

export async function readLogText(
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
  source: Omit<LogSource, "totalBytes">,
): Promise<LogText> {
  const tail = await readTail(body, maxBytes);
  const { kept, droppedBytes, droppedLines } = wholeLines(tail.bytes, tail.skippedBytes > 0);
  return logText(kept, {
    truncatedHeadBytes: tail.skippedBytes + droppedBytes,
    truncatedHeadLines: tail.skippedLines + droppedLines,
    source: { ...source, totalBytes: tail.totalBytes },
  });
}

/** The same log with some fields changed; its text stays made on demand (a spread would decode it). */
export function withLogFields(result: LogText, fields: Partial<Omit<LogText, "ok" | "bytes" | "text">>): LogText {
  const { truncatedHeadBytes, truncatedHeadLines, source } = result;
  return logText(result.bytes, { truncatedHeadBytes, truncatedHeadLines, source, ...fields });
}

function logText(bytes: Uint8Array, fields: Omit<LogText, "ok" | "bytes" | "text">): LogText {
  return {
    ok: true,
    bytes,
    get text() {
      return decodeLog(bytes, false).text;
    },
    ...fields,
  };
}
