import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { startStaticServer } from "../server/static-server.ts";
import { timeToHeading } from "./browser-bench.ts";
import type { Figure } from "./flows-bench.ts";

/**
 * The tools admins would use instead, bundled by the same Vite for the
 * smallest page that shows one step, and weighed the same way (gzipped JS).
 * They live in their own pinned folder so the app's install stays lean.
 */
const DIR = join(import.meta.dirname, "alternatives");

const ENTRIES = [
  { name: "React 19 + react-dom alone (the floor)", entry: "react-baseline.jsx" },
  { name: "SurveyJS (survey-core + survey-react-ui)", entry: "surveyjs.jsx" },
  { name: "Typebot web embed (@typebot.io/js)", entry: "typebot.js" },
];

function ensureInstalled(): void {
  if (existsSync(join(DIR, "node_modules", "survey-js-ui"))) return;
  console.log("bench: installing the alternatives (once) from their lock file…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--silent"], { cwd: DIR, stdio: "inherit" });
}

/** Builds one entry (a script, or a page with its scripts) into a fresh folder; the caller removes it. */
async function bundle(entry: string): Promise<{ outDir: string; scripts: string[] }> {
  const outDir = mkdtempSync(join(tmpdir(), "bench-alt-"));
  await build({
    configFile: false,
    root: DIR,
    logLevel: "silent",
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true, rolldownOptions: { input: join(DIR, entry) } },
  });
  return { outDir, scripts: readdirSync(join(outDir, "assets")).filter((f) => f.endsWith(".js")) };
}

async function bundledGzip(entry: string): Promise<number> {
  const { outDir, scripts } = await bundle(entry);
  try {
    return scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, "assets", f))).length, 0);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * The floor for "navigation → first heading" on this machine: React alone
 * rendering one h1, served and timed exactly like the app.
 */
export async function reactFloorTimeToHeading(browser: Browser): Promise<number> {
  ensureInstalled();
  const { outDir, scripts } = await bundle("react-baseline.jsx");
  try {
    const tags = scripts.map((f) => `<script type="module" src="/assets/${f}"></script>`).join("");
    writeFileSync(join(outDir, "index.html"), `<!doctype html><html><body><div id="root"></div>${tags}</body></html>`);
    const server = await startStaticServer({ root: outDir, port: 0 });
    try {
      return await timeToHeading(browser, `${server.url}/`);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function benchAlternatives(): Promise<Figure[]> {
  ensureInstalled();
  const figures: Figure[] = [];
  for (const { name, entry } of ENTRIES) {
    figures.push({ name, value: `${((await bundledGzip(entry)) / 1024).toFixed(1)} KB`, goal: "(compare)" });
  }
  return figures;
}

/**
 * The pages the first two steps are timed on beside the app: the Error 500 procedure as a
 * SurveyJS form (survey-core + survey-js-ui, surveyjs-error-500.*) and the same two steps as
 * plain HTML, the floor (floor.*), served on loopback by the app's own server.
 */
export async function startComparisonSite(): Promise<{ url: string; close(): Promise<void> }> {
  ensureInstalled();
  const { outDir } = await bundle("surveyjs-error-500.html");
  for (const file of ["floor.html", "floor.css"]) copyFileSync(join(DIR, file), join(outDir, file));
  const server = await startStaticServer({ root: outDir, port: 0 });
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
