// @vitest-environment node
/**
 * The request deadline (AbortSignal.timeout, combined with the caller's signal
 * through AbortSignal.any) keeps its guarantees: a fetch that ignores the
 * signal cannot outlive the cap, a timeout and the caller leaving end
 * differently, and no timer keeps Node running once the checks are done.
 */
import { execFile } from "node:child_process";
import { runCheck } from "../../src/checks/run.ts";
import { TOKEN } from "./helpers.ts";

const target = { baseUrl: "https://scim.example.test/scim/v2", token: TOKEN };
/** A fetch stand-in that never answers and never looks at its signal. */
const deaf: typeof fetch = () => new Promise<Response>(() => undefined);

it("times out at the cap even when fetch ignores the signal", async () => {
  const started = performance.now();
  const result = await runCheck("test-connection", target, {}, { fetch: deaf, timeoutMs: 200 });
  expect(result.outcome).toBe("timeout");
  expect(result.evidence[0].note).toMatch(/within 200 ms/);
  expect(performance.now() - started).toBeLessThan(1200);
});

it("rejects with the caller's reason when the caller leaves before the cap, whatever fetch does", async () => {
  const controller = new AbortController();
  const pending = runCheck("test-connection", target, {}, { fetch: deaf, timeoutMs: 5000, signal: controller.signal });
  setTimeout(() => controller.abort(new Error("user left")), 20);
  await expect(pending).rejects.toThrow("user left");
  const already = AbortSignal.abort(new Error("gone before the start"));
  await expect(runCheck("test-connection", target, {}, { fetch: deaf, signal: already })).rejects.toThrow(
    "gone before the start",
  );
});

it("reports a timeout, not the caller, when the cap comes first", async () => {
  const controller = new AbortController();
  const result = await runCheck(
    "test-connection",
    target,
    {},
    { fetch: deaf, timeoutMs: 50, signal: controller.signal },
  );
  controller.abort(new Error("too late"));
  expect(result.outcome).toBe("timeout");
});

it("leaves no timer behind: Node exits as soon as a quick check is done, long before the cap", async () => {
  const script = `
    import { runCheck } from "./src/checks/run";
    const answer = async () => Response.json({ totalResults: 0, Resources: [] });
    const r = await runCheck("test-connection", { baseUrl: "https://scim.example.test/scim/v2", token: "k-12345" }, {}, { fetch: answer, timeoutMs: 60000 });
    console.log(r.outcome);
  `;
  const started = performance.now();
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { timeout: 20_000 },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    ),
  );
  expect(stdout.trim()).toBe("pass");
  // Node's start-up with tsx takes a few seconds on a loaded machine; the cap is a minute.
  expect(performance.now() - started).toBeLessThan(15_000);
});

it("caps a whole check, however many requests it sends, and says the check's cap cut the last one (issue 12 point 10)", async () => {
  // Every request is answered just under its own cap with a 400, so upn-collision retries with the
  // plain filter and then asks without one: four slow requests, which the check's cap cuts short.
  const slow400: typeof fetch = (_url, init) =>
    new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => resolve(new Response("{}", { status: 400 })), 400);
      init?.signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    });
  const started = performance.now();
  const result = await runCheck(
    "upn-collision",
    target,
    { mail: "megan.bowen@contoso.example", upn: "megan.bowen@contoso.example" },
    { fetch: slow400, timeoutMs: 5000, checkTimeoutMs: 600 },
  );
  expect(result.outcome).toBe("timeout");
  expect(result.evidence.at(-1)?.note).toMatch(/check as a whole took longer than its cap of 600 ms/);
  expect(result.evidence.length).toBe(2);
  // Generous for a loaded machine: without the cap the four requests alone take 1.6 s.
  expect(performance.now() - started).toBeLessThan(4000);
});
