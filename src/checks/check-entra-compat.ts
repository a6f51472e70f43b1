/**
 * The Entra compatibility run (issue 11 point 10): Entra's own create, find, soft
 * delete, update and delete replayed against a throwaway test user. A server that
 * refuses Entra's soft-delete PATCH leaves users active in the workspace, and no
 * read-only check can see that. The test user is deleted at the end whatever
 * happened before; when that fails, the verdict names the user to delete by hand.
 */

import type { OutcomeOf } from "./catalog.ts";
import { requestFailure } from "./classify.ts";
import type { CheckContext, CheckImpl, Verdict } from "./context.ts";
import {
  COMPLIANT_SOFT_DELETE,
  displayNamePatch,
  ENTRA_SOFT_DELETE,
  entraCreateBody,
  TEST_USER_PATTERN,
  testUserName,
} from "./entra-requests.ts";
import { expectFilteredList } from "./filter-or-path.ts";
import { ENTRA_COMPAT_ADVICE, wording } from "./messages.ts";
import { pathOf, resourceUrl, userById, userByName } from "./scim-urls.ts";
import type { Evidence } from "./types.ts";
import { detailOf, is2xx, judgeWrite, label } from "./write-steps.ts";

type Outcome = OutcomeOf<"entra-compat">;
type Ctx = CheckContext<"entra-compat">;

interface Run {
  userName: string;
  /** The server's id for the test user, once known: from the POST's answer or from the filter. */
  id?: string;
  /** The DELETE was sent (answered or not), so cleanup does not send a second one. */
  deleteSent?: boolean;
  /** The create may have happened without an answer saying so (a timeout, a 5xx). */
  createUnknown?: boolean;
}

const idOf = (json: unknown): string | undefined => {
  const id = (json as { id?: unknown } | undefined)?.id;
  return typeof id === "string" && id ? id : undefined;
};

/** SCIM reads a missing `active` as true; Entra-friendly servers may also store its string "False". */
function activeOf(json: unknown): "true" | "false" | "string-false" | "absent" {
  const active = (json as { active?: unknown } | undefined)?.active;
  if (active === false) return "false";
  if (typeof active === "string" && active.toLowerCase() === "false") return "string-false";
  return active === undefined ? "absent" : "true";
}

async function replay(ctx: Ctx, run: Run, evidence: Evidence[]): Promise<Verdict<Outcome>> {
  const { userName } = run;
  const withEvidence = <V extends Omit<Verdict<Outcome>, "evidence">>(v: V) => ({ ...v, evidence });

  // 1. Create, with the body Entra sends for a new user. Until a clear refusal says otherwise
  // (a 4xx), the user may exist: a cancel, a cut-off or unreadable 2xx leaves that open.
  run.createUnknown = true;
  const created = label(
    await ctx.write("POST", resourceUrl(ctx.base, "Users"), entraCreateBody(userName)),
    "Step 1: create the test user with Entra's POST body.",
  );
  evidence.push(created.evidence);
  const createFailure = judgeWrite(created, "create-failed", "Entra's create (POST /Users)");
  const status = created.kind === "response" ? created.status : undefined;
  run.createUnknown = !(status !== undefined && status >= 400 && status < 500);
  if (createFailure) return withEvidence(createFailure);
  const posted = created.kind === "response" ? created.json : undefined;
  run.id = idOf(posted);

  // 2. Find it the way Entra matches users: by userName.
  const found = label(await ctx.send(userByName(ctx.base, userName)), "Step 2: find it by userName, as Entra matches.");
  evidence.push(found.evidence);
  const listed = await expectFilteredList(ctx, found, evidence);
  if ("failure" in listed) return withEvidence(listed.failure);
  const hits = listed.list.resources.filter((u) => String(u.userName).toLowerCase() === userName.toLowerCase());
  run.id ??= idOf(hits[0]);
  if (!idOf(posted)) {
    const why =
      posted === undefined
        ? `${created.kind === "response" ? created.status : ""} without a JSON body`
        : "without an id in the user it returned";
    return withEvidence({
      outcome: "create-failed",
      explanation: `Entra's create was answered ${why}: Entra keeps the id from that answer to update and delete the user later, so it could not manage this user.`,
    });
  }
  if (hits.length === 0) {
    return withEvidence({
      outcome: "not-found-after-create",
      explanation: `The user was created (id ${run.id}), but the filter userName eq "${userName}" does not find it: Entra would not match it and would try to create it again on every cycle.`,
    });
  }
  const one = userById(ctx.base, run.id ?? "");

  // 3. Entra's soft delete without the aadOptscim062020 flag, then 4. the compliant form.
  const strict = label(
    await ctx.write("PATCH", one, ENTRA_SOFT_DELETE),
    'Step 3: Entra\'s soft delete ("op":"Replace", "value":"False").',
  );
  evidence.push(strict.evidence);
  const strictFailure = judgeWrite(strict, "soft-delete-rejected", "Entra's soft delete", {
    notFoundIsOwn: true,
    serverErrorIsOwn: true,
  });
  if (strictFailure && strictFailure.outcome !== "soft-delete-rejected") return withEvidence(strictFailure);
  const ignored = !strictFailure && strict.kind === "response" && activeOf(strict.json) === "true";
  const compliant = label(
    await ctx.write("PATCH", one, COMPLIANT_SOFT_DELETE),
    'Step 4: the compliant soft delete ("op":"replace", "value":false).',
  );
  evidence.push(compliant.evidence);
  const compliantFailure = judgeWrite(compliant, "patch-failed", "The compliant soft delete", { notFoundIsOwn: true });
  if (compliantFailure && compliantFailure.outcome !== "patch-failed") return withEvidence(compliantFailure);
  if (strictFailure || ignored) {
    const what = strictFailure
      ? strictFailure.explanation
      : `Entra's soft delete was answered ${strict.kind === "response" ? strict.status : ""}, but the user it returned is still active: true`;
    const then = compliantFailure
      ? ` The compliant form was refused too${detailOf(compliant)}, so the flag would not help.`
      : " The compliant form was accepted.";
    return withEvidence({
      outcome: "soft-delete-rejected",
      explanation: `${what.replace(/\.$/, "")}: when a user is unassigned or disabled in Entra, it stays active in the workspace.${then}`,
      advice: compliantFailure ? ENTRA_COMPAT_ADVICE.vendorOnly : ENTRA_COMPAT_ADVICE.flagOrVendor,
    });
  }
  if (compliantFailure) return withEvidence(compliantFailure);

  // 5. Read it back: a soft-deleted user must still be there, with active false.
  const read = label(await ctx.send(one), "Step 5: read the user back.");
  evidence.push(read.evidence);
  if (read.kind === "response" && read.status === 404) {
    return withEvidence({
      outcome: "not-found-after-create",
      explanation: `GET /Users/${run.id} answered 404 after the soft delete: a soft-deleted user must stay readable (active false), so it can be restored.`,
    });
  }
  const readFailure = requestFailure(read, false);
  if (readFailure) return withEvidence(readFailure);
  const state = activeOf(read.kind === "response" ? read.json : undefined);
  if (state === "true" || state === "absent") {
    return withEvidence({
      outcome: "patch-failed",
      explanation: `Both soft-delete PATCHes were accepted, but the user reads back ${state === "true" ? "active: true" : "without active (SCIM reads that as true)"}: a soft delete in Entra would leave the user active.`,
    });
  }

  // 6. An attribute update, as when a name changes in Entra.
  const renamed = label(
    await ctx.write("PATCH", one, displayNamePatch("SCIM Troubleshooter test user (renamed)")),
    "Step 6: update an attribute (displayName).",
  );
  evidence.push(renamed.evidence);
  const renameFailure = judgeWrite(renamed, "patch-failed", "The displayName update", { notFoundIsOwn: true });
  if (renameFailure) return withEvidence(renameFailure);

  // 7. Entra's hard delete, then 8. it must be gone.
  run.deleteSent = true;
  const deleted = label(await ctx.write("DELETE", one), "Step 7: delete the user, as Entra's hard delete does.");
  evidence.push(deleted.evidence);
  const deleteFailure = judgeWrite(deleted, "delete-failed", "Entra's delete", {
    notFoundIsOwn: true,
    serverErrorIsOwn: true,
  });
  if (deleteFailure)
    return withEvidence({ ...deleteFailure, explanation: `${deleteFailure.explanation} ${byHand(run)}` });
  const gone = label(await ctx.send(one), "Step 8: confirm it is gone.");
  evidence.push(gone.evidence);
  if (gone.kind === "response" && gone.status === 404) {
    return withEvidence({
      outcome: "pass",
      explanation: `Entra's whole sequence worked on the test user ${userName}: created, found by userName, soft-deleted with Entra's own PATCH and the compliant one (read back active false${state === "string-false" ? ', stored as the string "False"' : ""}), updated, deleted, and gone (404).`,
    });
  }
  if (gone.kind === "response" && is2xx(gone)) {
    return withEvidence({
      outcome: "delete-failed",
      explanation: `DELETE was answered ${deleted.kind === "response" ? deleted.status : ""}, but the user can still be read (${gone.status}): a user deleted permanently in Entra stays in the workspace. ${byHand(run)}`,
    });
  }
  return withEvidence(
    requestFailure(gone, false) ?? {
      outcome: "delete-failed",
      explanation: `After the DELETE, GET /Users/${run.id} answered ${gone.kind === "response" ? gone.status : "nothing"}, not 404. ${byHand(run)}`,
    },
  );
}

const byHand = (run: Run) =>
  `Delete the test user ${run.userName}${run.id ? ` (id ${run.id})` : ""} by hand in the workspace.`;

/** Deletes the test user when the sequence stopped before its own DELETE; says what is left for the admin. */
async function cleanUp(ctx: Ctx, run: Run, evidence: Evidence[]): Promise<string | undefined> {
  if (run.deleteSent) return undefined;
  if (!run.id) {
    return run.createUnknown
      ? `The create got no clear answer, so the server may have created the test user anyway: look for ${run.userName} in the workspace and delete it by hand.`
      : undefined;
  }
  const deleted = label(
    await ctx.write("DELETE", userById(ctx.base, run.id), undefined, { cleanup: true }),
    "Cleanup: delete the test user.",
  );
  evidence.push(deleted.evidence);
  if (is2xx(deleted) || (deleted.kind === "response" && deleted.status === 404))
    return "The test user was deleted again.";
  return `Cleanup failed: the DELETE got ${deleted.kind === "response" ? deleted.status : deleted.kind}${detailOf(deleted)}. ${byHand(run)}`;
}

export const entraCompat: CheckImpl<"entra-compat"> = {
  plan(base) {
    const users = resourceUrl(base, "Users");
    const one = `${pathOf(users)}/{id}`;
    const byName = `${pathOf(users)}?filter=userName eq "${TEST_USER_PATTERN}"`;
    return [
      { method: "POST", url: users, key: "token" },
      { method: "GET", url: userByName(base, TEST_USER_PATTERN), key: "token", shownPath: byName },
      ...(["PATCH", "PATCH", "GET", "PATCH", "DELETE", "GET"] as const).map((method) => ({
        method,
        url: users,
        key: "token" as const,
        shownPath: one,
      })),
    ];
  },
  async run(ctx) {
    const run: Run = { userName: testUserName() };
    const evidence: Evidence[] = [];
    let verdict: Verdict<Outcome>;
    let cleanup: string | undefined;
    try {
      verdict = await replay(ctx, run, evidence);
    } finally {
      // Also after a cancel or any throw: the check never leaves its user behind when it can help it.
      cleanup = await cleanUp(ctx, run, evidence);
    }
    if (!cleanup) return verdict;
    const failed = cleanup.startsWith("Cleanup failed") || cleanup.includes("by hand");
    const advice = verdict.advice ?? wording("entra-compat", verdict.outcome).advice;
    return {
      ...verdict,
      explanation: `${verdict.explanation} ${cleanup}`,
      ...(failed && { advice: `${advice} ${cleanup}` }),
    };
  },
};
