import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ScimTroubleshooterApi, startLoader } from "../../src/embed-loader/core.ts";

// examples/help-center.html as the e2e suite will serve it: with its app origin replaced.
const ORIGIN = "http://localhost:4173";
const html = readFileSync(join(import.meta.dirname, "../../examples/help-center.html"), "utf8");
let loader: ScimTroubleshooterApi | undefined;

afterEach(() => {
  loader?.stop();
  document.body.innerHTML = "";
});

test("names the app origin exactly twice: the fallback link and the loader script", () => {
  expect(html.split(ORIGIN)).toHaveLength(3);
  const doc = new DOMParser().parseFromString(html, "text/html");
  expect(doc.querySelector("[data-scim-troubleshooter] a")?.getAttribute("href")).toBe(`${ORIGIN}/flows/error-500`);
  expect(doc.querySelector("script[src]")?.getAttribute("src")).toBe(`${ORIGIN}/embed.js`);
  expect(doc.querySelector("script[src]")?.hasAttribute("async")).toBe(true);
  expect(doc.querySelector("h2#embed-howto")?.textContent).toBe("Embed in your help center");
});

test("embeds error-500 and logs the three events, as text, into #events", () => {
  const doc = new DOMParser().parseFromString(html, "text/html");
  document.body.innerHTML = doc.body.innerHTML;
  const inline = [...doc.querySelectorAll("script:not([src])")].map((s) => s.textContent).join("\n");
  new Function(inline)();
  loader = startLoader(window, ORIGIN);

  const frame = document.querySelector<HTMLIFrameElement>("#troubleshooter iframe");
  expect(frame?.src).toBe(`${ORIGIN}/embed/error-500`);
  const send = (data: object) =>
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { scimTroubleshooter: 1, ...data },
        origin: ORIGIN,
        source: frame?.contentWindow,
      }),
    );
  send({ type: "step", flowId: "error-500", stepId: "<b>about</b>", stepKind: "instruction" }); // rejected
  send({ type: "step", flowId: "error-500", stepId: "about", stepKind: "instruction" });
  send({ type: "outcome", flowId: "error-500", stepId: "fixed", outcome: "resolved" });
  send({ type: "feedback", flowId: "error-500", stepId: "fixed", helpful: true });

  const items = [...document.querySelectorAll<HTMLElement>("#events li")];
  expect(items.map((li) => li.dataset.event)).toEqual(["step", "outcome", "feedback"]);
  expect(items[1].textContent).toBe('outcome {"flowId":"error-500","stepId":"fixed","outcome":"resolved"}');
  expect(document.querySelector("#events b")).toBeNull();
});
