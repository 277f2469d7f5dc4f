// Finds "file and line" mentions in compiler, linter and test-runner output. Log lines are
// attacker-controlled: lines are clipped and every pattern here is linear (no nested quantifiers).

export interface FileRef {
  path: string;
  line: number;
  column: number | null;
  /** The printed line, for the annotation's message. */
  text: string;
  /** Only a location (`--> src/x.rs:4:5`, a stack frame): the message is on an earlier line. */
  locationOnly: boolean;
}

const MAX_LINE = 2000;
const EXT = String.raw`\.[A-Za-z0-9]{1,10}`;

// tsc / msbuild `src/a.ts(12,5): error TS2322`, maven `[ERROR] /…/A.java:[25,31] cannot find symbol`.
const PAREN = new RegExp(String.raw`([^\s()'"]+${EXT})\((\d+),(\d+)\)\s*:`);
const MAVEN = new RegExp(String.raw`([^\s[\]'"]+${EXT}):\[(\d+),(\d+)\]`);
// Python tracebacks `File "/…/pkg/mod.py", line 10, in f`.
const PY_FRAME = new RegExp(String.raw`File "([^"]+${EXT})", line (\d+)`);
// gcc, clang, go, eslint (unix), pytest, javac, cargo (`--> src/main.rs:4:18`), node/jest frames `(src/a.test.ts:12:5)`.
const GENERIC = new RegExp(String.raw`(?:^|[\s'"(\[=])((?:file://)?(?:[A-Za-z]:)?[^\s:'"()[\]]+${EXT}):(\d+)(?::(\d+))?(?=$|[\s:,)\]])`);
// eslint's default "stylish" output: a file on its own line, then `  12:5  error  message  rule`.
const STYLISH_FILE = new RegExp(String.raw`^\s*((?:[A-Za-z]:)?[^\s:]+${EXT})\s*$`);
const STYLISH_ENTRY = /^\s+(\d+):(\d+)\s+error\s+\S/;

/** Strips what runners prepend: timestamps and workflow-command markers. */
export function cleanLine(raw: string): string {
  return raw
    .slice(0, MAX_LINE)
    .replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z ?/, "")
    .replace(/^##\[(?:error|warning|notice)\]/, "");
}

export function findFileRefs(excerpt: string): FileRef[] {
  const refs: FileRef[] = [];
  let stylishFile: string | null = null;
  for (const raw of excerpt.split(/\r?\n/)) {
    const line = cleanLine(raw);
    const entry = stylishFile ? STYLISH_ENTRY.exec(line) : null;
    if (stylishFile && entry) {
      refs.push({ path: stylishFile, line: Number(entry[1]), column: Number(entry[2]), text: line.trim(), locationOnly: false });
      continue;
    }
    const file = STYLISH_FILE.exec(line);
    stylishFile = file ? file[1]! : line.trim() === "" ? null : stylishFile;
    if (file) continue;
    const ref = refIn(line);
    if (ref) refs.push(ref);
  }
  return refs;
}

function refIn(line: string): FileRef | null {
  const text = line.trim();
  const frame = /^(?:at |-->|File ")/.test(text);
  for (const pattern of [MAVEN, PAREN, PY_FRAME, GENERIC]) {
    const m = pattern.exec(line);
    if (!m) continue;
    const lineNo = Number(m[2]);
    if (!Number.isSafeInteger(lineNo) || lineNo < 1) return null;
    const column = m[3] ? Number(m[3]) : null;
    return { path: m[1]!, line: lineNo, column: column && Number.isSafeInteger(column) ? column : null, text, locationOnly: frame };
  }
  return null;
}
