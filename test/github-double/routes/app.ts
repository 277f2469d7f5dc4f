// App-level endpoints (JWT): installation tokens, installations, webhook deliveries.
import { randomBytes } from "node:crypto";
import type { Routes } from "../context.js";
import { json, notFound } from "../http.js";

export const appRoutes: Routes = {
  "GET /app": ({ state, res }) => json(res, 200, { id: state.appId, slug: state.appSlug, name: "Sift (double)" }),
  "POST /app/installations/:id/access_tokens": ({ state, res, params }) => {
    if (!state.installations.has(Number(params.id))) return notFound(res);
    const token = `ghs_double_${randomBytes(8).toString("hex")}`;
    state.tokens.add(token);
    json(res, 201, { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: "all" });
  },
  "GET /app/installations": ({ state, res }) => json(res, 200, [...state.installations.values()]),
  "GET /app/installations/:id": ({ state, res, params }) => {
    const inst = state.installations.get(Number(params.id));
    if (inst) json(res, 200, inst);
    else notFound(res);
  },
  "GET /app/hook/deliveries": ({ state, res }) => json(res, 200, [...state.hookDeliveries].reverse()),
  "POST /app/hook/deliveries/:id/attempts": ({ state, res, params }) => {
    state.redeliveries.push(Number(params.id));
    json(res, 202, {});
  },
};
