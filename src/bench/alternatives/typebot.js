// Typebot's web embed (the script a help center would load) showing a standard, inline bot.
import Typebot from "@typebot.io/js/web";

Typebot.initStandard({ typebot: "scim-troubleshooting", apiHost: "http://127.0.0.1:9" });
