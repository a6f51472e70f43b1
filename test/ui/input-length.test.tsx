import { screen } from "@testing-library/react";
import { MAX_INPUT_LENGTH } from "../../src/engine/input-pattern.ts";
import { renderApp } from "./render-app.tsx";

beforeEach(() => sessionStorage.clear());

/** Issue 12 point 3: the input form never hands a pattern more than an answer can be. */
describe.each([true, false])("an input step's length bound (StrictMode: %s)", (strict) => {
  test("takes no more than the longest answer, however much is pasted", async () => {
    const { user } = renderApp("/flows/error-500", { strict });
    await user.click(await screen.findByRole("button", { name: "Done, next step" }));
    const field = await screen.findByRole("textbox", { name: "The user's e-mail address" });
    await user.click(field);
    await user.paste(`megan@${"contoso".repeat(100)}.example`);
    expect((field as HTMLInputElement).value).toHaveLength(MAX_INPUT_LENGTH);
  });
});
