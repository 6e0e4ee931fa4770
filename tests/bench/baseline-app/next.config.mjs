// Next.js's defaults. Without this file `next build` would look further up and find the
// playground's own next.config.mjs.
const config = {};
export default config;
