// SurveyJS rendering one question with two answers, as a troubleshooting step would.
import { createRoot } from "react-dom/client";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";

const model = new Model({
  elements: [{ type: "radiogroup", name: "tested", title: "Did the test succeed?", choices: ["Yes", "No"] }],
});
createRoot(document.getElementById("root")).render(<Survey model={model} />);
