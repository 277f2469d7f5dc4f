// The scan's in-place clean-up may differ from cleanBytes only by extra lines: every line of the
// cleaned log must stand whole in what the probe set reads, or a probe would be missed. Without
// CRs the two must be equal byte for byte (the colour-code fast path is cleanBytes' CSI rule).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanForScan } from "../../src/cli/scan-clean.js";
import { cleanBytes } from "../../src/logs/clean-bytes.js";
import { corpusLogs } from "../helpers/corpus.js";

const CHUNK = 64 * 1024;

/** Chunks ending at line ends, as scanRange cuts them. */
function chunks(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let p = 0; p < buf.length; ) {
    let end = Math.min(buf.length, p + CHUNK);
    const nl = end < buf.length ? buf.lastIndexOf(10, end - 1) : -1;
    if (nl >= p) end = nl + 1; // else a line longer than a chunk: split it, as scanRange does
    out.push(buf.subarray(p, end));
    p = end;
  }
  return out;
}

function missingLines(chunk: Buffer): string[] {
  const scanned = new Set(cleanForScan(Buffer.from(chunk)).toString("latin1").split("\n"));
  return cleanBytes(chunk).toString("latin1").split("\n").filter((l) => !scanned.has(l));
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ["\x1b[", "\x1b[0m", "\x1b[?25l", "?", "~", "@", "\x7f", " /", "\x1b[31;1m", "\x1b]", "\x1b_bk;t=1\x07", "\x1b\\", "\x1b(B", "\x1b", "\r", "\r\n", "\n", "\0", "\x07", "[", ";", "1", "m", "K", " ", "error: ", "##[group]Run x", "é", "\\"];

function fuzz(seed: number, withCr: boolean): Buffer {
  const next = random(seed);
  const pieces = withCr ? PIECES : PIECES.filter((p) => !p.includes("\r"));
  let s = "";
  for (let i = 0; i < 400; i++) s += pieces[Math.floor(next() * pieces.length)];
  return Buffer.from(s, "utf8");
}

describe("cleanForScan", () => {
  it("keeps every cleaned line of every corpus log whole", () => {
    let bytes = 0;
    for (const folder of ["genuine", "infra", "flaky-test", "unknown"]) {
      for (const file of corpusLogs(folder)) {
        for (const chunk of chunks(readFileSync(file))) {
          expect(missingLines(chunk), file).toEqual([]);
          bytes += chunk.length;
        }
      }
    }
    expect(bytes).toBeGreaterThan(1_000_000);
  });

  it("keeps every cleaned line whole on random escapes, CRs, NULs and BELs", () => {
    for (let seed = 1; seed <= 2000; seed++) expect(missingLines(fuzz(seed, true)), `seed ${seed}`).toEqual([]);
  });

  it("equals cleanBytes byte for byte when there is no CR", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const input = fuzz(seed, false);
      expect(cleanForScan(Buffer.from(input)).equals(cleanBytes(input)), `seed ${seed}`).toBe(true);
    }
    const colours = Buffer.from("\x1b[36;1mRun tests\x1b[0m\nplain\n\x1b[31mFAIL\x1b[0m src/a.test.ts\x1b[", "utf8");
    expect(cleanForScan(Buffer.from(colours)).toString()).toBe("Run tests\nplain\nFAIL src/a.test.ts");
  });

  it("turns a redraw into lines, the last of which is the line cleanBytes keeps", () => {
    const input = Buffer.from("t 10%\rt 50%\r\x1b[Kt 100%\nnext\r\n", "utf8");
    expect(cleanBytes(input).toString()).toBe("t 100%\nnext\n");
    expect(cleanForScan(Buffer.from(input)).toString()).toBe("t 100%\nnext\n\n"); // the escape line is cleaned whole
    expect(cleanForScan(Buffer.from("a 1%\ra 2%\nb\n")).toString()).toBe("a 1%\na 2%\nb\n");
  });
});
