/**
 * The relay's own answers, as opposed to the target's passed on: a small JSON body marked with
 * RELAY_HEADER, so that the check reports the relay's reason (the target's cause, or "busy")
 * and not "server error" or "not SCIM".
 */
import type { ServerResponse } from "node:http";
import { errorCode, RELAY_HEADER, type RELAY_MARK, TOO_MANY_CODINGS } from "../checks/http.ts";

type Mark = (typeof RELAY_MARK)[keyof typeof RELAY_MARK];

/** A marked JSON answer; a busy relay also says when to try again. */
export function answerOwn(
  res: ServerResponse,
  cors: Record<string, string>,
  status: 502 | 503 | 504,
  mark: Mark,
  body: { relayError: string; detail: string },
): void {
  res
    .writeHead(status, {
      ...cors,
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...(status === 503 && { "retry-after": "1" }),
      [RELAY_HEADER]: mark,
    })
    .end(JSON.stringify(body));
}

/** The system error code under fetch's "fetch failed" (ECONNREFUSED, ENOTFOUND, a TLS code…), as the checks read it. */
export function causeCode(err: unknown): string {
  return errorCode(err) ?? (err as Error)?.name ?? "Error";
}

/** A short phrase for the common causes; the check has its own fuller wording by code. */
export function describeCause(code: string): string {
  if (code === "ECONNREFUSED") return "connection refused by the target";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the target's host name does not resolve (DNS)";
  if (/CERT|TLS|SSL/i.test(code)) return "the TLS handshake with the target failed";
  if (code === TOO_MANY_CODINGS) return "the target's answer came in more than five layers of compression";
  return "the target could not be reached";
}
