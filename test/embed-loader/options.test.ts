import { cleanOptions, embedPath, hostFlowId, isHexColour, parseEmbedQuery } from "../../src/embed-loader/options.ts";

describe("embed options", () => {
  test.each(["#fff", "#FFF", "#0a7c5c", "#0A7C5C"])("%s is a hex colour", (v) => {
    expect(isHexColour(v)).toBe(true);
  });
  test.each(["fff", "#ffff", "#12345", "#ggg", "red", "#fff;background:url(x)", "", null])("%s is not", (v) => {
    expect(isHexColour(v)).toBe(false);
  });

  test("invalid options are dropped, valid ones kept", () => {
    expect(cleanOptions({ accent: "red", theme: "sepia", compact: "yes", start: "Step 1", demo: 1 })).toEqual({});
    expect(cleanOptions({ accent: "#ABC", theme: "dark", compact: true, start: "entra-upn", demo: true })).toEqual({
      accent: "#abc",
      theme: "dark",
      compact: true,
      start: "entra-upn",
      demo: true,
    });
  });

  test("the path names the flow, or the catalogue, with the options as query", () => {
    expect(embedPath("error-500", {})).toBe("/embed/error-500");
    expect(embedPath(undefined, { theme: "auto" })).toBe("/embed?theme=auto");
    expect(embedPath("error-500", { accent: "#0a7c5c", compact: true, start: "compare", demo: true })).toBe(
      "/embed/error-500?accent=%230a7c5c&compact=1&start=compare&demo=1",
    );
  });

  test("a host's flow attribute: empty, catalogue or not an id means the catalogue", () => {
    expect(hostFlowId("error-500")).toBe("error-500");
    for (const v of ["", "catalogue", null, "../admin", "Error 500"]) expect(hostFlowId(v)).toBeUndefined();
  });

  test("the embed route reads back what the loader wrote", () => {
    const options = { accent: "#0a7c5c", theme: "light", compact: true, start: "compare", demo: true } as const;
    expect(parseEmbedQuery(new URL(`https://app.test${embedPath("error-500", options)}`).search)).toEqual(options);
    expect(parseEmbedQuery("accent=0a7c5c&theme=night&compact=true&demo=0")).toEqual({ accent: "#0a7c5c" });
    expect(parseEmbedQuery(new URLSearchParams())).toEqual({});
  });
});
