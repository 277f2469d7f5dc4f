// A log that arrives as a stream (`-` for standard input, a pipe, /dev/stdin, a FIFO) has no size
// and cannot be read at an offset, as classifying a file needs. It is copied to a temporary file,
// keeping only its last `keepBytes`: two files take turns, so the disk never holds much more than
// twice that, whatever the length of the stream.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SpooledTail {
  path: string;
  size: number;
  /** Bytes of the stream before the first byte of the file. */
  droppedBytes: number;
  dispose(): void;
}

function appendRange(out: number, from: string, start: number, end: number): void {
  const fd = openSync(from, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let pos = start; pos < end; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n <= 0) break;
      writeSync(out, buf, 0, n);
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

export async function spoolTail(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, keepBytes: number, dir = tmpdir()): Promise<SpooledTail> {
  const folder = mkdtempSync(join(dir, "sift-stream-"));
  const dispose = () => rmSync(folder, { recursive: true, force: true });
  try {
    const turns: [string, string] = [join(folder, "a"), join(folder, "b")];
    let turn: 0 | 1 = 0;
    let fd = openSync(turns[0], "w");
    let size = 0;
    let total = 0;
    try {
      for await (const piece of input) {
        const chunk = typeof piece === "string" ? Buffer.from(piece) : piece;
        for (let off = 0; off < chunk.length; ) {
          if (size === keepBytes) {
            closeSync(fd);
            turn = turn === 0 ? 1 : 0;
            fd = openSync(turns[turn], "w");
            size = 0;
          }
          const n = writeSync(fd, chunk, off, Math.min(chunk.length - off, keepBytes - size));
          off += n;
          size += n;
          total += n;
        }
      }
    } finally {
      closeSync(fd);
    }
    if (total <= keepBytes) return { path: turns[0], size: total, droppedBytes: 0, dispose };
    // The last keepBytes: the end of the file before, then the current one.
    const path = join(folder, "tail");
    const out = openSync(path, "w");
    try {
      appendRange(out, turns[turn === 0 ? 1 : 0], size, keepBytes);
      appendRange(out, turns[turn], 0, size);
    } finally {
      closeSync(out);
    }
    return { path, size: keepBytes, droppedBytes: total - keepBytes, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
