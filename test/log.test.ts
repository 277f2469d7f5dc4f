// Page tokens never reach the logs (issue 11, defect 4): Probot's own HTTP log line, through the
// logger Sift gives it, carries neither the token of the URL nor that of a page's referer.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Probot, Server } from "probot";
import { createLogger, redactPageTokens } from "../src/log.js";
import { testPrivateKey } from "./helpers/keys.js";
import { freePort } from "./helpers/spawn-sift.js";

const TOKEN = "v1.0123456789abcdef.SEKRET-PAGE-TOKEN";

describe("the logger", () => {
  it("cuts token= values out of text, leaving the other parameters", () => {
    expect(redactPageTokens(`GET /c/abc?format=json&token=${TOKEN}&x=1 200`)).toBe("GET /c/abc?format=json&token=[redacted]&x=1 200");
    expect(redactPageTokens("no token here")).toBe("no token here");
  });

  it("keeps page tokens out of Probot's HTTP log line: message, req.url and referer", async () => {
    let out = "";
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = await createLogger({ LOG_FORMAT: "json", LOG_LEVEL: "info" }, sink);
    const port = freePort();
    const server = new Server({ host: "127.0.0.1", port, log, Probot: Probot.defaults({ appId: 1, privateKey: testPrivateKey(), secret: "s", log }) });
    await server.load((_app, { addHandler }) => {
      addHandler(async (req, res) => {
        res.writeHead(200).end("ok");
        return true;
      });
    });
    await server.start();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/c/${"a".repeat(40)}?token=${encodeURIComponent(TOKEN)}`, { headers: { referer: `https://sift.example/r/o/r?token=${TOKEN}` } });
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await server.stop();
    }
    const line = out.split("\n").find((l) => l.includes("/c/aaaa"));
    expect(line).toBeDefined();
    expect(JSON.parse(line as string)).toMatchObject({ req: { url: expect.stringContaining("token=[redacted]") } });
    expect(out).not.toContain("SEKRET");
  });

  it("cuts page tokens from any field of any line, and the line stays JSON (Octokit's debug lines carry check-run bodies)", async () => {
    let out = "";
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = await createLogger({ LOG_FORMAT: "json", LOG_LEVEL: "debug" }, sink);
    const token = "pB32M7laron1fTz7Vy0YzeInMz5gt1V_7VGrI0D5LqM";
    const details = `https://sift.example/r/o/r/commit/${"a".repeat(40)}?token=${token}`;
    log.debug({ details_url: details, output: { summary: `**[Open the details page](${details})**: excerpts` }, nested: JSON.stringify({ details_url: details }) }, "POST /repos/o/r/check-runs");
    await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain("token=[redacted]");
    expect(out).not.toContain(token);
    expect(JSON.parse(out.trim())).toMatchObject({ output: { summary: expect.stringContaining("token=[redacted])**: excerpts") } });
  });
});
