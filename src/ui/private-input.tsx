import { type InputHTMLAttributes, useLayoutEffect, useRef } from "react";

type PrivateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "defaultValue" | "onChange"> & {
  value: string;
  onValueChange: (value: string) => void;
};

/**
 * An input whose value lives in the DOM property only. React mirrors a controlled input's value
 * into its `value` attribute, which puts it in the page's HTML (a saved copy of the page, a
 * screenshot tool reading markup, an extension); the tokens and the personal answers (UPN,
 * e-mail) must not be there. The value is set after mount, so a server-rendered or hydrated
 * field carries none either: the server never knows it.
 */
export function PrivateInput({ value, onValueChange, ...props }: PrivateInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (ref.current && ref.current.value !== value) ref.current.value = value;
  }, [value]);
  return <input ref={ref} {...props} onChange={(e) => onValueChange(e.target.value)} />;
}
