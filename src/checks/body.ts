/**
 * Reading and describing response bodies without trusting them: bodies are read
 * through a streaming reader up to a byte cap, HTML is summarised as text and
 * never rendered. What a SCIM body means is scim-bodies.ts's business.
 */
const SUMMARY_CHARS = 160;

export interface CappedBody {
  text: string;
  /** The bytes as received (up to the cap): the relay passes them on untouched. */
  bytes: Uint8Array;
  /** Cut at the cap, or cut off by the server before it was complete. */
  truncated: boolean;
  /** Why the body cannot be trusted as JSON, when it cannot. */
  flaw?: "cut-off" | "not-utf8";
}

/**
 * Reads at most `maxBytes`, then cancels the stream so a huge or endless body cannot hang or
 * flood the check. A connection closed mid-body is a cut-off answer, not "no answer"; only an
 * abort (our own timeout) propagates.
 */
export async function readCapped(res: Response, maxBytes: number, signal?: AbortSignal): Promise<CappedBody> {
  if (!res.body) return { text: "", bytes: new Uint8Array(), truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  let finished = false;
  let flaw: CappedBody["flaw"];
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw error;
        flaw = "cut-off";
        truncated = true;
        break;
      }
      const { done, value } = chunk;
      if (done) {
        finished = true;
        break;
      }
      if (total + value.byteLength > maxBytes) {
        chunks.push(value.subarray(0, maxBytes - total));
        total = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    // Cut, aborted or failed: cancel so the connection is released and no timer or socket lingers.
    if (!finished) void reader.cancel().catch(() => undefined);
    try {
      reader.releaseLock();
    } catch {
      // A read still pending after an abort keeps the lock; the cancel above ends it.
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  if (!truncated) {
    // JSON between systems is UTF-8 (RFC 8259 §8.1): bytes that are not are no SCIM answer.
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), bytes, truncated };
    } catch {
      flaw = "not-utf8";
    }
  }
  return { text: new TextDecoder().decode(bytes), bytes, truncated, flaw };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A one-line, plain-text summary of a non-SCIM body: an HTML page's title and first words, or the raw start. */
export function summariseBody(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (/^<!doctype html|^<html|<body[\s>]|<head[\s>]/i.test(trimmed)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    const bodyText = trimmed
      .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    const words = squash(bodyText);
    const titleText = title ? squash(title) : "";
    const joined = titleText && !words.startsWith(titleText) ? `${titleText}: ${words}` : words || titleText;
    return `HTML page: ${clip(joined, SUMMARY_CHARS)}`;
  }
  return clip(squash(trimmed), SUMMARY_CHARS);
}

function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
