import { z } from "zod";
import { FlowSchema } from "../engine/schema.ts";

/** The JSON Schema editors use to validate flow files while they are typed. */
export function flowJsonSchema(): string {
  const schema = z.toJSONSchema(FlowSchema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "SCIM Troubleshooter flow (format v1)" }, null, 2)}\n`;
}
