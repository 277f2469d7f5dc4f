// jest, vitest, mocha and Playwright. jest ids are "Suite › name" with the file from the
// `FAIL path` header above them; vitest ids are "suite > name"; mocha ids are the full title
// (suites and test joined by spaces); Playwright ids are "[project] suite › name".
import { re, SECTION_LINES, type LineScan, type Recogniser } from "./test-events.js";

const JS_FILE = String.raw`\S+\.(?:[cm]?[jt]sx?|vue|svelte)`;

/** jest: `FAIL file` / `PASS file` headers, `● Suite › name` titles, `LOGGING RETRY ERRORS name` (retryTimes). */
export function jestLines(): Recogniser {
  let file: string | undefined;
  let failing = false;
  /** Tests jest retried, waiting for their file's result: flaky unless a ● title says they failed. */
  let retried: { name: string; index: number; file?: string }[] = [];
  /** Emits the retried tests whose file result is known (all of them at a PASS header or the end). */
  const settle = (scan: LineScan, all: boolean) => {
    for (const r of retried) {
      if (!all && r.file === undefined) continue;
      scan.emit(r.index, { runner: "jest", id: r.name, ...(r.file ? { file: r.file } : {}), outcome: "flaky", how: "jest retried it (retryTimes) and it passed" });
    }
    retried = all ? [] : retried.filter((r) => r.file === undefined);
  };
  return {
    trigger: [String.raw`^\s*(?:FAIL|PASS)\s+\S`, String.raw`^\s*● \S`, String.raw`LOGGING RETRY ERRORS\s+\S`].join("|"),
    line(index, text, scan) {
      let m = re(String.raw`LOGGING RETRY ERRORS\s+(\S.*?)\s*$`, "jest.retry").exec(text);
      if (m) {
        retried.push({ name: m[1] as string, index });
        scan.emit(index, { runner: "jest", id: m[1] as string, outcome: "rerun" });
        return;
      }
      m = re(String.raw`^\s*(FAIL|PASS)\s+(.*)$`, "jest.header").exec(text);
      if (m) {
        const path = re(`(?:^|\\s)(${JS_FILE})(?:\\s|$)`, "jest.file").exec(m[2] as string);
        const isJest = path && !(m[2] as string).includes(" > ");
        settle(scan, false);
        file = isJest ? (path[1] as string) : undefined;
        failing = Boolean(isJest) && m[1] === "FAIL";
        if (file) for (const r of retried) r.file = file;
        if (m[1] === "PASS") settle(scan, true);
        return;
      }
      m = re(String.raw`^\s*● (\S.*?)\s*$`, "jest.title").exec(text);
      if (!m) return;
      const title = m[1] as string;
      if (title === "Console" || title.endsWith(":") || title.startsWith("Test suite failed to run")) return;
      if (!failing && !title.includes(" › ")) return;
      const flat = title.split(" › ").join(" ");
      retried = retried.filter((r) => r.name !== flat);
      scan.emit(index, { runner: "jest", id: title, ...(failing && file ? { file } : {}), outcome: "fail" });
    },
    // Retried tests whose file result never came: unknown, so not flaky.
    finish: (scan) => settle(scan, false),
  };
}

/** vitest: `FAIL  file > suite > name` (its failure list), and `✓ file > suite > name 12ms (retry x2)`. */
export function vitestLines(): Recogniser {
  return {
    trigger: [String.raw`^\s*FAIL\s+(?:\|[^|]+\|\s+)?\S+ > \S`, String.raw`^\s*[✓√] \S.*\(retry x\d+\)`].join("|"),
    line(index, text, scan) {
      let m = re(String.raw`^\s*FAIL\s+(?:\|[^|]+\|\s+)?(\S+) > (\S.*?)\s*$`, "vitest.fail").exec(text);
      if (m) {
        scan.emit(index, { runner: "vitest", id: m[2] as string, file: m[1] as string, outcome: "fail" });
        return;
      }
      m = re(String.raw`^\s*[✓√] (\S.*?)(?: \d+(?:\.\d+)?m?s)?\s*\(retry x\d+\)`, "vitest.retry").exec(text);
      if (!m) return;
      const named = re(`^(${JS_FILE}) > (.+)$`, "vitest.named").exec(m[1] as string);
      scan.emit(index, {
        runner: "vitest",
        id: named ? (named[2] as string) : (m[1] as string),
        ...(named ? { file: named[1] as string } : {}),
        outcome: "flaky",
        how: "vitest retried it (retry) and it passed",
      });
    },
  };
}

/** mocha: after `N failing`, entries `  1) Suite` + indented title lines ending in `:`. */
export function mochaLines(): Recogniser {
  return {
    trigger: String.raw`^\s*\d+ failing\s*$`,
    line(index, _text, scan) {
      const entry = re(String.raw`^\s*\d+\) (\S.*?)\s*$`, "mocha.entry");
      const end = Math.min(scan.lines.length, index + 1 + SECTION_LINES);
      for (let i = index + 1; i < end; i++) {
        const m = entry.exec(scan.lines[i] ?? "");
        if (!m) continue;
        const parts = [m[1] as string];
        let j = i;
        while (!(parts[parts.length - 1] as string).endsWith(":") && j + 1 < end && j - i < 10) {
          const next = (scan.lines[j + 1] ?? "").trim();
          if (next === "") break;
          parts.push(next);
          j++;
        }
        const last = parts[parts.length - 1] as string;
        if (!last.endsWith(":")) parts.splice(1);
        const id = parts.join(" ").replace(/:$/, "");
        scan.emit(i, { runner: "mocha", id, outcome: "fail" });
        i = j;
      }
    },
  };
}

const PW_TITLE = String.raw`(?:\[([^\]]+)\] › )?(\S+?):\d+:\d+ › (.+?)`;
const PW_TAIL = String.raw`(?: \(retry #\d+\))?(?: \([\d.]+m?s\))?(?: [─=]+)?\s*$`;

/**
 * Playwright: failure headers `1) [chromium] › a.spec.ts:3:5 › suite › name ───`, list lines
 * `✘  1 [chromium] › …` and `✓  2 … (retry #1)` (passed on a re-try), and the `N failed` / `N flaky`
 * lists of the summary.
 */
export function playwrightLines(): Recogniser {
  const title = (m: RegExpExecArray | null) =>
    m ? { id: `${m[1] ? `[${m[1]}] ` : ""}${(m[3] as string).trim()}`, file: m[2] as string } : undefined;
  return {
    trigger: [
      String.raw`^\s*\d+\) (?:\[[^\]]+\] › )?\S+:\d+:\d+ › `,
      String.raw`^\s*[✘✓]\s+\d+ (?:\[[^\]]+\] › )?\S+:\d+:\d+ › `,
      String.raw`^\s*\d+ (?:failed|flaky)\s*$`,
    ].join("|"),
    line(index, text, scan) {
      let t = title(re(String.raw`^\s*\d+\) ${PW_TITLE}${PW_TAIL}`, "playwright.header").exec(text) as RegExpExecArray | null);
      if (t) return scan.emit(index, { runner: "playwright", ...t, outcome: "fail" });
      const list = re(String.raw`^\s*([✘✓])\s+\d+ ${PW_TITLE}${PW_TAIL}`, "playwright.list").exec(text);
      if (list) {
        const [mark, ...rest] = (list as unknown as string[]).slice(1);
        t = title([list[0], ...rest] as unknown as RegExpExecArray);
        if (!t) return;
        if (mark === "✘") return scan.emit(index, { runner: "playwright", ...t, outcome: "fail" });
        if (text.includes("(retry #")) scan.emit(index, { runner: "playwright", ...t, outcome: "flaky", how: "Playwright retried it and it passed" });
        return;
      }
      const kind = re(String.raw`^\s*\d+ (failed|flaky)\s*$`, "playwright.summary").exec(text)?.[1];
      const entry = re(String.raw`^\s+${PW_TITLE}${PW_TAIL}`, "playwright.entry");
      for (let i = index + 1; i < Math.min(scan.lines.length, index + 1 + SECTION_LINES); i++) {
        const e = title(entry.exec(scan.lines[i] ?? "") as RegExpExecArray | null);
        if (!e) break;
        scan.emit(i, kind === "flaky" ? { runner: "playwright", ...e, outcome: "flaky", how: "Playwright reported it flaky (failed, then passed on a re-try)" } : { runner: "playwright", ...e, outcome: "fail" });
      }
    },
  };
}
