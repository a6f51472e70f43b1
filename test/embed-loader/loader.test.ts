import { type ScimTroubleshooterApi, startLoader } from "../../src/embed-loader/core.ts";

const APP = "https://troubleshooter.example";
let loader: ScimTroubleshooterApi;

function page(html: string) {
  document.body.innerHTML = html;
  loader = startLoader(window, APP);
}

const frameIn = (el: Element | null) => {
  const frame = el?.querySelector("iframe");
  if (!frame?.contentWindow) throw new Error("no iframe mounted");
  return frame;
};

function post(data: unknown, source: MessageEventSource | null, origin = APP) {
  window.dispatchEvent(new MessageEvent("message", { data, origin, source }));
}

/** Collects the loader's CustomEvents that reach `target`. */
function recorder(target: EventTarget) {
  const seen: { type: string; detail: unknown; target: EventTarget | null }[] = [];
  for (const type of ["step", "outcome", "feedback"]) {
    target.addEventListener(`scim-troubleshooter:${type}`, (e) => {
      seen.push({ type: e.type, detail: (e as CustomEvent).detail, target: e.target });
    });
  }
  return seen;
}

const outcome = { scimTroubleshooter: 1, type: "outcome", flowId: "error-500", stepId: "fixed", outcome: "resolved" };

afterEach(() => {
  loader.stop();
  document.body.innerHTML = "";
});

describe("mounting", () => {
  test("replaces the fallback link with a titled, lazy, borderless iframe on the embed route", () => {
    page(
      `<div id="c" data-scim-troubleshooter="error-500"><a href="${APP}/flows/error-500">Open the SCIM troubleshooter</a></div>`,
    );
    const container = document.getElementById("c");
    const frame = frameIn(container);
    expect(frame.src).toBe(`${APP}/embed/error-500`);
    expect(frame.title).toBe("SCIM Troubleshooter: error-500");
    expect(frame.getAttribute("loading")).toBe("lazy");
    expect(frame.getAttribute("scrolling")).toBe("no");
    expect(frame.getAttribute("allow")).toBe("clipboard-write");
    expect(frame.style.width).toBe("100%");
    expect(frame.style.border).toMatch(/^0/);
    expect(container?.querySelector("a")?.hidden).toBe(true);
  });

  test("options land in the iframe's query string", () => {
    page(
      `<div data-scim-troubleshooter="error-500" data-accent="#0A7C5C" data-theme="dark" data-compact data-start="entra-upn" data-demo></div>`,
    );
    const src = new URL(frameIn(document.querySelector("div")).src);
    expect(src.pathname).toBe("/embed/error-500");
    expect(Object.fromEntries(src.searchParams)).toEqual({
      accent: "#0a7c5c",
      theme: "dark",
      compact: "1",
      start: "entra-upn",
      demo: "1",
    });
  });

  test("a bad accent, theme or start step is dropped; the demo tenant stays off unless asked", () => {
    page(
      `<div data-scim-troubleshooter="error-500" data-accent="red;background:url(x)" data-theme="neon" data-start="Step 2"></div>`,
    );
    expect(frameIn(document.querySelector("div")).src).toBe(`${APP}/embed/error-500`);
  });

  test("an empty value or 'catalogue' embeds the catalogue", () => {
    page(`<div id="a" data-scim-troubleshooter></div><div id="b" data-scim-troubleshooter="catalogue"></div>`);
    for (const id of ["a", "b"]) {
      const frame = frameIn(document.getElementById(id));
      expect(frame.src).toBe(`${APP}/embed`);
      expect(frame.title).toBe("SCIM Troubleshooter: catalogue");
    }
  });

  test("the <scim-troubleshooter> element takes plain attributes", () => {
    page(`<scim-troubleshooter flow="user-scope" theme="light" compact></scim-troubleshooter>`);
    expect(frameIn(document.querySelector("scim-troubleshooter")).src).toBe(
      `${APP}/embed/user-scope?theme=light&compact=1`,
    );
  });

  test("data-origin overrides the script's origin; one that is not http(s) mounts nothing", () => {
    page(
      `<div id="a" data-scim-troubleshooter="deletion" data-origin="http://127.0.0.1:4173/anything"></div>` +
        `<div id="b" data-scim-troubleshooter="deletion" data-origin="javascript:alert(1)"><a href="#">fallback</a></div>`,
    );
    expect(frameIn(document.getElementById("a")).src).toBe("http://127.0.0.1:4173/embed/deletion");
    expect(document.querySelector("#b iframe")).toBeNull();
    expect(document.querySelector<HTMLAnchorElement>("#b a")?.hidden).toBe(false);
  });

  test("scanning twice, or a second loader, inserts no second iframe", () => {
    page(`<div data-scim-troubleshooter="error-500"></div>`);
    expect(loader.scan()).toBe(0);
    const second = startLoader(window, APP);
    second.stop();
    expect(document.querySelectorAll("iframe")).toHaveLength(1);
  });

  test("a container added later is mounted by the observer", async () => {
    page("");
    const later = document.createElement("div");
    later.dataset.scimTroubleshooter = "regenerate-key";
    document.body.append(later);
    await vi.waitFor(() => expect(later.querySelector("iframe")).not.toBeNull());
    expect(document.querySelectorAll("iframe")).toHaveLength(1);
  });
});

describe("messages", () => {
  test("a message whose source is not the iframe's window is ignored", () => {
    page(`<div data-scim-troubleshooter="error-500"></div>`);
    const frame = frameIn(document.querySelector("div"));
    const seen = recorder(document);
    post({ scimTroubleshooter: 1, type: "resize", height: 900 }, window);
    post(outcome, window);
    post(outcome, null);
    expect(frame.style.height).toBe("480px");
    expect(seen).toEqual([]);
  });

  test("a message from the iframe's window but another origin is ignored", () => {
    page(`<div data-scim-troubleshooter="error-500"></div>`);
    const frame = frameIn(document.querySelector("div"));
    const seen = recorder(document);
    post({ scimTroubleshooter: 1, type: "resize", height: 900 }, frame.contentWindow, "https://evil.example");
    post(outcome, frame.contentWindow, "https://evil.example");
    expect(frame.style.height).toBe("480px");
    expect(seen).toEqual([]);
  });

  test("a resize from the iframe sets its height, clamped", () => {
    page(`<div data-scim-troubleshooter="error-500"></div>`);
    const frame = frameIn(document.querySelector("div"));
    post({ scimTroubleshooter: 1, type: "resize", height: 812.4 }, frame.contentWindow);
    expect(frame.style.height).toBe("813px");
    post({ scimTroubleshooter: 1, type: "resize", height: 3 }, frame.contentWindow);
    expect(frame.style.height).toBe("100px");
    post({ scimTroubleshooter: 1, type: "resize", height: 50_000 }, frame.contentWindow);
    expect(frame.style.height).toBe("10000px");
    post({ scimTroubleshooter: 1, type: "resize", height: 1e9 }, frame.contentWindow);
    expect(frame.style.height).toBe("10000px");
  });

  test("each wizard event becomes a bubbling CustomEvent on the container, with only the allowed fields", () => {
    page(`<article><div id="c" data-scim-troubleshooter="error-500"></div></article>`);
    const container = document.getElementById("c") as HTMLElement;
    const frame = frameIn(container);
    const seen = recorder(document);
    const source = frame.contentWindow;
    post({ scimTroubleshooter: 1, type: "step", flowId: "error-500", stepId: "compare", stepKind: "question" }, source);
    post(outcome, source);
    post({ scimTroubleshooter: 1, type: "feedback", flowId: "error-500", stepId: "fixed", helpful: true }, source);
    post({ ...outcome, token: "s3cret", upn: "jane@contoso.com" }, source);
    expect(seen).toEqual([
      {
        type: "scim-troubleshooter:step",
        detail: { flowId: "error-500", stepId: "compare", stepKind: "question" },
        target: container,
      },
      {
        type: "scim-troubleshooter:outcome",
        detail: { flowId: "error-500", stepId: "fixed", outcome: "resolved" },
        target: container,
      },
      {
        type: "scim-troubleshooter:feedback",
        detail: { flowId: "error-500", stepId: "fixed", helpful: true },
        target: container,
      },
    ]);
    expect(JSON.stringify(seen.map((s) => s.detail))).not.toMatch(/s3cret|jane/);
  });

  test("two embeds on one page do not interfere", () => {
    page(
      `<div id="a" data-scim-troubleshooter="error-500"></div><div id="b" data-scim-troubleshooter="deletion"></div>`,
    );
    const [a, b] = ["a", "b"].map((id) => document.getElementById(id) as HTMLElement);
    const [frameA, frameB] = [frameIn(a), frameIn(b)];
    const seenA = recorder(a);
    const seenB = recorder(b);
    post({ scimTroubleshooter: 1, type: "resize", height: 700 }, frameB.contentWindow);
    post(outcome, frameA.contentWindow);
    expect(frameA.style.height).toBe("480px");
    expect(frameB.style.height).toBe("700px");
    expect(seenA.map((s) => s.type)).toEqual(["scim-troubleshooter:outcome"]);
    expect(seenB).toEqual([]);
  });

  test("after stop() the loader no longer relays", () => {
    page(`<div data-scim-troubleshooter="error-500"></div>`);
    const frame = frameIn(document.querySelector("div"));
    loader.stop();
    post({ scimTroubleshooter: 1, type: "resize", height: 700 }, frame.contentWindow);
    expect(frame.style.height).toBe("480px");
  });
});
