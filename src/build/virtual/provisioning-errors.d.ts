// Types for `import { provisioningErrors } from "virtual:provisioning-errors"` (tsconfig "paths"); the
// flows plugin (src/build/flows-plugin.ts) produces it from flows/entra/provisioning-errors.yaml.
import type { ProvisioningErrors } from "../../engine/provisioning-errors.ts";

export declare const provisioningErrors: ProvisioningErrors;
