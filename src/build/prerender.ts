import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Rolldown } from "vite";
import type { BuiltFlow } from "../engine/built-flow.ts";
import { isWalkModule, WALK_CHUNK } from "./chunks.ts";
import { NOT_FOUND_PAGE, type PrerenderedPage, prerenderedPages } from "./prerender-pages.ts";

/**
 * `npm run build`'s second half: after `vite build --manifest` has written the browser's
 * bundle to dist/, renders every public page into dist/ with React's server rendering (the
 * app's own routes, src/app/prerender-entry.tsx, built for Node into a folder removed after).
 * Each page gets its HTML inside #root (hydrated by src/app/main.tsx), module preloads for the
 * chunks it needs, and its early gate: src/app/walk-gate.ts on a guide's page, src/app/embed-gate.ts on an embed's.
 */
const ROOT = join(import.meta.dirname, "../..");
const DIST = join(ROOT, "dist");
const SERVER_OUT = join(ROOT, "dist-ssr");

type Manifest = Record<string, { file: string; name?: string; imports?: string[]; css?: string[] }>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Every file the modules' chunks need, their static imports included, less what `loaded` has already. */
function chunkFiles(manifest: Manifest, modules: string[], loaded: ReadonlySet<string>): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key] ?? (isWalkModule(join(ROOT, key)) ? walkChunk(manifest) : undefined);
    if (!chunk) throw new Error(`prerender: no chunk for ${key} in the build's manifest`);
    if (files.has(chunk.file) || loaded.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const module of modules) visit(module);
  return [...files];
}

/** The walk's chunk, named by src/build/chunks.ts: the manifest lists the modules it holds under no key of their own. */
function walkChunk(manifest: Manifest) {
  return Object.values(manifest).find((chunk) => chunk.name === WALK_CHUNK);
}

async function buildServerEntry(): Promise<{
  renderPage: (path: string) => Promise<string>;
  flows: BuiltFlow[];
}> {
  await build({
    root: ROOT,
    logLevel: "warn",
    build: { ssr: "src/app/prerender-entry.tsx", outDir: SERVER_OUT, emptyOutDir: true, sourcemap: false },
  });
  return import(pathToFileURL(join(SERVER_OUT, "prerender-entry.js")).href);
}

/** A gate as one small classic script (it must run before the body, so it cannot be a module). */
async function buildGate(name: "walk-gate" | "embed-gate"): Promise<string> {
  const [output] = (await build({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, `src/app/${name}.ts`), formats: ["iife"], name: "gate" },
    },
  })) as Rolldown.RolldownOutput[];
  const code = output.output[0].code;
  const file = `assets/${name}-${createHash("sha256").update(code).digest("hex").slice(0, 8)}.js`;
  writeFileSync(join(DIST, file), code);
  return file;
}

const template = readFileSync(join(DIST, "index.html"), "utf8");
if (template.includes("data-prerendered")) throw new Error("prerender: dist/index.html is already prerendered");
const manifest: Manifest = JSON.parse(readFileSync(join(DIST, ".vite/manifest.json"), "utf8"));
const alreadyLoaded = new Set([...template.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]));

const { renderPage, flows } = await buildServerEntry();
const gates = { walk: await buildGate("walk-gate"), embed: await buildGate("embed-gate") };

function page(
  html: string,
  options: {
    hydrate: boolean;
    preload?: string[];
    walk?: PrerenderedPage["walk"];
    embed?: boolean;
    description?: string;
    title?: string;
  },
) {
  let out = template.replace(
    '<div id="root"></div>',
    `<div id="root"${options.hydrate ? " data-prerendered" : ""}>${html}</div>`,
  );
  if (options.title) out = out.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(options.title)}</title>`);
  if (options.description) {
    out = out.replace(
      /<meta name="description" content="[^"]*"/,
      `<meta name="description" content="${escapeHtml(options.description)}"`,
    );
  }
  const head = [
    // Before the stylesheet: a classic script after one would wait for it.
    ...gateTag(options),
    ...(options.preload ?? []).map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
  ];
  out = out.replace(/(\s*)<script type="module"/, (all, space) => `${head.map((tag) => space + tag).join("")}${all}`);
  // The page reads whole without its script: the script and its chunks must not compete with
  // the stylesheet (and the HTML) for the first paint, only come right after it.
  return out.replace(/<(script type="module"|link rel="modulepreload")/g, '<$1 fetchpriority="low"');
}

/**
 * The early gate a page loads: an embed's pages the embed gate (the host's look, and its start
 * step), a guide's page the walk gate (a share link or a saved walk); other pages none.
 */
function gateTag(options: { walk?: PrerenderedPage["walk"]; embed?: boolean }): string[] {
  const flow = options.walk ? ` data-flow="${options.walk.flowId}"` : "";
  if (options.embed) return [`<script src="/${gates.embed}"${flow} data-embed></script>`];
  return options.walk ? [`<script src="/${gates.walk}"${flow}></script>`] : [];
}

try {
  for (const p of prerenderedPages(flows)) {
    const html = page(await renderPage(p.path), {
      hydrate: true,
      preload: chunkFiles(manifest, p.modules, alreadyLoaded),
      walk: p.walk,
      embed: p.embed,
      description: p.description,
      title: p.title,
    });
    mkdirSync(dirname(join(DIST, p.file)), { recursive: true });
    writeFileSync(join(DIST, p.file), html);
  }
  // Rendered in the browser, not hydrated: it stands for any unknown address, whose page differs.
  writeFileSync(join(DIST, NOT_FOUND_PAGE.file), page(await renderPage(NOT_FOUND_PAGE.path), { hydrate: false }));
} finally {
  rmSync(SERVER_OUT, { recursive: true, force: true });
  rmSync(join(DIST, ".vite"), { recursive: true, force: true });
}
console.log(`prerender: ${prerenderedPages(flows).length + 1} pages in dist/`);
