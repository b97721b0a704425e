import { setupPglite } from "./global-setup.js";

// Vitest passes its project to a global setup: call with no argument, so the default dump path is used.
export default () => setupPglite();
