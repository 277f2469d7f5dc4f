// The shape of src/: imports point down. No two folders import each other (directly or round a loop),
// model/ imports nothing of ours, and only the app wiring (src/index.ts) imports the use case (analyse/).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");
const IMPORT = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : files(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative import in src/: [importing file, imported file], both relative to src/. */
function imports(): [string, string][] {
  return files(SRC).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(IMPORT)].map((m): [string, string] => [relative(SRC, file), relative(SRC, resolve(dirname(file), m[1]!))]),
  );
}

const folderOf = (path: string) => (path.includes(sep) ? path.split(sep)[0]! : null);

/** A cycle among folders, as a path that starts and ends with the same folder, or null. */
function folderCycle(edges: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (stack.includes(n)) return [...stack.slice(stack.indexOf(n)), n];
    if (done.has(n)) return null;
    stack.push(n);
    for (const m of [...(edges.get(n) ?? [])].sort()) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    stack.pop();
    done.add(n);
    return null;
  };
  for (const n of [...edges.keys()].sort()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return null;
}

describe("folder imports of src/", () => {
  const all = imports();
  const edges = new Map<string, Set<string>>();
  for (const [from, to] of all) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a && b && a !== b && b !== "generated") edges.set(a, new Set([...(edges.get(a) ?? []), b]));
  }

  it("form no cycle between folders", () => {
    expect(folderCycle(edges)).toBeNull();
  });

  it("finds a cycle when there is one (the check itself can fail)", () => {
    const looped = new Map(edges);
    looped.set("model", new Set(["analyse"]));
    expect(folderCycle(looped)).toEqual(expect.arrayContaining(["model", "analyse"]));
  });

  it("keep model/ at the bottom: it imports nothing of ours", () => {
    expect([...(edges.get("model") ?? [])]).toEqual([]);
  });

  it("let only the app wiring import the use case (analyse/)", () => {
    const importers = all.filter(([from, to]) => folderOf(to) === "analyse" && folderOf(from) !== "analyse").map(([from]) => from);
    expect([...new Set(importers)]).toEqual(["index.ts"]);
  });
});
