import { StrictMode, startTransition } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { App } from "./app.tsx";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// The public pages are prerendered at build time (src/build/prerender.ts) and hydrated; the
// 404 page (served for any unknown address) and the dev server's empty shell are rendered here.
// In a transition, React hydrates in slices and yields to the browser between them: the page is
// on screen already, and a click or a keystroke comes first (and hydrates its part first).
if (root.hasAttribute("data-prerendered")) startTransition(() => void hydrateRoot(root, app));
else createRoot(root).render(app);
