// The Grafana dashboard for Sift's Prometheus metrics, served at GET /grafana/dashboard.json for import
// (Dashboards → New → Import; Grafana asks for the Prometheus data source, ${DS_PROMETHEUS}). Built
// from the list below, so that a test can check every query against what /metrics exports.

interface PanelSpec {
  title: string;
  description: string;
  /** PromQL, and the legend of each series (Grafana's {{label}} syntax). */
  queries: [expr: string, legend: string][];
  unit?: string;
  type?: "timeseries" | "stat" | "bargauge";
}

const DATASOURCE = { type: "prometheus", uid: "${DS_PROMETHEUS}" };

/** One row of the dashboard per entry; panels of a row share its width. */
export const DASHBOARD_ROWS: { title: string; panels: PanelSpec[] }[] = [
  {
    title: "Analysis",
    panels: [
      { title: "Analyses by conclusion", description: "Head SHAs analysed per minute.", queries: [["sum by (conclusion) (rate(sift_analyses_total[5m])) * 60", "{{conclusion}}"]], unit: "short" },
      {
        title: "Due → check run written",
        description: "From a head SHA's due time (after the cool-off) to its check run on GitHub.",
        queries: [
          ["histogram_quantile(0.5, sum by (le) (rate(sift_due_to_report_seconds_bucket[5m])))", "p50"],
          ["histogram_quantile(0.95, sum by (le) (rate(sift_due_to_report_seconds_bucket[5m])))", "p95"],
        ],
        unit: "s",
      },
      {
        title: "Analysis duration",
        description: "Time to analyse one head SHA: logs, classification, report.",
        queries: [["histogram_quantile(0.95, sum by (le) (rate(sift_analysis_duration_seconds_bucket[5m])))", "p95"], ["sum(rate(sift_analysis_duration_seconds_sum[5m])) / sum(rate(sift_analysis_duration_seconds_count[5m]))", "mean"]],
        unit: "s",
      },
      { title: "Queue", description: "Head SHAs due, cooling off, and claimed by a worker.", queries: [["sum by (state) (sift_queue_commits)", "{{state}}"]], unit: "short" },
    ],
  },
  {
    title: "Failures",
    panels: [
      { title: "Verdicts by class", description: "Failed jobs classified per hour, by verdict.", queries: [["sum by (verdict) (increase(sift_verdicts_total[1h]))", "{{verdict}}"]], unit: "short" },
      { title: "Flaky causes by category", description: "Flaky failures per hour by category.", queries: [['sum by (category) (increase(sift_verdicts_total{verdict="flaky"}[1h]))', "{{category}}"]], unit: "short" },
      { title: "Failures in 24 h by kind", description: "Infrastructure (CI's doing) or test (the code's).", queries: [["sum by (kind) (sift_failures_24h)", "{{kind}}"]], unit: "short", type: "stat" },
      { title: "Failures in 24 h by repository", description: "The 20 repositories with the most failures; the rest as other.", queries: [["topk(20, sum by (repo) (sift_repository_failures_24h))", "{{repo}}"]], unit: "short", type: "bargauge" },
      { title: "Red default branches", description: "Repositories whose newest settled default-branch commit has a genuine or known failure.", queries: [["sum(sift_default_branch_red)", "red"]], unit: "short", type: "stat" },
    ],
  },
  {
    title: "Re-runs",
    panels: [
      { title: "Re-runs by status", description: "Re-runs requested, waiting, held or refused, per hour.", queries: [["sum by (status) (increase(sift_retries_total[1h]))", "{{status}}"]], unit: "short" },
      { title: "Re-run outcomes", description: "What a re-run produced: passed, failed again, cancelled.", queries: [["sum by (outcome) (increase(sift_retry_outcomes_total[1h]))", "{{outcome}}"]], unit: "short" },
    ],
  },
  {
    title: "GitHub",
    panels: [
      { title: "API requests by status", description: "GitHub API requests per second by status class.", queries: [["sum by (status) (rate(sift_github_requests_total[5m]))", "{{status}}"]], unit: "reqps" },
      { title: "Busiest API routes", description: "The 10 routes Sift calls most.", queries: [["topk(10, sum by (route, method) (rate(sift_github_requests_total[5m])))", "{{method}} {{route}}"]], unit: "reqps" },
      { title: "Rate limit left", description: "The lowest share of the hourly rate limit any installation has left.", queries: [["min(sift_github_rate_limit_remaining / sift_github_rate_limit_limit)", "lowest"]], unit: "percentunit" },
      { title: "Webhooks", description: "Deliveries by event and outcome.", queries: [["sum by (event, outcome) (rate(sift_webhooks_total[5m]))", "{{event}} {{outcome}}"]], unit: "reqps" },
    ],
  },
  {
    title: "Notifications and process",
    panels: [
      { title: "Slack notifications", description: "Queued, delivered, retried and given up, per hour.", queries: [["sum by (event, outcome) (increase(sift_notifications_total[1h]))", "{{event}} {{outcome}}"]], unit: "short" },
      { title: "Notification outbox", description: "Not delivered yet, and given up.", queries: [["sum by (state) (sift_notification_outbox)", "{{state}}"]], unit: "short" },
      { title: "Memory", description: "Resident memory of the Sift process.", queries: [["sift_process_resident_memory_bytes", "rss"]], unit: "bytes" },
      { title: "CPU", description: "CPU seconds per second.", queries: [["rate(sift_process_cpu_seconds_total[5m])", "cpu"]], unit: "short" },
    ],
  },
];

export function grafanaDashboard() {
  const panels: object[] = [];
  let id = 0;
  let y = 0;
  for (const row of DASHBOARD_ROWS) {
    panels.push({ id: ++id, type: "row", title: row.title, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    const w = Math.floor(24 / row.panels.length);
    row.panels.forEach((p, i) => {
      panels.push({
        id: ++id,
        type: p.type ?? "timeseries",
        title: p.title,
        description: p.description,
        datasource: DATASOURCE,
        gridPos: { h: 8, w, x: i * w, y },
        fieldConfig: { defaults: { unit: p.unit ?? "short" }, overrides: [] },
        options: {},
        targets: p.queries.map(([expr, legendFormat], n) => ({ refId: String.fromCharCode(65 + n), datasource: DATASOURCE, expr, legendFormat })),
      });
    });
    y += 8;
  }
  return {
    __inputs: [{ name: "DS_PROMETHEUS", label: "Prometheus", description: "The Prometheus that scrapes Sift's /metrics", type: "datasource", pluginId: "prometheus", pluginName: "Prometheus" }],
    __requires: [
      { type: "grafana", id: "grafana", name: "Grafana", version: "10.0.0" },
      { type: "datasource", id: "prometheus", name: "Prometheus", version: "1.0.0" },
      ...["timeseries", "stat", "bargauge"].map((t) => ({ type: "panel", id: t, name: t, version: "" })),
    ],
    title: "Sift",
    uid: "sift-ci-triage",
    description: "Sift's CI triage: analyses, verdicts, re-runs, GitHub API use and notifications.",
    tags: ["sift", "ci"],
    editable: true,
    schemaVersion: 39,
    version: 1,
    time: { from: "now-24h", to: "now" },
    refresh: "1m",
    annotations: { list: [] },
    templating: { list: [] },
    panels,
  };
}
