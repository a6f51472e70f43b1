// @vitest-environment node
/**
 * The checks against SCIMMY 1.3.5 served by scimmy-routers 1.3.2 on Express 5,
 * a SCIM server this team did not write. The app behind it is the smallest one
 * SCIMMY's README describes: egress handlers over an in-memory list, filtered
 * with SCIMMY's own Filter.match (plus ingress and degress handlers, so the Entra
 * compatibility run can create and delete its test user). Three mounts share that data and differ only
 * in the auth handler: strict (one key), rotating (old and new key both
 * accepted) and open (any key, a handler that forgot to check).
 */
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";
import { main } from "../../src/cli/doctor.ts";
import { OLD_TOKEN, TOKEN, WRONG_TOKEN } from "./helpers.ts";
import { check, expectReal, PEOPLE, type Running, serveOnLoopback } from "./real-servers.ts";

type Row = { id: string } & Record<string, unknown>;
const users: Row[] = [
  {
    id: "u1",
    userName: PEOPLE.active,
    active: true,
    name: { givenName: "Adele", familyName: "Vance" },
    emails: [{ type: "work", value: "adele.vance@contoso.example", primary: true }],
  },
  {
    id: "u2",
    userName: PEOPLE.softDeleted,
    active: false,
    name: { givenName: "Lee", familyName: "Gu" },
    emails: [{ type: "work", value: PEOPLE.softDeleted, primary: true }],
  },
  // megan.bowen is deliberately missing: hard-deleted, SCIMMY's degress removed the row.
  {
    id: "u4",
    userName: PEOPLE.clashHolder,
    active: true,
    name: { givenName: "New", familyName: "Hire" },
    emails: [{ type: "work", value: PEOPLE.clashMail, primary: true }],
  },
];
const groups: Row[] = [{ id: "g1", displayName: PEOPLE.leftoverGroup, members: [] }];

/**
 * What an app hands SCIMMY for a read: one row by id, or the rows the filter matches.
 * V is SCIMMY's type for the resource; the rows are plain objects, as an app's store would hold them.
 */
function egressFrom<V>(rows: Row[]) {
  return (resource: { id?: string; filter?: { match(values: object[]): object[] } }): V | V[] => {
    if (resource.id) {
      const row = rows.find((r) => r.id === resource.id);
      // SCIMMY turns an error that is not its own into 404 Resource not found.
      if (!row) throw new Error(`no ${resource.id}`);
      return row as V;
    }
    return (resource.filter ? resource.filter.match(rows) : rows) as V[];
  };
}

/** Create (no id) or replace (an id) a row, as an app's store would: for the Entra compatibility run. */
function ingressTo(rows: Row[]) {
  let next = 100;
  return (resource: { id?: string }, instance: object) => {
    const id = resource.id ?? `u${next++}`;
    const row = { ...JSON.parse(JSON.stringify(instance)), id } as Row;
    const at = rows.findIndex((r) => r.id === id);
    if (at >= 0) rows[at] = row;
    else rows.push(row);
    return row as never;
  };
}

function degressFrom(rows: Row[]) {
  return (resource: { id?: string }) => {
    const at = rows.findIndex((r) => r.id === resource.id);
    if (at < 0) throw new Error(`no ${resource.id}`);
    rows.splice(at, 1);
  };
}

SCIMMY.Resources.declare(SCIMMY.Resources.User)
  .egress(egressFrom<SCIMMY.Schemas.User>(users))
  .ingress(ingressTo(users))
  .degress(degressFrom(users));
SCIMMY.Resources.declare(SCIMMY.Resources.Group).egress(egressFrom<SCIMMY.Schemas.Group>(groups));

function bearerHandler(accepted: string[] | "any") {
  return (req: express.Request) => {
    const header = req.header("Authorization") ?? "";
    if (accepted === "any" || accepted.some((key) => header === `Bearer ${key}`)) return "entra";
    throw new Error("Invalid bearer token");
  };
}

/** Failed logins at the locking mount; from the third on it answers nothing at all, as brute-force protection does. */
let failedLogins = 0;
const LOCK_AFTER = 3;
const lockout: express.RequestHandler = (req, _res, next) => {
  if (failedLogins >= LOCK_AFTER) return;
  if (req.header("Authorization") !== `Bearer ${TOKEN}`) failedLogins++;
  next();
};

let running: Running;
let locking: string;
let strict: string;
let rotating: string;
let open: string;

beforeAll(async () => {
  const app = express();
  app.use("/scim/v2", new SCIMMYRouters({ type: "bearer", handler: bearerHandler([TOKEN]) }));
  app.use("/rotating/scim/v2", new SCIMMYRouters({ type: "bearer", handler: bearerHandler([TOKEN, OLD_TOKEN]) }));
  app.use("/open/scim/v2", new SCIMMYRouters({ type: "bearer", handler: bearerHandler("any") }));
  app.use("/locking/scim/v2", lockout, new SCIMMYRouters({ type: "bearer", handler: bearerHandler([TOKEN]) }));
  running = await serveOnLoopback(app);
  strict = `${running.origin}/scim/v2`;
  rotating = `${running.origin}/rotating/scim/v2`;
  open = `${running.origin}/open/scim/v2`;
  locking = `${running.origin}/locking/scim/v2`;
});
afterAll(() => running.close());

const at = (baseUrl: string, token = TOKEN) => ({ baseUrl, token, previousToken: OLD_TOKEN });

describe("brute-force protection (issue 11 point 1)", () => {
  it("four default doctor runs in a row with the right key never trip a lockout after 3 failed logins", async () => {
    for (let run = 1; run <= 4; run++) {
      let out = "";
      await main(["--url", locking, "--json", "--timeout-ms", "2000"], {
        env: { SCIM_TOKEN: TOKEN },
        out: (text) => {
          out += text;
        },
        err: () => {},
      });
      const outcomes = (JSON.parse(out) as { checks: { id: string; outcome: string }[] }).checks.map(
        (c) => `${c.id}:${c.outcome}`,
      );
      expect(
        outcomes.filter((o) => o.endsWith(":timeout")),
        `run ${run}`,
      ).toEqual([]);
      expect(outcomes).toContain("test-connection:pass");
    }
    expect(failedLogins).toBeLessThan(LOCK_AFTER);
  });
});

describe("the key", () => {
  it("right key → discovery, test-connection, groups-probe, auth-enforced and key-rotation pass", async () => {
    for (const name of ["discovery", "test-connection", "groups-probe", "auth-enforced", "key-rotation"]) {
      expectReal(await check(name, at(strict)), "pass");
    }
  });

  it("wrong key → unauthorized on both probes", async () => {
    expectReal(await check("test-connection", at(strict, WRONG_TOKEN)), "unauthorized");
    expectReal(await check("groups-probe", at(strict, WRONG_TOKEN)), "unauthorized");
  });

  it("wrong key on discovery → pass: SCIMMY guards ServiceProviderConfig too, and a 401 there is informational", async () => {
    const result = expectReal(await check("discovery", at(strict, WRONG_TOKEN)), "pass");
    expect(result.evidence[0].status).toBe(401);
  });

  it("an auth handler that accepts any key → auth-not-enforced", async () => {
    expectReal(await check("auth-enforced", at(open)), "auth-not-enforced");
  });

  it("old key still accepted after rotation → old-key-still-valid", async () => {
    expectReal(await check("key-rotation", at(rotating)), "old-key-still-valid");
  });
});

describe("the Tenant URL", () => {
  // Outside the mount Express answers its own HTML 404; inside, scimmy-routers answers a SCIM 404.
  it.each([
    ["a wrong version segment (Express's HTML 404)", "/scim/v3"],
    ["an extra segment under the mount (SCIM error 404)", "/scim/v2/contoso"],
    ["the mount's parent", "/scim"],
  ])("%s → not-found", async (_label, path) => {
    for (const name of ["discovery", "test-connection", "groups-probe"]) {
      expectReal(await check(name, at(`${running.origin}${path}`)), "not-found");
    }
  });
});

// scimmy-routers runs the auth handler before routing: under the mount a wrong key hides a wrong path.
it("wrong key on a wrong segment under the mount → unauthorized, not not-found", async () => {
  const result = expectReal(await check("test-connection", at(`${strict}/contoso`, WRONG_TOKEN)), "unauthorized");
  expect(result.evidence[0].status).toBe(401);
});

describe("users and groups", () => {
  it("active user → active, soft-deleted (active false) → inactive, deleted → absent", async () => {
    expectReal(await check("user-state", at(strict), { userName: PEOPLE.active }), "active");
    expectReal(await check("user-state", at(strict), { userName: PEOPLE.softDeleted }), "inactive");
    expectReal(await check("user-state", at(strict), { userName: PEOPLE.hardDeleted }), "absent");
  });

  it("the new hire's e-mail under another userName → upn-mismatch; an unused e-mail → pass", async () => {
    const clash = await check("upn-collision", at(strict), { mail: PEOPLE.clashMail, upn: PEOPLE.clashUpn });
    expectReal(clash, "upn-mismatch");
    // SCIMMY evaluates Entra's emails[type eq "work"].value form itself: no fallback request.
    expect(clash.evidence).toHaveLength(1);
    expectReal(await check("upn-collision", at(strict), { mail: PEOPLE.nobodyMail, upn: PEOPLE.nobodyMail }), "pass");
  });

  // A user with no emails at all (a hand-made service account, say) makes SCIMMY's Filter.match
  // throw a TypeError on every emails filter, which SCIMMY turns into 400 invalidValue. Both of the
  // check's forms get it; the same resource without a filter answers a list (so the path is right,
  // issue 11 point 2), and the collision cannot be judged: bad-filter, whose advice says so.
  it("one stored user without emails → 400 invalidValue on both e-mail filters → bad-filter (inconclusive)", async () => {
    users.push({ id: "u9", userName: "svc.printer@contoso.example", active: true });
    try {
      const result = await check("upn-collision", at(strict), { mail: PEOPLE.clashMail, upn: PEOPLE.clashUpn });
      expectReal(result, "bad-filter");
      expect(result.evidence.map((e) => [e.status, e.scimType])).toEqual([
        [400, "invalidValue"],
        [400, "invalidValue"],
        [200, undefined],
      ]);
      expect(result.advice).toMatch(/^Inconclusive/);
    } finally {
      users.pop();
    }
  });

  it("leftover group → present; a group that was deleted → pass", async () => {
    expectReal(await check("group-leftover", at(strict), { groupName: PEOPLE.leftoverGroup }), "present");
    expectReal(await check("group-leftover", at(strict), { groupName: PEOPLE.deletedGroup }), "pass");
  });

  // SCIMMY's Filter.match compares with ===, so "eq" is case-sensitive although RFC 7643 makes
  // userName caseExact: false. Entra's UPN in another case then finds nothing, Entra creates a
  // second user, and the check calls an existing user absent.
  // issue 11 point 9: a correct diagnosis names the user stored under another case. user-state asks
  // again in lower case when the typed name has capitals (the next test); typed in lower case and
  // stored with capitals, it cannot know the stored case without listing users: still a gap.
  it("userName typed with capitals, stored in lower case on this case-sensitive server → found, with why", async () => {
    users.push({ id: "u8", userName: "megan.bowen@contoso.example", active: true });
    try {
      const result = await check("user-state", at(strict), { userName: "Megan.Bowen@contoso.example" });
      expect(result.outcome).toBe("active");
      expect(result.explanation).toMatch(/case/i);
    } finally {
      users.pop();
    }
  });

  it.fails("userName in another case on this case-sensitive server → not absent (issue 11 point 9)", async () => {
    const result = await check("user-state", at(strict), { userName: PEOPLE.active.toLowerCase() });
    expect(result.outcome).not.toBe("absent");
    expect(result.explanation).toContain(PEOPLE.active);
  });
});

// Issue 11 point 10 on a real server: SCIMMY coerces PATCH values by the schema and refuses
// Entra's string "False" for the boolean active, so Entra's soft delete would leave users active.
it('entra-compat → soft-delete-rejected: SCIMMY refuses Entra\'s "False" with 400 invalidValue, accepts the compliant form, and the test user is deleted', async () => {
  const before = users.length;
  const result = expectReal(await check("entra-compat", at(strict)), "soft-delete-rejected");
  expect(result.evidence.map((e) => `${e.method} ${e.status}`)).toEqual([
    "POST 201",
    "GET 200",
    "PATCH 400",
    "PATCH 200",
    "DELETE 204",
  ]);
  expect(result.evidence[2]).toMatchObject({ scimType: "invalidValue", detail: expect.stringMatching(/boolean/) });
  expect(result.advice).toMatch(/aadOptscim062020/);
  expect(result.explanation).toMatch(/test user was deleted again/);
  expect(users).toHaveLength(before);
});
