// pytest and unittest. pytest ids are node ids (`tests/x.py::TestX::test_a[param]`, file = the part
// before the first `::`); unittest ids are dotted (`pkg.module.TestX.test_a`).
import { re, type Recogniser } from "./test-events.js";

const STATUS = String.raw`(PASSED|FAILED|ERROR|RERUN)`;

/**
 * pytest: the short summary (`FAILED id - msg`, also `FAILED [0.3s] id`), verbose lines
 * (`id PASSED [ 50%]`, xdist's `[gw0] [ 50%] FAILED id`), pytest-rerunfailures (`RERUN id`, verbose
 * `id RERUN`), PyTorch's `FAILED CONSISTENTLY: ‹id›`, and the `___ TestX.test_a ___` headers of the
 * FAILURES/ERRORS sections (used only when no node id names any failure).
 */
export function pytestLines(): Recogniser {
  let section: "failures" | "other" = "other";
  let finished = false;
  const reruns = new Map<string, number>();
  const failed = new Set<string>();
  const fileOf = (id: string) => id.slice(0, id.indexOf("::"));
  const outcome = (s: string) => (s === "PASSED" ? "pass" : s === "RERUN" ? "rerun" : "fail");
  return {
    trigger: [
      String.raw`^(?:FAILED|FAIL|ERROR|RERUN)(?: \[[\d.]+m?s\])? \S+::\S`,
      String.raw`^\S+::\S+(?: <- \S+)? (?:\(')?${STATUS}\b`,
      String.raw`^\[gw\d+\] \[ *\d+%\] ${STATUS} \S+::\S`,
      String.raw`^FAILED CONSISTENTLY: `,
      String.raw`^={3,} .+ ={3,}$`,
      String.raw`^_{3,} \S.* _{3,}$`,
    ].join("|"),
    line(index, text, scan) {
      const record = (id: string, status: string) => {
        const o = outcome(status);
        if (o === "rerun") reruns.set(id, index);
        else if (o === "fail") failed.add(id);
        scan.emit(index, { runner: "pytest", id, file: fileOf(id), outcome: o });
      };
      let m = re(String.raw`^(FAILED|FAIL|ERROR|RERUN)(?: \[[\d.]+m?s\])? (\S+::.+?)(?: - .*)?$`, "pytest.summary").exec(text);
      if (m) return record((m[2] as string).trim(), m[1] === "FAIL" ? "FAILED" : (m[1] as string));
      // `id RERUN`, and the tuple some pytest versions print for plugin outcomes: `id ('RERUN', {…})`.
      m = re(String.raw`^(\S+::\S+?)(?: <- \S+)? (?:\(')?${STATUS}\b`, "pytest.verbose").exec(text);
      if (m) return record(m[1] as string, m[2] as string);
      m = re(String.raw`^\[gw\d+\] \[ *\d+%\] ${STATUS} (\S+::\S+)`, "pytest.xdist").exec(text);
      if (m) return record(m[2] as string, m[1] as string);
      m = re(String.raw`^FAILED CONSISTENTLY: ‹?(\S+::[^›\s]+)›?`, "pytest.consistently").exec(text);
      if (m) return record(m[1] as string, "FAILED");
      m = re(String.raw`^={3,} (.+?) ={3,}$`, "pytest.section").exec(text);
      if (m) {
        const title = m[1] as string;
        section = title === "FAILURES" || title === "ERRORS" ? "failures" : "other";
        if (re(String.raw`^\d+ (?:passed|failed|errors?|skipped|rerun)\b.* in [\d.]+`, "pytest.final").test(title)) finished = true;
        return;
      }
      if (section !== "failures") return;
      m = re(String.raw`^_{3,} (?:ERROR at (?:setup|teardown) of )?(\S.*?) _{3,}$`, "pytest.header").exec(text);
      if (!m || text.includes(" ERROR collecting ")) return;
      scan.emit(index, { runner: "pytest", id: headerId(m[1] as string), outcome: "fail", fallback: true });
    },
    finish(scan) {
      // Re-run, never failed in the end, and the run got to its summary: the re-try passed.
      if (!finished) return;
      for (const [id, index] of reruns) {
        if (failed.has(id)) continue;
        scan.emit(index, { runner: "pytest", id, file: fileOf(id), outcome: "flaky", how: "pytest re-ran it (pytest-rerunfailures) and it passed" });
      }
    },
  };
}

/** `TestX.test_a[1.5]` → `TestX::test_a[1.5]` (dots outside the parameter brackets are scopes). */
function headerId(title: string): string {
  const bracket = title.indexOf("[");
  const name = bracket === -1 ? title : title.slice(0, bracket);
  return name.split(".").join("::") + (bracket === -1 ? "" : title.slice(bracket));
}

/** unittest / Django: `FAIL: test_a (pkg.TestX)`, `ERROR: test_a (pkg.TestX.test_a)` (3.11+), subtests. */
export function unittestLines(): Recogniser {
  return {
    trigger: String.raw`^(?:FAIL|ERROR): \S+ \(\S+\)`,
    line(index, text, scan) {
      const m = re(String.raw`^(?:FAIL|ERROR): (\S+) \(([^)\s]+)\)`, "unittest").exec(text);
      if (!m) return;
      const [, method, where] = m as unknown as [string, string, string];
      let id: string;
      if (where.endsWith(`.${method}`)) id = where;
      else if (where.startsWith("unittest.loader.")) id = method;
      else id = `${where}.${method}`;
      scan.emit(index, { runner: "unittest", id: id.replace(/^__main__\./, ""), outcome: "fail" });
    },
  };
}
