// go test, cargo test, cargo-nextest, ctest, GoogleTest, dotnet test and TAP producers.
import { re, SECTION_LINES, type Recogniser } from "./test-events.js";

/**
 * go test: `--- FAIL: TestX/sub (0.01s)` lines belong to the package of the next `FAIL\tpkg\t0.2s`
 * line (id `pkg.TestX/sub`); gotestsum's `=== FAIL: pkg TestX`; a `panic: test timed out` names
 * the tests still running under `running tests:`.
 */
export function goLines(): Recogniser {
  let pending: { name: string; index: number }[] = [];
  return {
    trigger: [
      String.raw`^\s*--- FAIL: \S+ \(`,
      String.raw`^FAIL\s+\S+\s+(?:\(cached\)\s+)?(?:\d+(?:\.\d+)?s|\[[a-z ]+\])\s*$`,
      String.raw`^ok\s+\S+\s+(?:\(cached\)|\d+(?:\.\d+)?s|\[no test files\])`,
      String.raw`^=== FAIL: \S+ \S+`,
      String.raw`^panic: test timed out after `,
    ].join("|"),
    line(index, text, scan) {
      let m = re(String.raw`^\s*--- FAIL: (\S+) \(`, "go.test").exec(text);
      if (m) {
        pending.push({ name: m[1] as string, index });
        return;
      }
      m = re(String.raw`^=== FAIL: (\S+) (\S+)`, "go.gotestsum").exec(text);
      if (m) return scan.emit(index, { runner: "go", id: `${m[1]}.${m[2]}`, outcome: "fail" });
      m = re(String.raw`^(FAIL|ok)\s+(\S+)`, "go.package").exec(text);
      if (m) {
        if (m[1] === "FAIL") for (const p of pending) scan.emit(p.index, { runner: "go", id: `${m[2]}.${p.name}`, outcome: "fail" });
        pending = [];
        return;
      }
      // panic: test timed out after 10m0s / running tests: / \tTestX (10m0s)
      const running = re(String.raw`^\s+(Test\S*|Example\S*|Fuzz\S*) \([\dhms.]+\)$`, "go.running");
      for (let i = index + 1; i < Math.min(scan.lines.length, index + 20); i++) {
        const r = running.exec(scan.lines[i] ?? "");
        if (r) pending.push({ name: r[1] as string, index: i });
        else if (i > index + 2) break;
      }
    },
    finish(scan) {
      for (const p of pending) scan.emit(p.index, { runner: "go", id: p.name, outcome: "fail" });
    },
  };
}

/** cargo test (libtest): `test a::b ... FAILED`. */
export function cargoLines(): Recogniser {
  return {
    trigger: String.raw`^test \S.* \.\.\. FAILED$`,
    line(index, text, scan) {
      const m = re(String.raw`^test (\S.*?) \.\.\. FAILED$`, "cargo.test").exec(text);
      if (m) scan.emit(index, { runner: "cargo", id: m[1] as string, outcome: "fail" });
    },
  };
}

/** cargo-nextest: `FAIL [ 0.01s] crate::bin a::b`, `TRY 1 FAIL …` / `TRY 2 PASS …` (retries), `FLAKY 2/3 …`. */
export function nextestLines(): Recogniser {
  const STATUS = String.raw`(FAIL|PASS|FLAKY|SIGSEGV|SIGABRT|SIGBUS|SIGKILL|SIGTERM|ABORT|TIMEOUT|LEAK|LEAK-FAIL)`;
  return {
    trigger: String.raw`^\s*(?:TRY \d+ )?${STATUS}(?: \d+/\d+)? \[ *[\d.]+s\] `,
    line(index, text, scan) {
      const m = re(String.raw`^\s*(TRY \d+ )?${STATUS}(?: \d+/\d+)? \[ *[\d.]+s\] (?:\( *\d+/\d+\) )?(\S+) (\S.*?)\s*$`, "nextest").exec(text);
      if (!m) return;
      const [, attempt, status] = m as unknown as [string, string | undefined, string];
      const id = `${m[3]} ${m[4]}`;
      if (status === "FLAKY") return scan.emit(index, { runner: "nextest", id, outcome: "flaky", how: "cargo-nextest retried it and it passed" });
      if (status === "PASS") return scan.emit(index, { runner: "nextest", id, outcome: "pass" });
      scan.emit(index, { runner: "nextest", id, outcome: attempt ? "rerun" : "fail" });
    },
  };
}

/** ctest: the `The following tests FAILED:` list (`  3 - name (Failed)`), else `Test #3: name ....***Failed`. */
export function ctestLines(): Recogniser {
  return {
    trigger: [String.raw`^The following tests FAILED:\s*$`, String.raw`^\s*\d+/\d+ Test +#\d+: \S+ \.*\s*\*\*\*`].join("|"),
    line(index, text, scan) {
      const progress = re(String.raw`^\s*\d+/\d+ Test +#\d+: (\S+) \.*\s*\*\*\*(?:Failed|Timeout|Exception|Not Run)`, "ctest.progress").exec(text);
      if (progress) return scan.emit(index, { runner: "ctest", id: progress[1] as string, outcome: "fail", fallback: true });
      const entry = re(String.raw`^\s*\d+ - (\S.*?) \(([^)]+)\)`, "ctest.entry");
      for (let i = index + 1; i < Math.min(scan.lines.length, index + 1 + SECTION_LINES); i++) {
        const m = entry.exec(scan.lines[i] ?? "");
        if (!m) break;
        if (m[2] === "Disabled" || m[2] === "Skipped") continue;
        scan.emit(i, { runner: "ctest", id: m[1] as string, outcome: "fail" });
      }
    },
  };
}

/** GoogleTest: `[  FAILED  ] Suite.Test (12 ms)`, `[  FAILED  ] Inst/Suite.Test/0, where GetParam() = 4`. */
export function gtestLines(): Recogniser {
  return {
    trigger: String.raw`^\[  FAILED  \] \S`,
    line(index, text, scan) {
      const m = re(String.raw`^\[  FAILED  \] ([^\s,]+)`, "gtest").exec(text);
      if (m && !re(String.raw`^\d+$`, "gtest.count").test(m[1] as string)) scan.emit(index, { runner: "gtest", id: m[1] as string, outcome: "fail" });
    },
  };
}

/** dotnet test: `  Failed Ns.Class.Method [12 ms]` (VSTest), `failed Ns.Class.Method (12ms)` (Microsoft.Testing.Platform). */
export function dotnetLines(): Recogniser {
  return {
    trigger: [String.raw`^\s*Failed \S.* \[[<\d][^\]]*\]\s*$`, String.raw`^\s*failed \S+ \([\d.]+m?s\)\s*$`].join("|"),
    line(index, text, scan) {
      const m = re(String.raw`^\s*(?:Failed (\S.*?) \[(?:< ?)?\d+(?:\.\d+)? ?(?:ms|s|m)\]|failed (\S+) \([\d.]+m?s\))\s*$`, "dotnet").exec(text);
      if (m) scan.emit(index, { runner: "dotnet", id: (m[1] ?? m[2]) as string, outcome: "fail" });
    },
  };
}

/** TAP (node:test, tape, prove, pytest-tap…): `not ok 12 - name`, except `# TODO` and `# SKIP`. */
export function tapLines(): Recogniser {
  return {
    trigger: String.raw`^\s*not ok \d+`,
    line(index, text, scan) {
      const m = re(String.raw`^\s*not ok \d+(?:\s+-)?\s*(.*?)\s*$`, "tap").exec(text);
      if (!m) return;
      const hash = (m[1] as string).search(/(?:^|\s)#\s*(?:todo|skip)/i);
      const name = (hash === -1 ? (m[1] as string) : (m[1] as string).slice(0, hash)).trim();
      if (hash !== -1 || name === "") return;
      scan.emit(index, { runner: "tap", id: name, outcome: "fail" });
    },
  };
}
