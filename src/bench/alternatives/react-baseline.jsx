// The floor: React 19 and react-dom rendering one heading.
import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root")).render(<h1>Did the test succeed?</h1>);
