import { startComparisonSite } from "./src/bench/alternatives.ts";
import { launchBrowser } from "./src/bench/chromium.ts";
import { firstStepTimes } from "./src/bench/first-steps.ts";
import { startStaticServer } from "./src/server/static-server.ts";
const server = await startStaticServer({ root: "./dist", port: 0 });
const site = await startComparisonSite();
const browser = await launchBrowser();
const steps = { first: "Find out what causes Error 500", second: "Which user gets Error 500?" };
const t = await firstStepTimes(browser, [
  { name: "wizard", url: `${server.url}/flows/error-500`, ...steps, wayOn: "Done, next step" },
  { name: "SurveyJS", url: `${site.url}/surveyjs-error-500.html`, ...steps, wayOn: "Next" },
  { name: "plain HTML", url: `${site.url}/floor.html`, ...steps, wayOn: "Done, next step" },
], 2);
console.log(t);
await browser.close(); await server.close(); await site.close();
