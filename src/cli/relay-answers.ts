/**
 * The relay's own answers, as opposed to the target's passed on: a small JSON body marked with
 * RELAY_HEADER, so that the check reports the relay's reason (the target's cause, or "busy")
 * and not "server error" or "not SCIM".
 */
import type { ServerResponse } from "node:http";
import { RELAY_HEADER, type RELAY_MARK } from "../checks/http.ts";

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

/** The system error code under fetch's "fetch failed" (ECONNREFUSED, ENOTFOUND, a TLS code…). */
export function causeCode(err: unknown): string {
  let cause: unknown = err;
  for (let i = 0; i < 4 && cause && typeof cause === "object"; i++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && code !== "ABORT_ERR") return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return (err as Error)?.name ?? "Error";
}

/** A short phrase for the common causes; the check has its own fuller wording by code. */
export function describeCause(code: string): string {
  if (code === "ECONNREFUSED") return "connection refused by the target";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the target's host name does not resolve (DNS)";
  if (/CERT|TLS|SSL/i.test(code)) return "the TLS handshake with the target failed";
  return "the target could not be reached";
}
