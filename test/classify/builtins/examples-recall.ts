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
      "ERROR: curl-8.9.1-r2: operation timed out",
    ],
    miss: [
      "#5 0.9 WARNING: updating and opening https://dl-cdn.alpinelinux.org/alpine/v3.21/community: temporary error (try again later)",
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
  "gradle.repo-http": {
    match: ["         > Connection reset", "            > Remote host terminated the handshake"],
    miss: ["> Connection reset", "    java.net.SocketException: Connection reset"],
  },
  "nuget.service-index": {
    match: [
      "/usr/share/dotnet/sdk/8.0.410/NuGet.targets(175,5): error : Unable to load the service index for source https://api.nuget.org/v3/index.json. [/src/Shop.sln]",
      "/src/Shop.Api.csproj : error NU1301: Failed to retrieve information about 'Serilog' from remote source 'https://api.nuget.org/v3-flatcontainer/serilog/index.json'.",
    ],
    miss: ["error : Unable to load the service index for source https://nuget.pkg.github.com/acme/index.json.", "error NU1101: Unable to find package Serilogg. No packages exist with this id in source(s): nuget.org"],
  },
  "coursier.download": {
    match: ["[error]   download error: Caught java.io.IOException: Server returned HTTP response code: 503 for URL: https://repo1.maven.org/maven2/org/typelevel/cats-core_2.13/2.10.0/cats-core_2.13-2.10.0.pom (Server returned HTTP response code: 503 for URL: https://repo1.maven.org/maven2/org/typelevel/cats-core_2.13/2.10.0/cats-core_2.13-2.10.0.pom) while downloading https://repo1.maven.org/maven2/org/typelevel/cats-core_2.13/2.10.0/cats-core_2.13-2.10.0.pom"],
    miss: ["download error: Caught java.io.IOException: Server returned HTTP response code: 416 for URL: https://repo1.maven.org/maven2/org/scala-lang/scalap/2.12.6/scalap-2.12.6.pom", "[error]   not found: https://repo1.maven.org/maven2/com/acme/util/1.0/util-1.0.pom"],
  },
  "gpg.keyserver": {
    match: ["gpg: keyserver receive failed: Server indicated a failure", "#6 2.113 gpg: keyserver receive failed: Connection timed out", "gpg: failed to receive from keyserver: Server indicated a failure"],
    miss: ["gpg: keyserver receive failed: No data", "gpg: Can't check signature: No public key"],
  },
};
