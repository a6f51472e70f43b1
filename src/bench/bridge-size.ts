import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Figure } from "./flows-bench.ts";

/**
 * The redirect bridge's JavaScript (issue 14): what the Microsoft sign-in window runs on its way
 * back to the app. Its page names one module script and nothing else (test/e2e/graph-lazy.e2e.ts).
 */
export function redirectBridgeSize(distDir: string): { file: string; raw: number; gzip: number } {
  const html = readFileSync(join(distDir, "auth/redirect.html"), "utf8");
  const file = /<script\b[^>]*\bsrc="\/([^"]+\.js)"/.exec(html)?.[1];
  if (!file) throw new Error("dist/auth/redirect.html names no script: build it with `npm run build`");
  const bytes = readFileSync(join(distDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

export function redirectBridgeFigures(distDir: string): Figure[] {
  const { raw, gzip } = redirectBridgeSize(distDir);
  return [
    { name: "dist/auth/redirect.html's script, gzipped", value: `${gzip} B`, goal: "(reported)" },
    { name: "dist/auth/redirect.html's script, raw", value: `${raw} B`, goal: "(reported)" },
  ];
}
