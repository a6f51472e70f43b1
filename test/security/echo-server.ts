/**
 * What the echoed-token suites share: a loopback server whose first path segment picks how it
 * quotes back the Authorization header it got, tokens shaped like real ones, and the check that
 * no 16-character piece of a token (the whole token, when it is shorter) survives in a text.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect } from "vitest";

export interface EchoAnswer {
  status: number;
  type: string;
  body: string;
}

export type Echo = (echo: string, path: string) => EchoAnswer;

/**
 * Starts the server for the suite (beforeAll) and stops it after (afterAll); `origin()` is its
 * address once started. A path whose first segment names no answer gets `fallback`.
 */
export function echoServer(answers: Record<string, Echo>, fallback: string): { origin: () => string } {
  let server: Server;
  let origin = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      const kind = (req.url ?? "").split("/")[1];
      const answer = (answers[kind] ?? answers[fallback])(req.headers.authorization ?? "", req.url ?? "");
      res.writeHead(answer.status, { "content-type": answer.type });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { origin: () => origin };
}

/** A token of `length` characters from the alphabet real keys and JWTs use, different each length. */
export function tokenOf(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
  return Array.from({ length }, (_, i) => alphabet[(i * 7 + length * 13) % alphabet.length]).join("");
}

export function expectNoPiece(text: string, token: string, where: string): void {
  const size = Math.min(16, token.length);
  const pieces = Array.from({ length: token.length - size + 1 }, (_, i) => token.slice(i, i + size));
  const found = pieces.filter((piece) => text.includes(piece));
  expect(found, `${where}: ${found[0]}`).toEqual([]);
}
