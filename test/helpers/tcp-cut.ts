// A TCP proxy that can cut the line: every open connection dropped and new ones refused until it is
// mended. Stands between Sift and the shared test PostgreSQL, which other tests use and must stay up.
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface TcpCut {
  port: number;
  cut(): void;
  mend(): void;
  close(): Promise<void>;
}

export async function startTcpCut(target: { host: string; port: number }): Promise<TcpCut> {
  let broken = false;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (broken) return void client.destroy();
    const upstream = connect(target);
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      open.add(a);
      a.pipe(b);
      a.on("error", () => b.destroy());
      a.on("close", () => (open.delete(a), b.destroy()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      broken = true;
      open.forEach((s) => s.destroy());
    },
    mend: () => {
      broken = false;
    },
    close: async () => {
      open.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
