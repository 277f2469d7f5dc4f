// What a route handler gets: the state, the parsed JSON body, the route params and the base URLs.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GitHubState } from "./state.js";

export interface RouteContext {
  state: GitHubState;
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  url: URL;
  body: unknown;
  /** http://127.0.0.1:port (no /api/v3), for storage redirects. */
  origin: string;
}

export type Route = (ctx: RouteContext) => void | Promise<void>;

/** A route table entry: "GET /repos/:owner/:repo/check-runs/:id" → handler. */
export type Routes = Record<string, Route>;
