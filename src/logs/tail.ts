// Keeps only the last `maxBytes` of a byte stream, so a multi-gigabyte log never sits in memory:
// at most maxBytes plus one chunk is held at any time. Failures are at the end of a log.

export interface Tail {
  bytes: Buffer;
  /** Bytes dropped from the head. */
  skippedBytes: number;
  totalBytes: number;
}

export async function readTail(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Tail> {
  const chunks: Buffer[] = [];
  let held = 0;
  let total = 0;
  for await (const chunk of body) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buf.length;
    chunks.push(buf);
    held += buf.length;
    while (chunks.length > 1 && held - (chunks[0] as Buffer).length >= maxBytes) held -= (chunks.shift() as Buffer).length;
  }
  const all = Buffer.concat(chunks, held);
  const bytes = all.length > maxBytes ? all.subarray(all.length - maxBytes) : all;
  return { bytes, skippedBytes: total - bytes.length, totalBytes: total };
}
