// The gate in front of Probot's webhook middleware (issue 11, defect 2): bodies over the limit are
// refused with 413 before they are read whole, unsigned or wrongly signed ones with 401, each in
// one bounded log line without the payload; good deliveries reach Probot unchanged.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Probot, createNodeMiddleware } from "probot";
import { createWebhookGate } from "../../src/web/webhook-gate.js";
import { testPrivateKey } from "../helpers/keys.js";
import { captureLogger, TEST_SECRET } from "../helpers/probot.js";
import { signBody } from "../helpers/webhooks.js";

const LIMIT = 64 * 1024;
const PATH = "/api/github/webhooks";

let server: Server;
let base: string;
let logs: ReturnType<typeof captureLogger>;
let received: string[];

beforeEach(async () => {
  logs = captureLogger("info");
  received = [];
  const probot = new Probot({ appId: 1, privateKey: testPrivateKey(), secret: TEST_SECRET, log: logs.log });
  const middleware = await createNodeMiddleware((app) => app.onAny((e) => void received.push(e.id)), { probot });
  const gate = createWebhookGate({ path: PATH, secret: TEST_SECRET, maxBytes: LIMIT, log: logs.log });
  server = createServer((req, res) => {
    void gate(req, res).then((refused) => refused || middleware(req, res, () => res.writeHead(404).end()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Sent {
  status: number;
  body: string;
  /** Body bytes the client managed to write before the answer came. */
  written: number;
}

/** POSTs `chunks` (one write each, awaiting drain), stopping as soon as an answer arrives. */
function post(chunks: Buffer[], headers: Record<string, string | number>): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(`${base}${PATH}`, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": "d-1", ...headers } }, (res) => {
      answered = true;
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, written }));
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    void (async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        written += chunk.length;
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
      }
      req.end();
    })();
  });
}

const ping = (extra = "") => Buffer.from(JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1, pad: extra }));
const refusals = () => logs.lines.filter((l) => /webhook refused/.test(l.msg));

describe("webhook gate", () => {
  it("passes a signed delivery under the limit to Probot", async () => {
    const body = ping();
    const res = await post([body], { "content-length": body.length, "x-hub-signature-256": signBody(TEST_SECRET, body.toString()) });
    expect(res.status).toBe(200);
    expect(received).toEqual(["d-1"]);
    expect(refusals()).toEqual([]);
  });

  it("answers 413 from Content-Length alone, before reading the body", async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const chunks = Array.from({ length: 4096 }, () => chunk); // 64 MiB announced and offered
    const res = await post(chunks, { "content-length": 4096 * chunk.length, "x-hub-signature-256": "sha256=00" });
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(8 * 1024 * 1024);
    expect(received).toEqual([]);
    expect(refusals()).toHaveLength(1);
    expect(refusals()[0]).toMatchObject({ level: 40, delivery: "d-1", event: "ping", bytes: 4096 * chunk.length });
  });

  it("answers 413 to a chunked body once it passes the limit, without reading the rest", async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const res = await post(Array.from({ length: 4096 }, () => chunk), { "transfer-encoding": "chunked", "x-hub-signature-256": "sha256=00" });
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(8 * 1024 * 1024);
    expect(received).toEqual([]);
    expect(refusals()).toHaveLength(1);
  });

  it("refuses a bad signature with 401 in one bounded line that holds no payload", async () => {
    const body = ping("PAYLOAD-MARKER".repeat(3000));
    const res = await post([body], { "content-length": body.length, "x-hub-signature-256": signBody("wrong", body.toString()), "x-github-delivery": "x".repeat(5000) });
    expect(res.status).toBe(401);
    expect(received).toEqual([]);
    const all = JSON.stringify(logs.lines);
    expect(all).not.toContain("PAYLOAD-MARKER");
    expect(refusals()).toHaveLength(1);
    expect(JSON.stringify(refusals()[0]).length).toBeLessThan(600);
    expect(logs.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("refuses a missing signature with 401", async () => {
    const body = ping();
    const res = await post([body], { "content-length": body.length });
    expect(res.status).toBe(401);
    expect(received).toEqual([]);
    expect(refusals()).toHaveLength(1);
  });

  it("refuses a signed body that is not UTF-8 with 400", async () => {
    const body = Buffer.concat([ping(), Buffer.from([0xff, 0xfe])]);
    const res = await post([body], { "content-length": body.length, "x-hub-signature-256": `sha256=${(await import("node:crypto")).createHmac("sha256", TEST_SECRET).update(body).digest("hex")}` });
    expect(res.status).toBe(400);
    expect(received).toEqual([]);
  });

  it("leaves other paths and methods alone", async () => {
    const res = await fetch(`${base}/elsewhere`, { method: "POST", body: "x".repeat(LIMIT * 2) });
    expect(res.status).toBe(404);
    expect(refusals()).toEqual([]);
  });
});
