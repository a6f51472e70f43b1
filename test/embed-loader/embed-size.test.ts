// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { embedLoaderSize, embedSizeFigures } from "../../src/bench/embed-size.ts";

// Measures a stand-in file: the budget itself is the benchmark's business, not a unit test's.
test("embedLoaderSize reports raw and gzipped bytes of <dist>/embed.js", () => {
  const dir = mkdtempSync(join(tmpdir(), "embed-size-"));
  try {
    const code = "(function(){console.log('hello')})();".repeat(20);
    writeFileSync(join(dir, "embed.js"), code);
    const size = embedLoaderSize(dir);
    expect(size).toEqual({ raw: code.length, gzip: gzipSync(code).length });
    expect(size.gzip).toBeLessThan(size.raw);
    expect(embedSizeFigures(dir)[0]).toMatchObject({ value: `${size.gzip} B`, goal: "<= 2048 B" });
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test("embedLoaderSize fails clearly when the loader was not built", () => {
  expect(() => embedLoaderSize(join(tmpdir(), "no-such-dist"))).toThrow(/embed\.js/);
});
