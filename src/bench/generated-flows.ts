import { stringify } from "yaml";

/**
 * Synthetic flows for the benchmark: `steps` steps mixing every kind, each
 * step leading forward so that every flow is valid and fully reachable.
 */
export function generatedFlowYaml(index: number, steps: number): string {
  const id = (i: number) => `s${i}`;
  const body = [];
  for (let i = 0; i < steps - 2; i++) {
    const next = id(i + 1);
    const skip = id(Math.min(i + 2, steps - 2));
    const kind = i % 5;
    const base = {
      id: id(i),
      title: `Step ${i} of flow ${index}`,
      body: `Go to **Settings > Users & groups** (${i}).`,
    };
    if (kind === 0)
      body.push({ ...base, kind: "instruction", where: "workspace", substeps: ["Click **Done**."], next });
    else if (kind === 1)
      body.push({
        ...base,
        kind: "question",
        choices: [
          { id: "a", label: "A", next },
          { id: "b", label: "B", next: skip },
        ],
      });
    else if (kind === 2)
      body.push({
        ...base,
        kind: "input",
        name: `v${i}`,
        label: "UPN",
        pattern: "[^@\\s]+@[^@\\s]+",
        patternHint: "An address",
        example: "a@b.c",
        shareable: false,
        next,
      });
    else if (kind === 3)
      body.push({
        ...base,
        kind: "check",
        check: "user-state",
        params: { userName: `v${i - 1}` },
        outcomes: { active: next },
        otherwise: skip,
        manual: { label: "By hand", next },
      });
    else body.push({ ...base, kind: "instruction", where: "entra", next });
  }
  body.push({ id: id(steps - 2), title: "Done", kind: "outcome", result: "resolved", body: "All good." });
  body.push({ id: id(steps - 1), title: "Unused", kind: "outcome", result: "escalate" });
  // Make the last outcome reachable too.
  (body[0] as { next?: string }).next = id(1);
  (body[1] as { choices?: { next: string }[] }).choices = [
    { id: "a", label: "A", next: id(2) } as never,
    { id: "b", label: "B", next: id(steps - 1) } as never,
  ];
  return stringify({
    version: 1,
    id: `generated-${index}`,
    title: `Generated ${index}`,
    summary: "Benchmark flow.",
    symptoms: ["bench"],
    steps: body,
  });
}
