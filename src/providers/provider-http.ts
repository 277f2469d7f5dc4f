// HTTP for provider APIs: credentials only ever go to the provider's own origin (a redirect elsewhere,
// such as presigned log storage, is followed bare), statuses map to fail-closed reasons, bodies stream.
import { fetchFailure, readLogText, type LogFetchResult } from "../logs/index.js";
import type { CiJob, ProviderCall } from "./ci-provider.js";

export interface ProviderRequest {
  fetch: typeof globalThis.fetch;
  /** Requests to URLs under this origin carry `headers`; others never do. */
  base: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** A call's requests, carrying the provider's credential headers. */
export function requestOf(call: ProviderCall, headers: Record<string, string>): ProviderRequest {
  return { fetch: call.fetch, base: call.base, headers, timeoutMs: call.timeoutMs };
}

export class ProviderHttpError extends Error {
  override name = "ProviderHttpError";
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

const MAX_REDIRECTS = 5;

export function sameOrigin(url: string, base: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(base);
    const prefix = b.pathname.replace(/\/+$/, "");
    return a.origin === b.origin && (prefix === "" || a.pathname === prefix || a.pathname.startsWith(`${prefix}/`));
  } catch {
    return false;
  }
}

/** One request, following redirects by hand so that credentials never leave the provider's origin. */
export async function providerFetch(req: ProviderRequest, url: string, init: RequestInit = {}): Promise<Response> {
  let target = url;
  for (let hop = 0; ; hop++) {
    const own = sameOrigin(target, req.base);
    const headers = { ...(own ? req.headers : {}), ...((init.headers as Record<string, string> | undefined) ?? {}) };
    const response = await req.fetch(target, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(req.timeoutMs) });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) throw new ProviderHttpError(response.status, `more than ${MAX_REDIRECTS} redirects`);
    target = new URL(location, target).toString();
    // A redirected POST becomes a GET (303, and 301/302 by browser convention): never replay a write.
    if (init.method && init.method !== "GET" && response.status !== 307 && response.status !== 308) init = { headers: init.headers };
  }
}

/** GET a JSON document; throws ProviderHttpError with the status on anything but 2xx. */
export async function getJson<T>(req: ProviderRequest, url: string): Promise<{ data: T; response: Response }> {
  const response = await providerFetch(req, url, { headers: { accept: "application/json" } });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ProviderHttpError(response.status, `${response.status} from ${pathOf(url)}`);
  }
  return { data: (await response.json()) as T, response };
}

/** A write (POST/PUT); throws ProviderHttpError with the status and the answer's message on failure. */
export async function send(req: ProviderRequest, method: string, url: string, body?: { json?: unknown; form?: URLSearchParams }, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body?.json !== undefined) {
    init.body = JSON.stringify(body.json);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  } else if (body?.form !== undefined) {
    init.body = body.form.toString();
    (init.headers as Record<string, string>)["content-type"] = "application/x-www-form-urlencoded";
  }
  const response = await providerFetch(req, url, init);
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).slice(0, 300);
    throw new ProviderHttpError(response.status, `${response.status} from ${method} ${pathOf(url)}${text ? `: ${text}` : ""}`);
  }
  return response;
}

/** Streams a text log, keeping the tail under maxBytes. */
export async function streamLog(req: ProviderRequest, url: string, maxBytes: number, what: string): Promise<LogFetchResult> {
  const response = await providerFetch(req, url, { headers: { accept: "text/plain" } });
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    return logFailure(new ProviderHttpError(response.status, `${response.status} from ${pathOf(url)}`), what);
  }
  return readLogText(response.body as AsyncIterable<Uint8Array>, maxBytes, { provider: "status", url: redact(url) });
}

/** A failed provider request as a fail-closed log result: expired logs are final, outages retry later. */
export function logFailure(error: unknown, what: string): LogFetchResult {
  const status = error instanceof ProviderHttpError ? error.status : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 404 || status === 410) return fetchFailure(`${what} not found (${status}): expired past the provider's retention, or deleted`, false);
  if (status === 401 || status === 403) return fetchFailure(`${what}: the provider refused Sift's credentials (${status})`, false);
  const transient = status === undefined || status >= 500 || status === 429;
  return fetchFailure(`${what} could not be read (${status ?? "network error"}): ${message}`, transient);
}

/** A URL for reports and logs: no query string (presigned URLs carry credentials there). */
export function redact(url: string): string {
  return url.replace(/[?#].*$/, "");
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** A status target URL, or null when it is not one (recognise() then says "not mine"). */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The job's target URL when its status context or the URL's host names the provider, else null. */
export function namedTargetUrl(job: CiJob, name: RegExp): URL | null {
  const url = parseUrl(job.url);
  return url && (name.test(job.context) || name.test(url.hostname)) ? url : null;
}

/** HTTP Basic credentials, as Jenkins and Buildbot take them. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}
