# The Why They Care backend, built from this folder:
#   docker build -t why-they-care .
#   docker run -p 3000:3000 -e HUBSPOT_ACCESS_TOKEN -e HUBSPOT_CLIENT_SECRET -e HUBSPOT_PORTAL_ID \
#     -e PUBLIC_BASE_URL=https://why-they-care.example.com why-they-care
# The same image runs the scheduled direct-mode pass: docker run ... why-they-care node dist/cli/automation.js

# Build: the development dependencies (tsx, esbuild) and the workspaces the backend bundles (the domain and the
# HubSpot contract), then `npm run build` into dist/. The card's workspace is left out (HubSpot builds the card), and
# so is the sandbox's (development and tests only).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY extensions/app/packages/domain/package.json extensions/app/packages/domain/
COPY packages/hubspot-contract/package.json packages/hubspot-contract/
# npm install, not npm ci: the lock omits other platforms' optional packages, which npm ci refuses (see .ci/run).
RUN npm install --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts scripts
COPY src src
COPY extensions/app/packages/domain extensions/app/packages/domain
COPY packages/hubspot-contract packages/hubspot-contract
RUN npm run build

# Run: the built JavaScript and the production dependencies only, as the unprivileged `node` user.
FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
USER node
EXPOSE 3000
# Liveness only (/healthz): a HubSpot outage is no reason to restart the container. Point the load balancer's
# readiness check at /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/cli/serve.js"]
