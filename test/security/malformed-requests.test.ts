import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRelay } from "../../src/cli/relay.ts";
import { startStaticServer } from "../../src/server/static-server.ts";

/** Sends one raw request (no client library would send these) and returns the status line (or the whole head). */
function rawRequest(url: string, requestLine: string, whole = false): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
    });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("end", () => resolve(whole ? answer.split("\r\n\r\n")[0] : answer.split("\r\n")[0]));
    socket.on("error", reject);
  });
}

test("the production server answers 400 to a request line no URL parser accepts, and stays up", async () => {
  const root = mkdtempSync(join(tmpdir(), "static-"));
  writeFileSync(join(root, "index.html"), "<!doctype html><title>t</title>");
  const server = await startStaticServer({ root, port: 0 });
  try {
    const answer = await rawRequest(server.url, "GET http://[/ HTTP/1.1", true);
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    // The refusal carries the same security headers as every other answer (issue 12 point 9).
    expect(answer).toMatch(/content-security-policy: [^\r\n]*frame-ancestors 'self'/i);
    expect(answer).toMatch(/x-content-type-options: nosniff/i);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  } finally {
    await server.close();
  }
});

test("the production server answers 404 when a page is missing (a build under way), and stays up", async () => {
  // Before, the 200 went out first and the file's read error was an unhandled 'error': the process exited.
  const root = mkdtempSync(join(tmpdir(), "static-"));
  const server = await startStaticServer({ root, port: 0 });
  try {
    const missing = await fetch(`${server.url}/flows/error-500`, { signal: AbortSignal.timeout(5000) });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
    mkdirSync(join(root, "flows"));
    writeFileSync(join(root, "flows", "error-500.html"), "<!doctype html><title>t</title>");
    writeFileSync(join(root, "index.html"), "<!doctype html><title>home</title>");
    const shell = await fetch(`${server.url}/flows/error-500`);
    expect(shell.status).toBe(200);
    expect(await shell.text()).toContain("<title>t</title>");
    expect((await fetch(`${server.url}/`, { method: "HEAD" })).status).toBe(200);
  } finally {
    await server.close();
  }
});

test("the relay refuses such a request and stays up", async () => {
  const relay = await startRelay({ target: "https://scim.example.invalid/scim/v2", port: 0, log: () => {} });
  try {
    expect(await rawRequest(relay.url, "GET //[ HTTP/1.1")).toMatch(/^HTTP\/1\.1 (400|404)/);
    expect((await fetch(`${relay.url}/nowhere`)).status).toBe(404);
  } finally {
    await relay.close();
  }
});

test("only the embed's own routes may be framed by other sites; the app's pages under /embed/… may not", async () => {
  const root = mkdtempSync(join(tmpdir(), "static-"));
  writeFileSync(join(root, "index.html"), "<!doctype html><title>t</title>");
  const server = await startStaticServer({ root, port: 0 });
  const framing = async (path: string) =>
    /frame-ancestors ([^;]*)/.exec(
      (await fetch(`${server.url}${path}`)).headers.get("content-security-policy") ?? "",
    )?.[1];
  try {
    for (const path of ["/embed", "/embed/", "/embed/error-500", "/embed/error-500?start=compare"]) {
      expect(await framing(path), path).toBe("*");
    }
    for (const path of ["/embed/x/y", "/embed/..%2fflows/error-500", "/embed/Error 500", "/flows/error-500", "/"]) {
      expect(await framing(path), path).toBe("'self'");
    }
  } finally {
    await server.close();
  }
});
