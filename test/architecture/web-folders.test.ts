// The shape of src/web/: one subfolder per page or concern above a shared kernel (the files of web/
// itself). Page folders import the kernel, never each other; only the wiring (index.ts,
// details-routes.ts) imports the page folders, so nothing loops back through it.
import { resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { findCycle, relativeImports } from "./import-graph.js";

const WEB = resolve(import.meta.dirname, "../../src/web");

/** A subfolder of web/ is one unit; each file of web/ itself is its own unit (":name.ts"). */
const unitOf = (path: string) => (path.includes(sep) ? path.split(sep)[0]! : `:${path.replace(/\.js$/, ".ts")}`);
const isFolder = (unit: string) => !unit.startsWith(":");

/** Arrows between units for every relative import inside src/web/. */
function edges(): Map<string, Set<string>> {
  const arrows = new Map<string, Set<string>>();
  for (const [from, to] of relativeImports(WEB)) {
    if (to.startsWith("..")) continue;
    const [a, b] = [unitOf(from), unitOf(to)];
    if (a !== b) arrows.set(a, new Set([...(arrows.get(a) ?? []), b]));
  }
  return arrows;
}

/** Arrows from one page folder to another, as "from -> to". */
const pageToPage = (arrows: Map<string, Set<string>>) =>
  [...arrows].flatMap(([a, bs]) => (isFolder(a) ? [...bs].filter(isFolder).map((b) => `${a} -> ${b}`) : []));

describe("src/web/ folders", () => {
  const arrows = edges();

  it("has page folders, and the wiring imports them", () => {
    expect([...(arrows.get(":details-routes.ts") ?? [])].filter(isFolder).length).toBeGreaterThan(5);
  });

  it("page folders never import each other", () => {
    expect(pageToPage(arrows)).toEqual([]);
  });

  it("form no import cycle, counting each kernel file on its own", () => {
    expect(findCycle(arrows)).toBeNull();
  });

  it("the checks themselves can fail", () => {
    const looped = new Map(arrows);
    looped.set("causes", new Set([...(arrows.get("causes") ?? []), ":details-routes.ts", "history"]));
    expect(pageToPage(looped)).toContain("causes -> history");
    expect(findCycle(looped)).toEqual(expect.arrayContaining(["causes", ":details-routes.ts"]));
  });
});
