import { join } from "node:path";
import { parseArgs } from "node:util";
import { startStaticServer } from "../server/static-server.ts";

/** npm start: serves dist/ (run `npm run build` first; `npm start` does). */
const { values } = parseArgs({
  options: { port: { type: "string", default: "4173" }, host: { type: "string", default: "127.0.0.1" } },
});
const server = await startStaticServer({
  root: join(import.meta.dirname, "../../dist"),
  port: Number(values.port),
  host: values.host,
});
console.log(`SCIM Troubleshooter: ${server.url.replace("127.0.0.1", "localhost")}  (demo tenant on; Ctrl+C to stop)`);
