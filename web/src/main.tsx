import { createRoot } from "react-dom/client";
import "./i18n";
// The import screen's words, with its menu label: the menu shows before the page itself is loaded.
import "./imports/messages";
import "./styles.css";
import { App } from "./app";

createRoot(document.getElementById("root")!).render(<App />);
