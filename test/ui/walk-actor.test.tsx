import { flows } from "virtual:flows";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import { compileFlow } from "../../src/engine/compile.ts";
import { currentStepId, initialSnapshot } from "../../src/engine/session.ts";
import { useWalk, useWalkActor, WalkActorProvider } from "../../src/ui/walk/walk-actor.tsx";

const flow = flows.find((f) => f.id === "error-500");
if (!flow) throw new Error("no error-500 flow");
const machine = compileFlow(flow, { checks: CHECK_CATALOG });
const noRunner = () => Promise.reject(new Error("not used"));

function Probe() {
  const step = useWalk(currentStepId);
  const { send } = useWalkActor();
  return (
    <button type="button" onClick={() => send({ type: "step.next" })}>
      {step}
    </button>
  );
}

describe.each([true, false])("the walk's actor (StrictMode: %s)", (strict) => {
  const wrap = (node: React.ReactNode) => (strict ? <StrictMode>{node}</StrictMode> : node);

  test("moves on through @xstate/react and records the decision in the machine", async () => {
    render(
      wrap(
        <WalkActorProvider machine={machine} snapshot={initialSnapshot(machine)} runner={noRunner}>
          <Probe />
        </WalkActorProvider>,
      ),
    );
    await userEvent.click(screen.getByRole("button", { name: "about" }));
    expect(await screen.findByRole("button", { name: "user-mail" })).toBeInTheDocument();
  });

  test("an actor that errors reaches the error boundary instead of being swallowed", async () => {
    const broken = machine.provide({
      actions: {
        record: () => {
          throw new Error("a broken action");
        },
      },
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      wrap(
        <ErrorBoundary fallbackRender={({ error }) => <p role="alert">{(error as Error).message}</p>}>
          <WalkActorProvider machine={broken} snapshot={initialSnapshot(broken)} runner={noRunner}>
            <Probe />
          </WalkActorProvider>
        </ErrorBoundary>,
      ),
    );
    await userEvent.click(screen.getByRole("button", { name: "about" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("a broken action");
  });
});
