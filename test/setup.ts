import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Pages and flows are lazy chunks: the first render of each waits for Vite to transform it,
// which on a busy machine takes longer than Testing Library's 1 s default.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
