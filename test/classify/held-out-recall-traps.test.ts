// Whole logs near the shapes the recall round added or widened, that must stay genuine: the job's own
// service timing out, a package that does not exist, a key that is not on the keyserver, a 4xx.
import { describe, expect, it } from "vitest";
import { verdictOf } from "./held-out-logs.js";
import { buildxEpilogue, wholeGha } from "./held-out-recall-logs.js";

const traps: { name: string; log: string }[] = [
  {
    name: "a test's request to the compose service 'api' times out",
    log: wholeGha("docker compose run --rm tests pytest -q", [
      "FAILED tests/test_orders.py::test_create_order - requests.exceptions.ReadTimeout: HTTPConnectionPool(host='api', port=8000): Read timed out. (read timeout=5)",
      "E   requests.exceptions.ReadTimeout: HTTPConnectionPool(host='api', port=8000): Read timed out. (read timeout=5)",
      "========================= 1 failed, 41 passed in 19.20s =========================",
    ]),
  },
  {
    name: "a cluster-internal service times out under an e2e run",
    log: wholeGha("python e2e/smoke.py", ["requests.exceptions.ConnectTimeout: HTTPConnectionPool(host='orders.staging.svc', port=80): Max retries exceeded with url: /health (Caused by ConnectTimeoutError(<urllib3.connection.HTTPConnection object at 0x7f>, 'Connection to orders.staging.svc timed out. (connect timeout=3)'))"]),
  },
  {
    name: "apk cannot find a misspelt package (the index was fetched fine)",
    log: wholeGha("docker build -t tools .", [
      "#5 [2/4] RUN apk add --no-cache git curll",
      "#5 0.412 fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz",
      "#5 0.981 ERROR: unable to select packages:",
      "#5 0.981   curll (no such package):",
      "#5 0.981     required by: world[curll]",
      ...buildxEpilogue("apk add --no-cache git curll"),
    ]),
  },
  {
    name: "the release key is not on the keyserver",
    log: wholeGha("./scripts/verify-release.sh", ["+ gpg --keyserver hkps://keys.openpgp.org --recv-keys 0123456789ABCDEF", "gpg: keyserver receive failed: No data"]),
  },
  {
    name: "setup-go cannot download a Go version that does not exist (403)",
    log: wholeGha("actions/setup-go@v5", ["Acquiring go1.99.0 from https://storage.googleapis.com/golang/go1.99.0.linux-amd64.tar.gz", "##[error]Failed to download version 1.99.0: Error: Unexpected HTTP response: 403"], { script: [], exitCode: null }),
  },
  {
    name: "Coursier is told the artifact's range is not satisfiable (416)",
    log: wholeGha("sbt -batch compile", ["[error]   download error: Caught java.io.IOException: Server returned HTTP response code: 416 for URL: https://repo1.maven.org/maven2/org/scala-lang/scalap/2.12.6/scalap-2.12.6.pom while downloading https://repo1.maven.org/maven2/org/scala-lang/scalap/2.12.6/scalap-2.12.6.pom", "[error] (update) sbt.librarymanagement.ResolveException: Error downloading org.scala-lang:scalap:2.12.6"]),
  },
  {
    name: "a private NuGet feed without a token (NU1301 and a 401)",
    log: wholeGha("dotnet restore", ["/src/Shop.csproj : error NU1301: Unable to load the service index for source https://nuget.pkg.github.com/acme/index.json.", "/src/Shop.csproj : error NU1301:   Response status code does not indicate success: 401 (Unauthorized)."]),
  },
];

describe("whole-log traps near the recall round's shapes", () => {
  it.each(traps.map((t) => [t.name, t] as const))("%s stays genuine", (_name, t) => {
    const v = verdictOf(t.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("genuine");
  });
});
