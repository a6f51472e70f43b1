import { describe, expect, test } from "vitest";
import { checkGraphRoot, GRAPH_CLOUD_ROOTS } from "../../src/checks/graph-root.ts";
import { GRAPH_ROOT } from "../../src/checks/types.ts";

describe("a Graph token goes only to a Microsoft Graph root or to loopback", () => {
  test.each([...GRAPH_CLOUD_ROOTS, `${GRAPH_ROOT}/`, ` ${GRAPH_ROOT} `])("%s is a Graph root", (typed) => {
    expect(checkGraphRoot(typed)).toEqual({ ok: true, root: typed.trim().replace(/\/+$/, "") });
  });

  test.each(["http://127.0.0.1:4567/graph/v1.0", "http://localhost:8080/v1.0", "http://[::1]:9000/graph/v1.0"])(
    "%s is a local stand-in",
    (typed) => {
      expect(checkGraphRoot(typed).ok).toBe(true);
    },
  );

  test.each([
    ["https://graph.microsoft.com.evil.example/v1.0", "a look-alike host"],
    ["http://graph.microsoft.com/v1.0", "plain http to Microsoft"],
    ["https://graph.microsoft.com/beta", "another version"],
    ["https://evil.example/graph/v1.0", "any other host"],
    ["http://127.0.0.1.evil.example/v1.0", "a host that starts like loopback"],
    ["http://user:pass@127.0.0.1/v1.0", "credentials in the address"],
    ["http://127.0.0.1:1/v1.0?x=1", "a query"],
    ["ftp://127.0.0.1/v1.0", "another scheme"],
    ["graph.microsoft.com", "no scheme"],
    ["", "nothing"],
  ])("%s is refused (%s)", (typed) => {
    const checked = checkGraphRoot(typed);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(/Graph root|absolute/);
  });
});
