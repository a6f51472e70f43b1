/**
 * Lookups by the values an admin types: a user's state by userName, a UPN
 * collision by e-mail, a leftover group by display name. Answers are re-checked
 * here, because a server that ignores the filter returns everyone and would
 * otherwise look like a hit.
 */
import { expectList } from "./classify.ts";
import type { CheckContext, CheckImpl } from "./context.ts";
import { expectFilteredList } from "./filter-or-path.ts";
import { CASE_SENSITIVE_ADVICE } from "./messages.ts";
import { groupByName, userByName, usersByMail } from "./scim-urls.ts";
import type { Evidence } from "./types.ts";

const same = (a: unknown, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();

function param<P extends string>(params: Readonly<Partial<Record<P, string>>>, name: P): string {
  return (params[name] ?? "").trim();
}

const IGNORED_FILTER = {
  outcome: "bad-filter" as const,
  explanation:
    "The endpoint returned entries that do not match the filter, so it ignored the filter: the answer is inconclusive.",
};

type Hit = Record<string, unknown>;

/** Entra writes the string "False" without the aadOptscim062020 flag, so strings count too. */
const isInactive = (user: Hit) => user.active === false || same(user.active, "false");

/**
 * SCIM's userName is case-insensitive (caseExact false), but some servers compare it exactly. When
 * the name as typed finds nobody and has upper-case letters, it is asked once more in lower case.
 */
async function underOtherCase(ctx: CheckContext<"user-state">, userName: string, evidence: Evidence[]) {
  const lower = userName.toLowerCase();
  if (lower === userName) return undefined;
  const again = await ctx.send(userByName(ctx.base, lower));
  again.evidence.note = "Asked once more with the user name in lower case: SCIM matches userName case-insensitively.";
  evidence.push(again.evidence);
  const r = expectList(again);
  if ("failure" in r) return undefined;
  const hits = r.list.resources.filter((u) => same(u.userName, userName));
  return hits.length === r.list.resources.length && hits.length > 0 ? hits : undefined;
}

export const userState: CheckImpl<"user-state"> = {
  plan: (base, params) => [{ method: "GET", url: userByName(base, param(params, "userName")), key: "token" }],
  async run(ctx) {
    const userName = param(ctx.params, "userName");
    const ex = await ctx.send(userByName(ctx.base, userName));
    const evidence = [ex.evidence];
    const r = await expectFilteredList(ctx, ex, evidence);
    if ("failure" in r) return { ...r.failure, evidence };
    const hits = r.list.resources.filter((u) => same(u.userName, userName));
    if (hits.length < r.list.resources.length) return { ...IGNORED_FILTER, evidence };
    if (hits.length === 0) {
      const other = await underOtherCase(ctx, userName, evidence);
      if (other?.length === 1) {
        const found = String(other[0].userName);
        const state = isInactive(other[0]) ? "inactive" : "active";
        const said = state === "inactive" ? "exists with active: false (soft-deleted)" : "exists and is active";
        return {
          outcome: state,
          explanation: `No user matched userName ${userName} as typed, but ${found} ${said}: the server compares userName case-sensitively, while SCIM makes userName case-insensitive, so Entra's matching misses this user.`,
          advice: CASE_SENSITIVE_ADVICE,
          evidence,
        };
      }
      if (other) {
        return {
          outcome: "duplicate",
          explanation: `${other.length} users have userName ${userName} in another case, and the server compares userName case-sensitively.`,
          evidence,
        };
      }
      return { outcome: "absent", explanation: `No user with userName ${userName} in the workspace.`, evidence };
    }
    if (hits.length > 1) {
      return { outcome: "duplicate", explanation: `${hits.length} users have userName ${userName}.`, evidence };
    }
    if (isInactive(hits[0])) {
      return { outcome: "inactive", explanation: `${userName} exists with active: false (soft-deleted).`, evidence };
    }
    const note = hits[0].active === undefined ? " (no active attribute, which SCIM reads as active)" : "";
    return { outcome: "active", explanation: `${userName} exists and is active${note}.`, evidence };
  },
};

function holdsMail(user: Record<string, unknown>, mail: string): boolean {
  // A server that leaves emails out of its answer is trusted to have applied the filter.
  if (!Array.isArray(user.emails)) return true;
  return user.emails.some((e) => typeof e === "object" && e !== null && same((e as { value?: unknown }).value, mail));
}

export const upnCollision: CheckImpl<"upn-collision"> = {
  plan: (base, params) => [{ method: "GET", url: usersByMail(base, param(params, "mail")), key: "token" }],
  async run(ctx) {
    const mail = param(ctx.params, "mail");
    const upn = param(ctx.params, "upn");
    let ex = await ctx.send(usersByMail(ctx.base, mail));
    const evidence = [ex.evidence];
    if (ex.kind === "response" && ex.status === 400) {
      ex.evidence.note = 'Rejected Entra\'s emails[type eq "work"] form; retried with emails.value.';
      ex = await ctx.send(usersByMail(ctx.base, mail, true));
      evidence.push(ex.evidence);
    }
    const r = await expectFilteredList(ctx, ex, evidence);
    if ("failure" in r) return { ...r.failure, evidence };
    const holders = r.list.resources.filter((u) => holdsMail(u, mail));
    if (holders.length < r.list.resources.length) return { ...IGNORED_FILTER, evidence };
    const others = holders.filter((u) => !same(u.userName, upn));
    if (others.length > 0) {
      const names = others.map((u) => String(u.userName ?? "(no userName)")).join(", ");
      return {
        outcome: "upn-mismatch",
        explanation: `The workspace holds ${mail} under userName ${names}, but the UPN in Entra is ${upn}: creating the user will collide.`,
        evidence,
      };
    }
    const explanation = holders.length
      ? `${mail} belongs to userName ${upn}, the same as the UPN: Entra will match it.`
      : `Nobody in the workspace has ${mail} yet: Entra will create the user without a collision.`;
    return { outcome: "pass", explanation, evidence };
  },
};

export const groupLeftover: CheckImpl<"group-leftover"> = {
  plan: (base, params) => [{ method: "GET", url: groupByName(base, param(params, "groupName")), key: "token" }],
  async run(ctx) {
    const name = param(ctx.params, "groupName");
    const ex = await ctx.send(groupByName(ctx.base, name));
    const evidence = [ex.evidence];
    const r = await expectFilteredList(ctx, ex, evidence);
    if ("failure" in r) return { ...r.failure, evidence };
    const hits = r.list.resources.filter((g) => same(g.displayName, name));
    if (hits.length < r.list.resources.length) return { ...IGNORED_FILTER, evidence };
    if (hits.length > 0) {
      return { outcome: "present", explanation: `The group ${name} is still in the workspace.`, evidence };
    }
    return { outcome: "pass", explanation: `No group named ${name} in the workspace.`, evidence };
  },
};
