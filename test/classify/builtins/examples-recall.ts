// Examples for the shapes whole-log recall (test/classify/held-out-recall.test.ts) added or widened.
import type { Examples } from "./examples-runner.js";

export const recallExamples: Record<string, Examples> = {
  "net.urllib3-timeout": {
    match: [
      "  HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)",
      "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.github.com', port=443): Max retries exceeded with url: /repos/acme/shop (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f>, 'Connection to api.github.com timed out. (connect timeout=10)'))",
      "HTTPConnectionPool(host='deb.debian.org', port=80): Max retries exceeded with url: /debian/ (Caused by ReadTimeoutError(\"HTTPConnectionPool(host='deb.debian.org', port=80): Read timed out. (read timeout=5)\"))",
    ],
    miss: [
      // a compose service, the job's own server, a cluster-internal name, a test asserting on the words, a refused connection
      "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='db', port=5432): Read timed out. (read timeout=5)",
      "HTTPConnectionPool(host='localhost', port=8000): Read timed out. (read timeout=3)",
      "HTTPConnectionPool(host='orders.default.svc', port=80): Read timed out. (read timeout=3)",
      "HTTPSConnectionPool(host='api.shop.internal', port=443): Read timed out. (read timeout=3)",
      "    assert \"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out.\" in str(err)",
      "HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /simple/x/ (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object>: Failed to establish a new connection: [Errno 111] Connection refused'))",
    ],
  },
  "apk.fetch": {
    match: [
      "ERROR: https://dl-cdn.alpinelinux.org/alpine/v3.15/main: temporary error (try again later)",
      "#5 5.418 ERROR: https://dl-cdn.alpinelinux.org/alpine/v3.20/community: DNS lookup error",
      "WARNING: updating and opening https://dl-cdn.alpinelinux.org/alpine/v3.21/community: temporary error (try again later)",
      "ERROR: curl-8.9.1-r2: operation timed out",
    ],
    miss: [
      "ERROR: unable to select packages:",
      "  curl (no such package):",
      "ERROR: https://dl-cdn.alpinelinux.org/alpine/v3.20/main: No such file or directory",
      "  it('reports ERROR: x: temporary error (try again later)', () => {",
    ],
  },
  "gha.http-5xx": {
    match: ["##[error]Failed to download version 1.22.4: Error: Unexpected HTTP response: 503"],
    miss: ["##[error]Failed to download version 1.25.5: Error: Unexpected HTTP response: 403", "Error: Failed to download version 1.22.4: Error: Unexpected HTTP response: 503 (in a test name)"],
  },
};
