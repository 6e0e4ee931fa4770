# syntax=docker/dockerfile:1
# The playground as one image: `docker compose up` (compose.yaml) adds PostgreSQL and Redis.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT_STANDALONE=1
RUN npm run build

# The accounts command line, with the sources it runs: `docker compose run --rm users list`.
FROM build AS users
ENTRYPOINT ["npm", "run", "-s", "users", "--"]

# The server: Next's standalone output only, run by an unprivileged user.
FROM node:24-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 DATA_DIR=/data
RUN groupadd --system app && useradd --system --gid app --no-create-home app && mkdir /data && chown app:app /data
COPY --from=build --chown=app:app /app/.next/standalone ./
COPY --from=build --chown=app:app /app/.next/static ./.next/static
COPY --from=build --chown=app:app /app/public ./public
# Read at run time (lib/shares/db.ts and lib/render/markdown-renderer.ts), so the file tracer
# does not see them.
COPY --from=build --chown=app:app /app/lib/shares/migrations ./lib/shares/migrations
COPY --from=build --chown=app:app /app/.next/markdown-worker.mjs ./.next/markdown-worker.mjs
USER app
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same Node.js flags as `npm start` (package.json; README, "How it is built").
CMD ["node", "--max-semi-space-size=16", "server.js"]
