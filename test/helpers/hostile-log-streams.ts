// Hostile job logs generated as streams (never whole in memory, never stored in the repository), each
// ending with the same flaky failure so a test can tell whether the cause was still found.
import { Readable } from "node:stream";
import { mulberry32 } from "./seeded-random.js";

const MB = 1024 * 1024;
const stamp = "2026-11-23T10:00:00.1234567Z ";

/** The failing step every hostile log ends with, as GitHub prints it (the Run header group holds the
 * command, its output follows): DNS, a flaky network cause (git.unable-to-access). */
export const FLAKY_TAIL = [
  "##[group]Run git submodule update --init",
  "git submodule update --init",
  "shell: /usr/bin/bash -e {0}",
  "##[endgroup]",
  "fatal: unable to access 'https://github.com/octo-org/vendored.git/': Could not resolve host: github.com",
  "##[error]Process completed with exit code 1.",
].map((l) => `${stamp}${l}\n`).join("");


/** A stream of `bytes` bytes made of `chunk` repeated (the last one cut), then `tail`. */
function repeated(chunk: Buffer, bytes: number, tail = FLAKY_TAIL): Readable {
  return Readable.from(
    (function* () {
      const block = Buffer.concat(Array(Math.max(1, Math.floor(MB / chunk.length))).fill(chunk));
      let left = bytes;
      while (left > 0) {
        const piece = left >= block.length ? block : block.subarray(0, left);
        left -= piece.length;
        yield piece;
      }
      yield Buffer.from(`\n${tail}`);
    })(),
    { objectMode: false },
  );
}

export const hostileLogs = {
  /** Ordinary build output, `bytes` of it (a 2 GB log in the bench). */
  huge: (bytes: number) => repeated(Buffer.from(`${stamp}  compiling module src/feature/part.ts (123 ms)\n`), bytes),
  /** One line of `bytes` characters, no line break until the end. */
  oneLine: (bytes: number) => repeated(Buffer.from("x".repeat(4096)), bytes),
  /** Random bytes (a binary artifact printed to the log), seeded. */
  binary: (bytes: number, seed = 7) => {
    const random = mulberry32(seed);
    return repeated(Buffer.from(Array.from({ length: 64 * 1024 }, () => Math.floor(random() * 256))), bytes);
  },
  /** Lines with NUL bytes inside. */
  nulBytes: (bytes: number) => repeated(Buffer.from(`${stamp}value\0\0\0 of field\0 ok\n`), bytes),
  /** Lines with invalid UTF-8: a bad continuation, 0xFF/0xFE, a truncated sequence, an overlong slash. */
  invalidUtf8: (bytes: number) => repeated(Buffer.concat([Buffer.from(stamp), Buffer.from([0xc3, 0x28, 0x20, 0xff, 0xfe, 0x20, 0xe2, 0x82, 0x20, 0xc0, 0xaf]), Buffer.from(" output\n")]), bytes),
};

export type HostileLog = keyof typeof hostileLogs;
