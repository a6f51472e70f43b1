import type { WhereId } from "../../engine/schema.ts";
import { messages } from "../messages/messages.ts";

/** Pages an admin can open directly; the workspace and synctool have no fixed public address. */
const LINKS: Partial<Record<WhereId, string>> = {
  entra: "https://entra.microsoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview",
};

export function WhereBadge({ where }: { where: WhereId | undefined }) {
  if (!where) return null;
  const label = messages.where[where];
  const href = LINKS[where];
  return (
    <p className={`where where-${where}`}>
      <span className="visually-hidden">{messages.where.label}: </span>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {label}
          <span className="visually-hidden"> {messages.opensInNewTab}</span>
        </a>
      ) : (
        label
      )}
    </p>
  );
}
