/** A problem found in a flow file; `step` is set whenever one step is to blame. */
export interface FlowIssue {
  file: string;
  step?: string;
  rule: string;
  message: string;
}

export function formatIssue(issue: FlowIssue): string {
  const where = issue.step ? `${issue.file}: step "${issue.step}"` : issue.file;
  return `${where}: ${issue.message}`;
}
