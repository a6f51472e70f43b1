import { z } from "zod";
import { FLOW_FORMAT_VERSION, FlowSchema } from "../engine/schema.ts";

/** The JSON Schema editors use to validate flow files while they are typed: the current format only. */
export function flowJsonSchema(): string {
  const schema = z.toJSONSchema(FlowSchema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: `SCIM Troubleshooter flow (format v${FLOW_FORMAT_VERSION})` }, null, 2)}\n`;
}
