// The corpus's logs with the labels its provenance gives: the folder (infra, flaky-test, genuine,
// unknown) for ../shared/corpus/logs, and the "Suggested bucket" column of logs/pytorch/PROVENANCE.md
// for the pytorch fixtures (whose in-band #=MATCH=# markers are stripped here, as that file says).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { benchCorpusDir } from "./corpus.js";

export type Label = "infra" | "flaky-test" | "genuine" | "unknown";

export interface LabelledLog {
  /** Path under logs/, e.g. "genuine/gha-svgo-jest-failure-ansi.raw.log". */
  name: string;
  label: Label;
  raw: Buffer;
  /** cidiff ground truth: error ("E") and context ("C") line ranges, when a sidecar exists. */
  truth?: { errors: [number, number][]; context: [number, number][] };
  /** The line the upstream pytorch classifier picks (#=MATCH=#), 1-based in the stripped log. */
  upstreamLine?: number;
}

const FOLDERS: readonly Label[] = ["infra", "flaky-test", "genuine", "unknown"];

function ranges(lines: string[], kind: "C" | "E"): [number, number][] {
  return lines
    .filter((l) => l.startsWith(`${kind} `))
    .map((l) => {
      const [a, b] = l.slice(2).split("-").map(Number);
      return [a as number, (b ?? a) as number];
    });
}

function sidecar(path: string): LabelledLog["truth"] {
  const file = `${path}.groundtruth.txt`;
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, "utf8").split("\n").slice(1);
  return { errors: ranges(lines, "E"), context: ranges(lines, "C") };
}

/** "genuine (lint)" → genuine; "infra" → infra; "genuine or flaky test (…)", "unknown (…)" → unknown. */
export function bucketLabel(bucket: string): Label {
  const b = bucket.trim().toLowerCase();
  if (/\bor\b/.test(b.replace(/\(.*\)/, ""))) return "unknown";
  if (b.startsWith("genuine")) return "genuine";
  if (b.startsWith("infra")) return "infra";
  if (b.startsWith("flaky")) return "flaky-test";
  return "unknown";
}

function pytorchLabels(dir: string): Map<string, Label> {
  const out = new Map<string, Label>();
  for (const row of readFileSync(join(dir, "PROVENANCE.md"), "utf8").split("\n")) {
    const cells = row.split("|").map((c) => c.trim());
    const file = /^`([^`]+\.txt)`$/.exec(cells[1] ?? "")?.[1];
    const bucket = cells[cells.length - 2];
    if (file && bucket) out.set(file, bucketLabel(bucket));
  }
  return out;
}

function stripPytorchMarkers(text: string): { raw: Buffer; upstreamLine?: number } {
  const lines = text.split("\n");
  const dropped = lines[0]?.startsWith("#=SOURCE=#") ? 1 : 0;
  const match = lines.findIndex((l) => l.startsWith("#=MATCH=# "));
  const kept = lines.slice(dropped).map((l) => l.replace(/^#=MATCH=# /, "").replace(/[‹›]/g, ""));
  return { raw: Buffer.from(kept.join("\n"), "utf8"), ...(match >= 0 ? { upstreamLine: match + 1 - dropped } : {}) };
}

const isLog = (f: string) => !f.endsWith(".groundtruth.txt") && f !== "PROVENANCE.md";

export function labelledCorpus(): LabelledLog[] {
  const logs = join(benchCorpusDir(), "logs");
  const out: LabelledLog[] = [];
  for (const label of FOLDERS) {
    for (const f of readdirSync(join(logs, label)).filter(isLog).sort()) {
      const path = join(logs, label, f);
      const truth = sidecar(path);
      out.push({ name: `${label}/${f}`, label, raw: readFileSync(path), ...(truth ? { truth } : {}) });
    }
  }
  const pytorch = join(logs, "pytorch");
  const labels = pytorchLabels(pytorch);
  for (const f of readdirSync(pytorch).filter(isLog).sort()) {
    const label = labels.get(f);
    if (!label) throw new Error(`pytorch/${f} has no row in logs/pytorch/PROVENANCE.md`);
    out.push({ name: `pytorch/${f}`, label, ...stripPytorchMarkers(readFileSync(join(pytorch, f), "utf8")) });
  }
  return out;
}
