import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";
import { bundleMarkdownWorker, WORKER_BUNDLE_NAME } from "./lib/render/worker-bundle.mjs";

// Every request's language comes from lib/i18n/request.ts (cookie, then Accept-Language).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Docker image runs Next's self-contained server (.next/standalone); `npm start` needs no copy.
  output: process.env.NEXT_OUTPUT_STANDALONE === "1" ? "standalone" : undefined,
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  compiler: {
    // The Markdown worker, bundled into the build folder, which the Docker image copies.
    runAfterProductionCompile: async ({ projectDir, distDir }) => {
      await bundleMarkdownWorker(projectDir, path.resolve(projectDir, distDir, WORKER_BUNDLE_NAME));
    },
  },
  // Pages get their Content-Security-Policy, with a nonce, from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // JSON and event streams: nothing in them may load, run or be framed.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
