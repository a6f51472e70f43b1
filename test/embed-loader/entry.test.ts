// The built entry (loader.ts) as a host page runs it: origin from its own <script src>.

afterEach(() => {
  window.ScimTroubleshooter?.stop();
  delete window.ScimTroubleshooter;
  Reflect.deleteProperty(document, "currentScript");
  document.body.innerHTML = "";
});

async function runEntry(src: string) {
  const script = document.createElement("script");
  script.src = src;
  Object.defineProperty(document, "currentScript", { value: script, configurable: true });
  vi.resetModules();
  await import("../../src/embed-loader/loader.ts");
}

test("takes the app origin from its own script src and exposes ScimTroubleshooter.scan()", async () => {
  document.body.innerHTML = `<div data-scim-troubleshooter="error-500"></div>`;
  await runEntry("https://help.app.example:8443/embed.js?v=1");
  expect(document.querySelector("iframe")?.src).toBe("https://help.app.example:8443/embed/error-500");
  expect(typeof window.ScimTroubleshooter?.scan).toBe("function");
});

test("a page that includes the script twice gets one iframe per container and one listener", async () => {
  document.body.innerHTML = `<div id="c" data-scim-troubleshooter="error-500"></div>`;
  await runEntry("https://app.example/embed.js");
  const first = window.ScimTroubleshooter;
  await runEntry("https://app.example/embed.js");
  expect(window.ScimTroubleshooter).toBe(first);
  expect(document.querySelectorAll("iframe")).toHaveLength(1);

  const frame = document.querySelector("iframe") as HTMLIFrameElement;
  const events: Event[] = [];
  document.addEventListener("scim-troubleshooter:outcome", (e) => events.push(e));
  const data = { scimTroubleshooter: 1, type: "outcome", flowId: "error-500", stepId: "fixed", outcome: "resolved" };
  window.dispatchEvent(
    new MessageEvent("message", { data, origin: "https://app.example", source: frame.contentWindow }),
  );
  expect(events).toHaveLength(1);
});
