import { config } from "zod/v4/core";

// Zod compiles object parsers with `new Function` and probes whether eval is allowed first. The
// Content-Security-Policy (proxy.ts) forbids eval, so every page load would report a violation;
// parsing without the compiler gives the same results.
config({ jitless: true });
