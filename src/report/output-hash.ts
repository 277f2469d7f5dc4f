// What was last written to a check run, carried in CheckRun.outputHash so that re-analyses write
// only when something changed. GitHub *appends* annotations on every update and cannot remove one,
// so the keys of annotations already sent ride along: resending them would show each one twice.
import { createHash } from "node:crypto";
import type { Annotation } from "./annotations.js";

export interface WrittenState {
  content: string;
  annotationKeys: Set<string>;
}

export function contentHash(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 32);
}

export function annotationKey(a: Annotation): string {
  return createHash("sha256").update(`${a.path}\0${a.start_line}\0${a.message}`).digest("hex").slice(0, 12);
}

/** `v1:<content hash>:<key>,<key>…`; anything else reads as "nothing known". */
export function parseOutputHash(stored: string | null | undefined): WrittenState | null {
  const m = /^v1:([0-9a-f]+):([0-9a-f,]*)$/.exec(stored ?? "");
  if (!m) return null;
  return { content: m[1]!, annotationKeys: new Set(m[2] ? m[2].split(",") : []) };
}

export function formatOutputHash(state: WrittenState): string {
  return `v1:${state.content}:${[...state.annotationKeys].join(",")}`;
}
