import type { RichTextIndex } from "../../engine/rich-text-tree.ts";
import { messages } from "../messages/messages.ts";
import { RichText } from "../rich-text/rich-text.tsx";

export function Warnings({ warnings, index }: { warnings: string[] | undefined; index: RichTextIndex }) {
  if (!warnings?.length) return null;
  return (
    <>
      {warnings.map((warning) => (
        <aside key={warning} className="warning" aria-label={messages.wizard.warning}>
          <strong className="warning-label">{messages.wizard.warning}: </strong>
          <RichText source={warning} index={index} inline />
        </aside>
      ))}
    </>
  );
}
