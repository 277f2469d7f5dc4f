// The UTC days a page's window covers: `days` days ending today, oldest first.
const DAY = 24 * 3600 * 1000;

export function windowDays(now: Date, days: number): { from: Date; days: string[] } {
  const from = new Date(Math.floor(now.getTime() / DAY) * DAY - (days - 1) * DAY);
  return { from, days: Array.from({ length: days }, (_, i) => new Date(from.getTime() + i * DAY).toISOString().slice(0, 10)) };
}
