// Headers for Sift's pages: nothing but the hashed inline stylesheet may load or run, the page
// cannot be framed, and links carrying a private page's token are not leaked through Referer.
import type { ServerResponse } from "node:http";

/** `forms: true` lets the page's own forms post back to Sift (the sign-out button), nowhere else. */
export function pageHeaders(cssHash: string, opts: { forms?: boolean } = {}): Record<string, string> {
  return {
    "content-security-policy": `default-src 'none'; style-src '${cssHash}'; img-src 'none'; base-uri 'none'; form-action ${opts.forms ? "'self'" : "'none'"}; frame-ancestors 'none'`,
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "x-robots-tag": "noindex",
  };
}

export function sendPage(res: ServerResponse, status: number, body: string, contentType: string, headers: Record<string, string>): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store", "x-content-type-options": "nosniff", vary: "Accept", ...headers });
  res.end(res.req?.method === "HEAD" ? undefined : body);
}
