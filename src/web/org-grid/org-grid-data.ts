// What the org grid shows: for each readable repository of an owner and each of the last 14 or 30
// UTC days, the failed jobs by verdict, their top causes with error text (new ones marked), and the
// median duration of successful jobs against the 14 days before, so slowdowns stand out.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { readDailyDurations } from "../../rollup/index.js";
import { median } from "../job-durations.js";
import { failedByDay, topCausesByDay } from "./org-grid-sql.js";
import type { RepoRef } from "../reader.js";

const DAY = 24 * 3600 * 1000;
export const GRID_DAYS = [14, 30] as const;
export const BASELINE_DAYS = 14;
const CAUSES_PER_CELL = 3;

export type GridClass = "genuine" | "known" | "flaky" | "pending";

export interface GridCause {
  cause: string;
  patternId: string | null;
  verdict: GridClass;
  count: number;
  /** The matched line (or excerpt) of the latest failure with this cause: log text, attacker-controlled. */
  text: string | null;
  /** First seen in this repository on this day (ever, not only within the window). */
  isNew: boolean;
}

export interface GridCell {
  day: string;
  counts: Record<GridClass, number>;
  failed: number;
  causes: GridCause[];
  /** Median seconds of successful jobs this day; null without one. */
  medianSeconds: number | null;
  /** Median of the daily medians of the 14 days before; null without any. */
  baselineSeconds: number | null;
  /** medianSeconds / baselineSeconds − 1 (0.2 = 20 % slower). */
  change: number | null;
}

export interface GridRow {
  repo: RepoRef;
  cells: GridCell[];
}

export interface OrgGrid {
  owner: string;
  days: number;
  /** The UTC days shown, oldest first (YYYY-MM-DD). */
  dayKeys: string[];
  rows: GridRow[];
  generatedAt: Date;
}

const CLASS_OF: Record<string, GridClass> = { genuine: "genuine", known_problem: "known", flaky: "flaky" };
const dayKey = (t: number) => new Date(t).toISOString().slice(0, 10);

export interface GridParts {
  /** The duration change (a rollup of settled days, and today read live). */
  durations: boolean;
  /** Each cell's top causes (default true); the duration colouring's page shows none. */
  causes?: boolean;
}

export async function loadOrgGrid(prisma: PrismaClient, owner: string, repos: readonly RepoRef[], now: Date, days: number, opts: GridParts = { durations: true }): Promise<OrgGrid> {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const first = today - (days - 1) * DAY;
  const dayKeys = Array.from({ length: days }, (_, i) => dayKey(first + i * DAY));
  const sorted = [...repos].sort((a, b) => a.name.localeCompare(b.name));
  if (sorted.length === 0) return { owner, days, dayKeys, rows: [], generatedAt: now };
  const window = { repoIds: sorted.map((r) => r.id), from: new Date(first), to: new Date(today + DAY) };
  const [failed, causes, medians] = await Promise.all([
    failedByDay(prisma, window),
    opts.causes === false ? [] : topCausesByDay(prisma, window, CAUSES_PER_CELL),
    opts.durations ? readDailyDurations(prisma, { repoIds: window.repoIds, from: new Date(first - BASELINE_DAYS * DAY), now }) : [],
  ]);
  // Days as integers (days since 1970) from here on: a Date per lookup cost more than the queries.
  const firstDay = first / DAY;
  const keyOf = (day: number): string | undefined => dayKeys[day - firstDay];
  const cells = new Map<string, GridCell>();
  const cell = (repo: string, day: number): GridCell | undefined => {
    const key = keyOf(day);
    return key === undefined ? undefined : cells.get(`${repo} ${key}`);
  };
  for (const r of sorted) {
    for (const day of dayKeys) cells.set(`${r.id} ${day}`, { day, counts: { genuine: 0, known: 0, flaky: 0, pending: 0 }, failed: 0, causes: [], medianSeconds: null, baselineSeconds: null, change: null });
  }
  for (const f of failed) {
    const c = cell(f.repo, f.day);
    if (!c) continue;
    c.counts[CLASS_OF[f.verdict] ?? "pending"] += f.n;
    c.failed += f.n;
  }
  for (const r of causes) {
    cell(r.repo, r.day)?.causes.push({ cause: r.cause, patternId: r.patternId, verdict: CLASS_OF[r.verdict] ?? "pending", count: r.n, text: r.text, isNew: r.firstDay === r.day });
  }
  // Per repository the daily medians from BASELINE_DAYS before the first day shown: index i is day firstDay − BASELINE_DAYS + i.
  const series = new Map<string, (number | undefined)[]>();
  for (const m of medians) {
    const i = m.day - (firstDay - BASELINE_DAYS);
    if (i < 0 || i >= days + BASELINE_DAYS) continue;
    if (!series.has(m.repo)) series.set(m.repo, []);
    series.get(m.repo)![i] = m.median;
  }
  for (const r of sorted) {
    const daily = series.get(String(r.id)) ?? [];
    dayKeys.forEach((day, i) => {
      const c = cells.get(`${r.id} ${day}`)!;
      const before = daily.slice(i, i + BASELINE_DAYS).filter((v): v is number => v !== undefined);
      c.medianSeconds = daily[i + BASELINE_DAYS] ?? null;
      c.baselineSeconds = median(before);
      c.change = c.medianSeconds !== null && c.baselineSeconds ? c.medianSeconds / c.baselineSeconds - 1 : null;
    });
  }
  return { owner, days, dayKeys, rows: sorted.map((repo) => ({ repo, cells: dayKeys.map((d) => cells.get(`${repo.id} ${d}`)!) })), generatedAt: now };
}
