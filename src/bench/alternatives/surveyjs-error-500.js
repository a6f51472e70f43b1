// The Error 500 procedure (flows/error-500.yaml) as a SurveyJS form, rendered by survey-js-ui
// (SurveyJS's framework-free UI): the same first two steps, with the same titles and texts, and
// SurveyJS's own Next as the way on. `npm run bench` times it beside the prerendered wizard.
import { Model } from "survey-core";
import { renderSurvey } from "survey-js-ui";
import "survey-core/survey-core.min.css";

const survey = {
  showQuestionNumbers: "off",
  pages: [
    {
      name: "about",
      title: "Find out what causes Error 500",
      elements: [
        {
          type: "html",
          name: "about-text",
          html:
            "<p>Error 500 may show up when you first activate SCIM, for a user whose UPN (user principal name) in Microsoft Entra ID (previously called Azure AD) is different from the one in the workspace. Entra then does not recognise the workspace's account as the same person, and creating the user again collides with the account that is already there.</p>" +
            "<p>The fix is to delete the user from the workspace by hand and then sync the user again, so that the workspace gets the UPN from Entra. Deleting is permanent, so first make sure that a different UPN really is the cause.</p>",
        },
      ],
    },
    {
      name: "user-mail",
      title: "Which user gets Error 500?",
      description:
        "Type the e-mail address of the user the error is about. The wizard uses it to look the user up in the workspace. It stays out of shared links unless you choose to include your answers.",
      elements: [
        {
          type: "text",
          name: "userMail",
          title: "The user's e-mail address",
          inputType: "email",
          isRequired: true,
          validators: [{ type: "email" }],
        },
      ],
    },
    {
      name: "entra-upn",
      title: "What is the user's UPN in Entra?",
      elements: [{ type: "text", name: "entraUpn", title: "User principal name (UPN) in Entra", isRequired: true }],
    },
  ],
};

renderSurvey(new Model(survey), document.getElementById("root"));
