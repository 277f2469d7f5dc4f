// Keeps only the last `maxBytes` of a byte stream, so a multi-gigabyte log never sits in memory:
// at most maxBytes plus one chunk is held at any time. Failures are at the end of a log.

export interface Tail {
  bytes: Buffer;
  /** Bytes dropped from the head. */
  skippedBytes: number;
  /** Line breaks in the dropped head: line N of the tail is line N + skippedLines of the log. */
  skippedLines: number;
  totalBytes: number;
}

export async function readTail(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<Tail> {
  const chunks: Buffer[] = [];
  let held = 0;
  let total = 0;
  let skippedLines = 0;
  for await (const chunk of body) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buf.length;
    chunks.push(buf);
    held += buf.length;
    while (chunks.length > 1 && held - (chunks[0] as Buffer).length >= maxBytes) {
      const dropped = chunks.shift() as Buffer;
      held -= dropped.length;
      skippedLines += countLineBreaks(dropped);
    }
  }
  const all = Buffer.concat(chunks, held);
  const cut = Math.max(0, all.length - maxBytes);
  skippedLines += countLineBreaks(all.subarray(0, cut));
  return { bytes: all.subarray(cut), skippedBytes: total - (all.length - cut), skippedLines, totalBytes: total };
}

function countLineBreaks(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}
