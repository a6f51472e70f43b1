import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FLOWS_DIR, flowFilesIn } from "../../src/build/flow-files.ts";
import { flowJsonSchema } from "../../src/build/flow-json-schema.ts";

describe("the editor JSON Schema", () => {
  test("flows/flow.schema.json is generated from the zod schema (run npm run flows:schema after a change)", () => {
    expect(readFileSync(join(FLOWS_DIR, "flow.schema.json"), "utf8")).toBe(flowJsonSchema());
  });

  test.each(flowFilesIn(FLOWS_DIR))("%s points editors at it", (file) => {
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=./flow.schema.json");
  });
});
