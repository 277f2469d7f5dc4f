// RSpec, minitest and PHPUnit.
import { re, SECTION_LINES, type Recogniser } from "./test-events.js";

const relative = (path: string) => (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) ? undefined : path.replace(/^\.\//, ""));

/** RSpec's rerun list: `rspec ./spec/x_spec.rb:12 # Foo does x` → id "Foo does x", file spec/x_spec.rb. */
export function rspecLines(): Recogniser {
  return {
    trigger: String.raw`^rspec \S+ # \S`,
    line(index, text, scan) {
      const m = re(String.raw`^rspec ['"]?([^\s'"]+?)(?::\d+|\[[\d:,]+\])?['"]? # (\S.*?)\s*$`, "rspec").exec(text);
      if (!m) return;
      const file = relative(m[1] as string);
      scan.emit(index, { runner: "rspec", id: m[2] as string, ...(file ? { file } : {}), outcome: "fail" });
    },
  };
}

/** minitest: `  1) Failure:` / `Error:` then `FooTest#test_a [test/foo_test.rb:12]:` (old: `test_a(FooTest)`). */
export function minitestLines(): Recogniser {
  return {
    trigger: String.raw`^\s*(?:\d+\) )?(?:Failure|Error):\s*$`,
    line(index, _text, scan) {
      const next = scan.lines[index + 1] ?? "";
      const m = re(String.raw`^\s*(?:([\w:]+#\S+?)|(\w+)\(([\w:]+)\))(?: \[(.+?):\d+\])?:?\s*$`, "minitest").exec(next);
      if (!m) return;
      const id = m[1] ?? `${m[3]}#${m[2]}`;
      const file = m[4] ? relative(m[4]) : undefined;
      scan.emit(index + 1, { runner: "minitest", id, ...(file ? { file } : {}), outcome: "fail" });
    },
  };
}

/** PHPUnit: `There were 2 failures:` / `There was 1 error:` then `1) Ns\FooTest::testA with data set #0 (…)`. */
export function phpunitLines(): Recogniser {
  return {
    trigger: String.raw`^There (?:was|were) \d+ (?:failures?|errors?):\s*$`,
    line(index, _text, scan) {
      const entry = re(String.raw`^\d+\) ([\w\\]+::\w+)(?: with data set (#\d+|"[^"]*"))?`, "phpunit.entry");
      const end = re(String.raw`^(?:There (?:was|were) \d+ |FAILURES!|ERRORS!|OK \(|Tests: \d)`, "phpunit.end");
      for (let i = index + 1; i < Math.min(scan.lines.length, index + 1 + SECTION_LINES); i++) {
        const line = scan.lines[i] ?? "";
        if (end.test(line)) return;
        const m = entry.exec(line);
        if (m) scan.emit(i, { runner: "phpunit", id: m[2] ? `${m[1]} with data set ${m[2]}` : (m[1] as string), outcome: "fail" });
      }
    },
  };
}
