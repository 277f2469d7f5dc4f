// `sift classify` on a log that is a stream (issue 11, defect 11): `-`, /dev/stdin from a pipe and
// a FIFO read the log to its end and give the verdict the same log gives as a file, cut at
// log.max_bytes the same way.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusLogs } from "../helpers/corpus.js";
import { jsonLines, runSift, SIFT } from "./run-sift.js";

const find = (folder: string, name: string) => corpusLogs(folder).find((f) => f.endsWith(name)) as string;
const withoutFile = ({ file: _file, ...v }: Record<string, unknown>) => v;

let dir: string;
let cacheDir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-stdin-"));
  cacheDir = join(dir, "cache");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sift = (args: string[], input?: Buffer) => runSift(["classify", "--json", ...args], { cacheDir, ...(input ? { input } : {}) });

describe("sift classify on a stream", () => {
  it("reads standard input for `-`, with the verdict of the same log as a file", async () => {
    const log = find("genuine", "gha-cidiff-gradle-junit-test-failure.raw.log");
    const r = await sift(["-", log], readFileSync(log));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [piped, file] = jsonLines(r.stdout);
    expect(piped).toMatchObject({ file: "-", class: "genuine" });
    expect(piped?.line).toEqual(expect.any(Number));
    expect(withoutFile(piped as Record<string, unknown>)).toEqual(withoutFile(file as Record<string, unknown>));
  });

  it("reads /dev/stdin when it is a shell pipe (it used to say no-log) or a socket", async () => {
    const log = find("infra", "jenkins-git-clone-http-503-spork.log");
    const shell = spawn("sh", ["-c", 'cat "$1" | "$2" "$3" classify --json /dev/stdin', "sh", log, process.execPath, SIFT], { env: { ...process.env, SIFT_CACHE_DIR: cacheDir } });
    let stdout = "";
    shell.stdout.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
    expect(await new Promise((done) => shell.on("close", done))).toBe(0);
    const socket = await sift(["/dev/stdin"], readFileSync(log)); // Node gives its children a socket, not a pipe
    expect(socket.code).toBe(0);
    for (const out of [stdout, socket.stdout]) expect(jsonLines(out)).toEqual([expect.objectContaining({ file: "/dev/stdin", class: "flaky", line: 21 })]);
  });

  it("reads a FIFO to its end", async () => {
    const log = find("infra", "jenkins-git-clone-http-503-spork.log");
    const fifo = join(dir, "log.fifo");
    const made = await new Promise((done) => spawn("mkfifo", [fifo]).on("close", done));
    expect(made).toBe(0);
    const writer = spawn("sh", ["-c", 'cat "$1" > "$2"', "sh", log, fifo]); // blocks until sift opens the FIFO
    const [r] = await Promise.all([sift([fifo]), new Promise((done) => writer.on("close", done))]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([expect.objectContaining({ class: "flaky", line: 21 })]);
  });

  it("keeps only the last log.max_bytes of a long stream, cut at a line start as for a file", async () => {
    const config = join(dir, "small.yml");
    writeFileSync(config, "log:\n  max_bytes: 65536\n");
    // Lines of 64 bytes: the cut falls right after a newline, so the first kept line is whole and counts.
    const line = (text: string) => `${text.padEnd(63, ".")}\n`;
    const lines = Array.from({ length: 5000 }, (_, i) => line(`building module ${i}`));
    lines[lines.length - 1] = line("AssertionError: expected 2 but was 3");
    const log = join(dir, "long.log");
    writeFileSync(log, lines.join(""));
    const corpusLog = find("genuine", "gha-victory-typescript-ts2307-annotations.raw.log"); // 360 KB: several turns of the spool
    for (const file of [log, corpusLog]) {
      const [piped, asFile] = await Promise.all([sift(["--config", config, "-"], readFileSync(file)), sift(["--config", config, file])]);
      expect(piped.stderr).toBe("");
      const [p] = jsonLines(piped.stdout);
      expect(withoutFile(p as Record<string, unknown>)).toEqual(withoutFile(jsonLines(asFile.stdout)[0] as Record<string, unknown>));
      if (file === log) expect(p).toMatchObject({ class: "genuine", line: 1024 }); // 65536 / 64 lines, numbered from the cut
    }
  });

  it("treats an empty stream as an empty log, like an empty file", async () => {
    const empty = join(dir, "empty.log");
    writeFileSync(empty, "");
    const r = await sift(["-", empty], Buffer.alloc(0));
    const [piped, file] = jsonLines(r.stdout);
    expect(piped).toMatchObject({ class: "genuine", category: "no-log" });
    expect(withoutFile(piped as Record<string, unknown>)).toEqual(withoutFile(file as Record<string, unknown>));
  });

  it("fails clearly on a directory", async () => {
    const r = await sift([dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`sift: cannot classify ${dir}: is a directory`);
  });
});
