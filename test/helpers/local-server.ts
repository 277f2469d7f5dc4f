// An HTTP server on a free port of 127.0.0.1, for tests that ask Sift's routes over HTTP. It listens
// before it has routes, so that the routes can be given its address (pages link to their own URL).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Router } from "../../src/web/index.js";

export interface LocalServer {
  base: string;
  /** Answers with the router's routes: 404 where none matches, 500 with the error where one throws. */
  serve(router: Router): void;
  close(): Promise<void>;
}

export async function localServer(): Promise<LocalServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve(router) {
      const handle = router.handler();
      server.on("request", (req, res) => {
        handle(req, res).then((handled) => handled || (res.writeHead(404), res.end()), (err) => (res.writeHead(500), res.end(String(err))));
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
