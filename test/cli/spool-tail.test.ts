// The stream spool keeps exactly the last keepBytes, whatever the chunking, on at most two turns
// of disk, and leaves nothing behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spoolTail } from "../../src/cli/spool-tail.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-spool-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* chunked(data: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  for (let at = 0, i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length] as number;
    yield data.subarray(at, at + n);
    at += n;
  }
}

const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => 32 + ((i * 7) % 95)));

describe("spoolTail", () => {
  it.each([0, 1, 999, 1000, 1001, 2000, 2001, 5555])("keeps the last 1000 bytes of a %i-byte stream", async (total) => {
    const data = bytes(total);
    const spooled = await spoolTail(chunked(data, [1, 333, 1000, 4096, 7]), 1000, dir);
    try {
      const kept = Math.min(total, 1000);
      expect(spooled.size).toBe(kept);
      expect(spooled.droppedBytes).toBe(total - kept);
      expect(readFileSync(spooled.path).equals(data.subarray(total - kept))).toBe(true);
      expect(readdirSync(dirname(spooled.path)).length).toBeLessThanOrEqual(3); // two turns and the joined tail
    } finally {
      spooled.dispose();
    }
    expect(existsSync(dirname(spooled.path))).toBe(false);
  });

  it("takes strings too, and cleans up when the stream fails", async () => {
    const spooled = await spoolTail(["ab", "cd"], 3, dir);
    expect(readFileSync(spooled.path, "utf8")).toBe("bcd");
    spooled.dispose();
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.from("partial");
      throw new Error("stream broke");
    }
    await expect(spoolTail(broken(), 3, dir)).rejects.toThrow("stream broke");
    expect(readdirSync(dir)).toEqual([]);
  });
});
