// The UI's entry: asks for the page's first data at once (early.ts), then loads the rest of the UI
// (start.tsx), which finds the answers under way: the requests do not wait for the UI's code to start.
import "./styles.css";
import { askEarly } from "./api/early";

performance.mark("lotsen:entry"); // bench/ui.mjs prints when the entry and the UI's code ran
askEarly(new URL(window.location.href));
void import("./start");
