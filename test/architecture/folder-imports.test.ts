// The shape of src/: imports point down. No two folders import each other (directly or round a loop),
// model/ imports nothing of ours, and only the app wiring (src/index.ts) imports the use case (analyse/).
import { resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { findCycle, relativeImports } from "./import-graph.js";

const SRC = resolve(import.meta.dirname, "../../src");

const folderOf = (path: string) => (path.includes(sep) ? path.split(sep)[0]! : null);

describe("folder imports of src/", () => {
  const all = relativeImports(SRC);
  const edges = new Map<string, Set<string>>();
  for (const [from, to] of all) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a && b && a !== b && b !== "generated") edges.set(a, new Set([...(edges.get(a) ?? []), b]));
  }

  it("form no cycle between folders", () => {
    expect(findCycle(edges)).toBeNull();
  });

  it("finds a cycle when there is one (the check itself can fail)", () => {
    const looped = new Map(edges);
    looped.set("model", new Set(["analyse"]));
    expect(findCycle(looped)).toEqual(expect.arrayContaining(["model", "analyse"]));
  });

  it("keep model/ at the bottom: it imports nothing of ours", () => {
    expect([...(edges.get("model") ?? [])]).toEqual([]);
  });

  it("let only the app wiring import the use case (analyse/)", () => {
    const importers = all.filter(([from, to]) => folderOf(to) === "analyse" && folderOf(from) !== "analyse").map(([from]) => from);
    expect([...new Set(importers)]).toEqual(["index.ts"]);
  });
});
