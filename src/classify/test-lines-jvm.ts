// JUnit through Maven surefire and Gradle. Maven ids are `Class.method` with the class as
// surefire prints it (fully qualified on its per-test lines, simple in its summary; the two are
// merged afterwards); Gradle ids are its own `Class > method()` path.
import { re, SECTION_LINES, type LineScan, type Recogniser } from "./test-events.js";

const LEVEL = String.raw`^(?:\[(?:ERROR|WARNING|INFO)\] ?)?`;
const SECTION = String.raw`(Failures|Errors|Flakes|Failed tests|Tests in error|Flaked tests): ?`;

/** `FooTest.testA:12->helper:30 msg`, `FooTest>Base.testA:12 » NPE`, `FooTest.testA(int)[1]` → `FooTest.testA`. */
function trimmedId(entry: string): string | undefined {
  const m = re(String.raw`^([A-Za-z_$][\w$.]*(?:>[\w$.]+)?(?:\([^)]*\))?(?:\[[^\]]*\])?)(?::\d+|\s|$)`, "maven.trimmed").exec(entry);
  if (!m) return undefined;
  const token = m[1] as string;
  const inherited = token.indexOf(">");
  if (inherited === -1) return token;
  const method = token.slice(token.lastIndexOf(".", token.search(/[([]|$/)) + 1);
  return `${token.slice(0, inherited)}.${method}`;
}

/**
 * Surefire: `Tests run: …, Failures: 1 … <<< FAILURE! - in org.x.FooTest` (the class), per-test
 * `[ERROR] org.x.FooTest.testA  Time elapsed: … <<< FAILURE!` (2.x: `testA(org.x.FooTest)`), and
 * the summary sections `Failures:` / `Errors:` / `Flakes:` (2.x: `Failed tests:`, `Tests in error:`,
 * `Flaked tests:`), where a re-run test is listed as its id with `Run 1: …` / `Run 2: PASS` lines.
 */
export function mavenLines(): Recogniser {
  let klass: string | undefined;
  /** Reads a summary section; `prefixed`: Maven 3 prints `[ERROR]` before each line (2.x did not). */
  const section = (index: number, kind: string, prefixed: boolean, scan: LineScan) => {
    const flakes = kind.startsWith("Fla");
    // A summary line names the frame where the test failed inside its class (`FooTest.setUp:77`), not
    // always the test: it counts only when no per-test line named the failure.
    const entry = (i: number, id: string, trimmed: boolean) =>
      scan.emit(
        i,
        flakes
          ? { runner: "maven", id, outcome: "flaky", how: "Maven surefire re-ran it (rerunFailingTestsCount) and it passed" }
          : { runner: "maven", id, outcome: "fail", ...(trimmed ? { fallback: true } : {}) },
      );
    for (let i = index + 1; i < Math.min(scan.lines.length, index + 1 + SECTION_LINES); i++) {
      const raw = scan.lines[i] ?? "";
      const level = re(String.raw`^\[(?:ERROR|WARNING|INFO)\] ?`, "maven.level").exec(raw);
      const rest = level ? raw.slice(level[0].length) : raw;
      if (prefixed && !level) return;
      if (rest.trim() === "") {
        if (!prefixed) return;
        continue;
      }
      if (re(`^${SECTION}$`, "maven.section").test(rest) || re(String.raw`^(?:Tests run:|BUILD |-{5,}|Failed to execute)`, "maven.end").test(rest)) return;
      if (re(String.raw`^\s+Run \d+: `, "maven.run").test(rest)) continue;
      const keyed = re(String.raw`^([\w$]+)\(([\w$.]+)\)$|^([\w$.]+\.[\w$]+(?:\([^)]*\))?(?:\[[^\]]*\])?)$`, "maven.key").exec(rest);
      if (keyed) {
        entry(i, keyed[3] ?? `${keyed[2]}.${keyed[1]}`, false);
        continue;
      }
      const trimmed = re(String.raw`^\s{2,}(\S.*)$`, "maven.entry").exec(rest);
      const id = trimmed ? trimmedId(trimmed[1] as string) : undefined;
      if (!id) return;
      entry(i, id, true);
    }
  };
  return {
    trigger: [String.raw`<<< (?:FAILURE|ERROR)!`, `${LEVEL}${SECTION}$`].join("|"),
    line(index, text, scan) {
      const level = re(String.raw`^\[(?:ERROR|WARNING|INFO)\] ?`, "maven.level").exec(text);
      const body = level ? text.slice(level[0].length) : text;
      let m = re(String.raw`^Tests run: .*<<< (?:FAILURE|ERROR)! -+ in (\S+)`, "maven.class").exec(body);
      if (m) {
        klass = m[1] as string;
        scan.emit(index, { runner: "maven", id: klass, outcome: "fail", fallback: true });
        return;
      }
      m = re(String.raw`^(\S+?)(?:\s+--)?\s+Time elapsed: .*<<< (?:FAILURE|ERROR)!`, "maven.test").exec(body);
      if (m) {
        const token = m[1] as string;
        const old = re(String.raw`^([\w$]+)\(([\w$.]+)\)$`, "maven.old").exec(token);
        const id = old ? `${old[2]}.${old[1]}` : token.includes(".") && !token.startsWith("[") ? token : klass ? `${klass}.${token}` : token;
        scan.emit(index, { runner: "maven", id, outcome: "fail" });
        return;
      }
      m = re(`${LEVEL}${SECTION}$`, "maven.header").exec(text);
      if (m) section(index, m[1] as string, text.startsWith("["), scan);
    },
  };
}

/** Gradle: `FooTest > testA() FAILED` / `PASSED`; the test-retry plugin re-runs a failed test in the same task. */
export function gradleLines(): Recogniser {
  let task = "";
  const failed = new Set<string>();
  return {
    trigger: [String.raw`^[^\s>].* > .+ (?:FAILED|PASSED)$`, String.raw`^> Task \S+`].join("|"),
    line(index, text, scan) {
      const t = re(String.raw`^> Task (\S+)`, "gradle.task").exec(text);
      if (t) {
        task = t[1] as string;
        return;
      }
      const m = re(String.raw`^([^\s>].*? > .+) (FAILED|PASSED)$`, "gradle.test").exec(text);
      if (!m) return;
      const id = m[1] as string;
      const key = `${task}\u0000${id}`;
      if (m[2] === "FAILED") {
        failed.add(key);
        scan.emit(index, { runner: "gradle", id, outcome: "fail" });
      } else if (failed.has(key)) {
        scan.emit(index, { runner: "gradle", id, outcome: "flaky", how: "Gradle re-ran it in the same task (test-retry) and it passed" });
      }
    },
  };
}
