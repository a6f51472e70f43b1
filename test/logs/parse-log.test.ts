import { provisioningErrors } from "virtual:provisioning-errors";
import { MAX_LOG_BYTES } from "../../src/features/logs/log-entry.ts";
import { reportLog } from "../../src/features/logs/log-report.ts";
import { parseLog } from "../../src/features/logs/parse-log.ts";
import { readLog } from "../../src/features/logs/read-log.ts";
import { graphEntry, legacyEntry, SCIM } from "./log-fixtures.ts";

const conflict = graphEntry({ status: "failure", code: `${SCIM}EntryConflict`, upn: "jan@contoso.example" });

describe("the shapes a provisioning log comes in", () => {
  test("a Graph auditLogs/provisioning response: its value, the next-page link noted and not followed", () => {
    const text = JSON.stringify({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/provisioning",
      "@odata.nextLink": "https://graph.microsoft.com/v1.0/auditLogs/provisioning?$skiptoken=x",
      value: [conflict, graphEntry({ status: "success", action: "update" })],
    });
    const parsed = parseLog(text);
    expect(parsed).toMatchObject({ ok: true, shape: "graph", nextLink: true });
    if (!parsed.ok) return;
    expect(parsed.entries.map((e) => [e.status, e.action, e.errorCode, e.upn])).toEqual([
      ["failure", "create", `${SCIM}EntryConflict`, "jan@contoso.example"],
      ["success", "update", undefined, undefined],
    ]);
  });

  test("a bare JSON array, as the portal's JSON download", () => {
    const parsed = parseLog(`\uFEFF${JSON.stringify([conflict])}`);
    expect(parsed).toMatchObject({ ok: true, shape: "array", entries: [{ errorCode: `${SCIM}EntryConflict` }] });
  });

  test("the legacy names: action, statusInfo with its error fields, steps[].type, sourceIdentity.name", () => {
    const parsed = parseLog(
      JSON.stringify([legacyEntry({ status: "Failure", code: `${SCIM}EntryConflict`, upn: "piet@contoso.example" })]),
    );
    expect(parsed).toMatchObject({
      ok: true,
      entries: [
        {
          action: "create",
          status: "failure",
          errorCode: `${SCIM}EntryConflict`,
          displayName: "Piet",
          upn: "piet@contoso.example",
        },
      ],
    });
  });

  test("the older page's errorInfo in place of errorInformation", () => {
    const entry = {
      provisioningAction: "create",
      provisioningStatusInfo: { status: "failure", errorInfo: { errorCode: "ContosoEntryConflict", reason: "r" } },
    };
    expect(parseLog(JSON.stringify([entry]))).toMatchObject({
      ok: true,
      entries: [{ errorCode: "ContosoEntryConflict", reason: "r" }],
    });
  });

  test("the portal's CSV download, columns found by header name, quoted cells kept whole", () => {
    const csv = [
      "Date (UTC),Action,Source Identity Name,User Principal Name,Status,Error Code,Reason",
      '2025-01-15T09:12:44Z,Create,"Jan, de Vries",jan@contoso.example,Failure,SystemForCrossDomainIdentityManagementEntryConflict,"HTTP 409, conflict"',
      "2025-01-15T09:20:03Z,Other,Kees,kees@contoso.example,Skipped,,",
    ].join("\r\n");
    const parsed = parseLog(csv);
    expect(parsed).toMatchObject({ ok: true, shape: "csv" });
    if (!parsed.ok) return;
    expect(parsed.entries[0]).toMatchObject({
      action: "create",
      status: "failure",
      displayName: "Jan, de Vries",
      upn: "jan@contoso.example",
      errorCode: `${SCIM}EntryConflict`,
      reason: "HTTP 409, conflict",
    });
    expect(parsed.entries[1]).toMatchObject({ status: "skipped", action: "other" });
  });
});

describe("files that are not a readable log get a clear reason, never a crash", () => {
  test("truncated JSON", () => {
    const text = JSON.stringify([conflict, conflict]);
    expect(parseLog(text.slice(0, text.length / 2))).toMatchObject({ ok: false, problem: "truncated-json" });
  });

  test("a CSV with unknown headers names the columns it found", () => {
    expect(parseLog("Name,Colour\nJan,blue\n")).toEqual({
      ok: false,
      problem: "csv-unknown-columns",
      found: ["Name", "Colour"],
    });
  });

  test("JSON that is not a log, text that is not a log, an empty file", () => {
    expect(parseLog(JSON.stringify({ users: [{ name: "Jan" }] }))).toMatchObject({ ok: false, problem: "not-a-log" });
    expect(parseLog(JSON.stringify([{ hello: 1 }]))).toMatchObject({ ok: false, problem: "not-a-log" });
    expect(parseLog("just some words\nand more")).toMatchObject({ ok: false, problem: "not-a-log" });
    expect(parseLog("  \n")).toMatchObject({ ok: false, problem: "empty" });
    expect(parseLog("[]")).toMatchObject({ ok: false, problem: "no-entries" });
  });

  test("a file over the cap (200 MB) is refused by its size, before it is read", async () => {
    const text = vi.fn();
    const big = { size: MAX_LOG_BYTES + 1, text } as unknown as Blob;
    await expect(readLog(big, () => {})).resolves.toEqual({ ok: false, problem: "too-big", bytes: MAX_LOG_BYTES + 1 });
    expect(text).not.toHaveBeenCalled();
  });

  test("a 50 MB file of junk is read to a clear reason", async () => {
    const junk = "x".repeat(50 * 1024 * 1024);
    await expect(readLog(junk, () => {})).resolves.toMatchObject({ ok: false, problem: "not-a-log" });
  });
});

describe("the report", () => {
  test("totals by status and action, the time range, failures grouped, unknown codes kept with their reason", () => {
    const entries = [
      graphEntry({
        status: "failure",
        code: `${SCIM}EntryConflict`,
        upn: "jan@contoso.example",
        time: "2025-01-15T10:00:00Z",
      }),
      graphEntry({
        status: "failure",
        code: "ContosoConflict",
        upn: "piet@contoso.example",
        time: "2025-01-14T08:00:00Z",
      }),
      graphEntry({ status: "failure", code: `${SCIM}SomethingNew`, reason: "HTTP 418", upn: "kees@contoso.example" }),
      graphEntry({ status: "skipped", action: "other", skipReason: "NotEffectivelyEntitled", name: "Kees" }),
      graphEntry({ status: "success", action: "update" }),
      graphEntry({ status: "Warning", action: "update" }),
    ];
    const parsed = parseLog(JSON.stringify(entries));
    if (!parsed.ok) throw new Error(parsed.problem);
    const report = reportLog(parsed.entries, provisioningErrors);
    expect(report.byStatus).toEqual({ failure: 3, skipped: 1, warning: 1, success: 1, other: 0 });
    expect(report.byAction).toEqual({ create: 3, other: 1, update: 2 });
    expect(report.range).toEqual({ from: "2025-01-14T08:00:00Z", to: "2025-01-15T10:00:00Z" });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({
      known: { id: "entry-conflict" },
      count: 2,
      raw: [`${SCIM}EntryConflict`, "ContosoConflict"],
      users: [{ upn: "jan@contoso.example" }, { upn: "piet@contoso.example" }],
    });
    expect(report.unknownFailures).toEqual([
      expect.objectContaining({ raw: [`${SCIM}SomethingNew`], reasons: ["HTTP 418"], count: 1 }),
    ]);
    expect(report.skips).toEqual([
      expect.objectContaining({ known: expect.objectContaining({ id: "not-entitled" }), count: 1 }),
    ]);
  });

  test("a failure with no code at all is listed as unknown, not dropped", () => {
    const report = reportLog([{ status: "failure", action: "create" }], provisioningErrors);
    expect(report.unknownFailures).toEqual([expect.objectContaining({ raw: [], count: 1 })]);
  });
});
