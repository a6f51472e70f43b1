import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Frame } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { chromiumPath } from "./browser.ts";
import { type HostSite, helpCenterPage, startHostSite } from "./scan-helpers.ts";

/**
 * Issue 12, point 6: the demo tenant in an embed on another *site*, in a browser that blocks
 * third-party cookies and site data, so the frame has no localStorage or sessionStorage at all
 * (reading either throws "Access is denied for this document"). The host page is on
 * http://127.0.0.1:<port>, the app on http://localhost:<port>: different sites, not only
 * different origins as in the other embed tests. The Chromium profile's own setting blocks the
 * storage ("Block third-party cookies", `profile.cookie_controls_mode` 1 in its Preferences),
 * and the test first proves the frame really cannot read localStorage.
 */

const baseUrl = inject("baseUrl");
/** The same server under a name of another site than the host's 127.0.0.1. */
const appOrigin = new URL(baseUrl).origin.replace("127.0.0.1", "localhost");

let profile: string;
let context: BrowserContext;
let host: HostSite;

beforeAll(async () => {
  host = await startHostSite({
    "/help-center.html": helpCenterPage(appOrigin, "test-connection", 'data-start="probe" data-demo'),
  });
  profile = await mkdtemp(join(tmpdir(), "scim-e2e-profile-"));
  await mkdir(join(profile, "Default"));
  // What "Block third-party cookies" in Chromium's settings writes: cookies and site data of
  // third-party frames, localStorage and sessionStorage included.
  const preferences = { profile: { cookie_controls_mode: 1, block_third_party_cookies: true } };
  await writeFile(join(profile, "Default", "Preferences"), JSON.stringify(preferences));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  context.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await context?.close();
  await host?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** What reading each storage gives in `frame`: "ok" or the error's message. */
function storageIn(frame: Frame) {
  return frame.evaluate(() => {
    const read = (name: "localStorage" | "sessionStorage") => {
      try {
        window[name].getItem("probe");
        return "ok";
      } catch (error) {
        return (error as Error).message;
      }
    };
    return { localStorage: read("localStorage"), sessionStorage: read("sessionStorage") };
  });
}

test("the demo tenant's live check runs and shows its result in an embed on another site with no storage", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // The host site answers its favicon with 404; that line is Chromium's, not the app's.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text());
  });
  expect(new URL(host.origin).hostname).toBe("127.0.0.1");
  await page.goto(`${host.origin}/help-center.html`);
  const frame = page.locator("#troubleshooter > iframe").contentFrame();
  await frame.getByRole("heading", { level: 1, name: "Test the connection the way Entra does" }).waitFor();
  const embed = page.frames().find((f) => f.url().startsWith(`${appOrigin}/embed/`));
  if (!embed) throw new Error(`no frame on ${appOrigin}/embed/`);
  // The failure mode of the issue is there: this frame cannot touch storage.
  expect(await storageIn(embed)).toEqual({
    localStorage: expect.stringContaining("Failed to read the 'localStorage' property from 'Window'"),
    sessionStorage: expect.stringContaining("Failed to read the 'sessionStorage' property from 'Window'"),
  });
  // …while the host page itself, first-party, can.
  expect(await storageIn(page.mainFrame())).toEqual({ localStorage: "ok", sessionStorage: "ok" });

  await frame.getByRole("button", { name: "Run check", exact: true }).click();
  const status = frame.getByRole("status", { name: "Check result" });
  await status.locator("code.outcome-code").waitFor({ timeout: 15_000 });
  expect(await status.locator("code.outcome-code").textContent()).toBe("pass");
  expect(await status.textContent()).toContain("Test connection would succeed");
  await frame.getByRole("button", { name: "Continue: Use exactly these values in Entra", exact: true }).click();
  await frame.getByRole("heading", { level: 1, name: "Use exactly these values in Entra" }).waitFor();
  await expect.poll(() => page.locator("#events > li").count()).toBeGreaterThanOrEqual(2);
  expect(errors).toEqual([]);
});
