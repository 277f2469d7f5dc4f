// The repository page's ?day= (where an org grid cell leads): only real UTC days are read.
import { describe, expect, it } from "vitest";
import { parseDay, renderDayFailures } from "../../src/web/history/repo-day-failures.js";

describe("repository day", () => {
  it("parses YYYY-MM-DD of a real day as UTC midnight, anything else as none", () => {
    expect(parseDay("2026-11-20")?.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    for (const bad of ["2026-02-30", "2026-11-20T00:00", "20261120", "", null, "2026-13-01"]) expect(parseDay(bad)).toBeNull();
  });

  it("escapes job names and log text", () => {
    const out = renderDayFailures("2026-11-20", [{ name: "<b>job</b>", headSha: "a".repeat(40), completedAt: new Date("2026-11-20T10:00:00Z"), verdict: "genuine", cause: "genuine:x", text: "<script>x</script>" }], (s) => `/c/${s}`).value;
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<b>");
    expect(out).toContain("&#60;script&#62;x&#60;/script&#62;");
    expect(renderDayFailures("2026-11-20", [], (s) => s).value).toContain("No job failed on 2026-11-20");
  });
});
