/**
 * The delegated Microsoft Graph permissions the app asks for, all read-only (docs/entra.md says
 * what each allows): the provisioning job, the provisioning logs, and the directory objects both
 * refer to. No `.ReadWrite.` scope: the app never writes to Graph.
 */
export const GRAPH_SCOPES: readonly string[] = [
  "https://graph.microsoft.com/Synchronization.Read.All",
  "https://graph.microsoft.com/AuditLog.Read.All",
  "https://graph.microsoft.com/Directory.Read.All",
];
