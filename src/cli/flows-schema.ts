import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FLOWS_DIR } from "../build/flow-files.ts";
import { flowJsonSchema } from "../build/flow-json-schema.ts";

/** npm run flows:schema — regenerates flows/flow.schema.json from the zod schema. */
const target = join(FLOWS_DIR, "flow.schema.json");
writeFileSync(target, flowJsonSchema());
console.log(`wrote ${target}`);
