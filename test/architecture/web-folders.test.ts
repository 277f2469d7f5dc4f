// The shape of src/web/: one subfolder per page or concern above a shared kernel (the files of web/
// itself). Page folders import the kernel, never each other; only the wiring (index.ts,
// details-routes.ts) imports the page folders, so nothing loops back through it.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const WEB = resolve(import.meta.dirname, "../../src/web");
const IMPORT = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** A subfolder of web/ is one unit; each file of web/ itself is its own unit (":name.ts"). */
const unitOf = (path: string) => (path.includes(sep) ? path.split(sep)[0]! : `:${path.replace(/\.js$/, ".ts")}`);
const isFolder = (unit: string) => !unit.startsWith(":");

/** Arrows between units for every relative import inside src/web/. */
function edges(): Map<string, Set<string>> {
  const arrows = new Map<string, Set<string>>();
  for (const file of files(WEB)) {
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = relative(WEB, resolve(dirname(file), m[1]!));
      if (target.startsWith("..")) continue;
      const [a, b] = [unitOf(relative(WEB, file)), unitOf(target)];
      if (a !== b) arrows.set(a, new Set([...(arrows.get(a) ?? []), b]));
    }
  }
  return arrows;
}

/** A cycle as a path that starts and ends with the same unit, or null. */
function cycle(arrows: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (stack.includes(n)) return [...stack.slice(stack.indexOf(n)), n];
    if (done.has(n)) return null;
    stack.push(n);
    for (const m of [...(arrows.get(n) ?? [])].sort()) {
      const found = visit(m);
      if (found) return found;
    }
    stack.pop();
    done.add(n);
    return null;
  };
  for (const n of [...arrows.keys()].sort()) {
    const found = visit(n);
    if (found) return found;
  }
  return null;
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
    expect(cycle(arrows)).toBeNull();
  });

  it("the checks themselves can fail", () => {
    const looped = new Map(arrows);
    looped.set("causes", new Set([...(arrows.get("causes") ?? []), ":details-routes.ts", "history"]));
    expect(pageToPage(looped)).toContain("causes -> history");
    expect(cycle(looped)).toEqual(expect.arrayContaining(["causes", ":details-routes.ts"]));
  });
});
