/** Synthetic provisioning-log entries (made up, after reference/entra-provisioning.md's examples). */
export function graphEntry(options: {
  status: string;
  code?: string;
  reason?: string;
  action?: string;
  name?: string;
  upn?: string;
  skipReason?: string;
  time?: string;
  recommendedAction?: string;
}) {
  const error =
    options.code === undefined
      ? null
      : {
          errorCode: options.code,
          reason: options.reason ?? "SYNTHETIC",
          additionalDetails: null,
          errorCategory: "nonServiceFailure",
          recommendedAction: options.recommendedAction ?? null,
        };
  return {
    id: `syn-${Math.random()}`,
    activityDateTime: options.time ?? "2025-01-15T09:12:44Z",
    provisioningAction: options.action ?? "create",
    sourceIdentity: { id: "u1", displayName: options.name ?? "Jan", identityType: "User", details: {} },
    provisioningStatusInfo: { status: options.status, errorInformation: error },
    provisioningSteps: [
      {
        name: "EntryExportAdd",
        provisioningStepType: "export",
        status: options.status,
        description: "",
        details: {
          ...(options.upn ? { ReportableIdentifier: options.upn } : {}),
          ...(options.skipReason ? { SkipReason: options.skipReason } : {}),
        },
      },
    ],
    modifiedProperties: [],
  };
}

/** The same entry in the legacy names (provisionOnDemand, older pages). */
export function legacyEntry(options: { status: string; code?: string; upn?: string; name?: string }) {
  return {
    action: "Create",
    statusInfo: { status: options.status, errorCode: options.code, reason: "SYNTHETIC legacy" },
    steps: [
      {
        name: "EntryExportAdd",
        type: "Export",
        status: options.status,
        details: { ReportableIdentifier: options.upn },
      },
    ],
    sourceIdentity: { name: options.name ?? "Piet" },
    sourceSystem: { name: "Azure Active Directory" },
  };
}

export const SCIM = "SystemForCrossDomainIdentityManagement";
