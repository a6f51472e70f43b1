import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Starts `server` on host:port (0 picks a free port) and gives back its base URL. */
export async function listenOn(server: Server, port = 0, host = "127.0.0.1"): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return { url: `http://${host.includes(":") ? `[${host}]` : host}:${actual}`, port: actual };
}
