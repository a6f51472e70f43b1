import { useEffect, useRef } from "react";

/** The control a container offers next: its marked one, else its first field or enabled button. */
const firstControl = (container: HTMLElement) =>
  container.querySelector<HTMLElement>("[data-refocus]") ??
  container.querySelector<HTMLElement>("input:not(:disabled), button:not(:disabled)") ??
  undefined;

/**
 * When `key` changes because the control the admin used was replaced (a button that ran, picked
 * or signed in is gone), keyboard focus would fall to the page. Move it to the container's next
 * control instead, but only when focus was lost that way or is still inside the container,
 * never away from where the admin is.
 */
export function useRefocus<T extends HTMLElement>(
  key: unknown,
  pick: (container: T) => HTMLElement | undefined = firstControl,
) {
  const ref = useRef<T>(null);
  const previous = useRef(key);
  useEffect(() => {
    if (Object.is(previous.current, key)) return;
    previous.current = key;
    const active = document.activeElement;
    if (active && active !== document.body && !ref.current?.contains(active)) return;
    if (ref.current) pick(ref.current)?.focus();
  });
  return ref;
}
