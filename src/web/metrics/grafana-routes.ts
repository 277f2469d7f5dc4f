// GET /grafana/dashboard.json: Sift's Grafana dashboard, for import. Open to all: it holds queries, no data.
import { grafanaDashboard } from "./grafana-dashboard.js";
import { send, type Router } from "../router.js";

export function addGrafanaRoutes(router: Router): void {
  const body = `${JSON.stringify(grafanaDashboard(), null, 2)}\n`;
  router.get("/grafana/dashboard.json", (_req, res) => {
    res.setHeader("content-disposition", 'inline; filename="sift-dashboard.json"');
    send(res, 200, body, "application/json");
  });
}
