import { describe, expect, it } from "vitest";
import { decodeLog } from "../../src/logs/decode.js";
import { readTail } from "../../src/logs/tail.js";

async function* chunks(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p);
}

describe("readTail", () => {
  it("keeps everything under the cap", async () => {
    expect(await readTail(chunks("ab", "cd"), 10)).toEqual({ bytes: Buffer.from("abcd"), skippedBytes: 0, skippedLines: 0, totalBytes: 4 });
  });
  it("keeps exactly the last maxBytes across chunk boundaries", async () => {
    const tail = await readTail(chunks("0123", "4567", "89"), 5);
    expect(tail.bytes.toString()).toBe("56789");
    expect(tail).toMatchObject({ skippedBytes: 5, totalBytes: 10 });
  });
  it("counts the line breaks it dropped, across dropped chunks and the cut chunk", async () => {
    const tail = await readTail(chunks("a\nb\n", "c\nd", "\ne\nf\n"), 4);
    expect(tail.bytes.toString()).toBe("e\nf\n");
    expect(tail).toMatchObject({ skippedBytes: 8, skippedLines: 4 });
  });
  it("handles one chunk larger than the cap", async () => {
    expect((await readTail(chunks("abcdefghij"), 3)).bytes.toString()).toBe("hij");
  });
});

describe("decodeLog", () => {
  it("starts a truncated tail at the next whole line", () => {
    expect(decodeLog(Buffer.from("ial line\nwhole\n"), true)).toEqual({ text: "whole\n", droppedBytes: 9, droppedLines: 1 });
  });
  it("keeps an untruncated log whole, without its BOM", () => {
    expect(decodeLog(Buffer.from("\ufeffa\nb"), false)).toEqual({ text: "a\nb", droppedBytes: 0, droppedLines: 0 });
  });
  it("drops a split multi-byte character when a single line was cut", () => {
    const bytes = Buffer.from("é-é").subarray(1); // starts with a continuation byte
    expect(decodeLog(bytes, true)).toEqual({ text: "-é", droppedBytes: 1, droppedLines: 0 });
  });
  it("never throws on invalid UTF-8 and removes NUL", () => {
    expect(decodeLog(Buffer.from([0x61, 0x00, 0xff, 0x62, 0xc3]), false).text).toBe("a\ufffdb\ufffd");
  });
});
