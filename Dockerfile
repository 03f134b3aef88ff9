# syntax=docker/dockerfile:1
# sightline: `docker build -t sightline .`, then `docker run sightline serve|work|all`.
# Node 24, the current LTS line; CI runs the suite on the same major (.ci/run reads it from this file) and the
# stages' npm steps without an engine (scripts/dockerfile-recipe.mjs).

FROM node:24-bookworm-slim AS base
WORKDIR /app

# Production dependencies only. The toolchain is here for native modules (better-sqlite3) on
# platforms without a prebuilt binary; it never reaches the runtime image.
FROM base AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM deps AS build
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM base AS runtime
ENV NODE_ENV=production
COPY --chown=node:node package.json ./
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# Writable only where sightline writes: the SQLite file when EVENT_STORE=sqlite.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
ENTRYPOINT ["node", "dist/main.js"]
CMD ["all"]
