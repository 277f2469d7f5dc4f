// One name per test when a runner prints it in two forms: surefire's simple `FooTest.testA` beside
// its qualified `org.x.FooTest.testA`, pytest's `dynamo/test_x.py::T::t` beside PyTorch's
// `test/dynamo/test_x.py::T::t`, libtest lines that nextest only relayed. Also drops a runner's
// fallback shapes (section headers, class lines) once a better line named a failing test.
import type { TestEvent } from "./test-events.js";

/** `org.x.FooTest.testA(int)[1]` → [`org.x.FooTest`, `testA`, …] without parameters. */
function scopes(id: string): string[] {
  const cut = id.search(/[([]/);
  return (cut === -1 ? id : id.slice(0, cut)).split(".");
}

function mavenNames(events: TestEvent[]): Map<string, string> {
  const byTail = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.runner !== "maven") continue;
    const s = scopes(e.id);
    if (s.length < 3) continue;
    const tail = `${s[s.length - 2]}.${e.id.slice(s.slice(0, -1).join(".").length + 1)}`;
    byTail.set(tail, (byTail.get(tail) ?? new Set()).add(e.id));
  }
  const out = new Map<string, string>();
  for (const [tail, ids] of byTail) if (ids.size === 1) out.set(tail, [...ids][0] as string);
  return out;
}

function pytestNames(events: TestEvent[]): Map<string, string> {
  const ids = [...new Set(events.filter((e) => e.runner === "pytest" && !e.fallback).map((e) => e.id))];
  const out = new Map<string, string>();
  for (const short of ids) {
    const long = ids.filter((id) => id.endsWith(`/${short}`)).sort((a, b) => b.length - a.length)[0];
    if (long) out.set(short, long);
  }
  return out;
}

export function canonicalTestEvents(events: TestEvent[]): TestEvent[] {
  const maven = mavenNames(events);
  const pytest = pytestNames(events);
  const nextestNames = new Set(events.filter((e) => e.runner === "nextest").map((e) => e.id.slice(e.id.indexOf(" ") + 1)));
  const firm = new Set(events.filter((e) => !e.fallback && e.outcome === "fail").map((e) => e.runner));
  const out: TestEvent[] = [];
  for (const e of events) {
    if (e.fallback && e.outcome === "fail" && firm.has(e.runner)) continue;
    if (e.runner === "cargo" && nextestNames.has(e.id)) continue;
    const id = e.runner === "maven" ? (maven.get(e.id) ?? e.id) : e.runner === "pytest" ? (pytest.get(e.id) ?? e.id) : e.id;
    if (id === e.id) out.push(e);
    else out.push({ ...e, id, ...(e.runner === "pytest" ? { file: id.slice(0, id.indexOf("::")) } : {}) });
  }
  return out;
}
