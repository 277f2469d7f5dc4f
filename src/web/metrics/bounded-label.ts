// A label whose values come from outside (routes, categories people name) must not grow /metrics
// without end: the first `max` distinct values keep their name for the life of the process, every
// later one is counted as "other".
export const OTHER_LABEL = "other";

export function boundedLabel(max: number): (value: string) => string {
  const kept = new Set<string>();
  return (value) => {
    if (kept.has(value)) return value;
    if (kept.size >= max) return OTHER_LABEL;
    kept.add(value);
    return value;
  };
}
