# The GraphQL API (Node 20). Build: docker build -t rare-earths-graph .
# Run: docker run -p 4000:4000 -e NEO4J_URI=bolt://host:7687 -e NEO4J_USERNAME=neo4j -e NEO4J_PASSWORD=... rare-earths-graph
# (without NEO4J_URI it serves the embedded store from seed/, journal in /app/data).

# 1. Compile TypeScript (tsc -p tsconfig.build.json -> dist/src, dist/scripts).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build

# 2. Production dependencies only.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: compiled code, production node_modules, the seed, and what the explorer and
#    playground serve (off in production unless EXPLORER_ENABLED / PLAYGROUND_ENABLED say so);
#    runs as the image's "node" user.
FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    SEED_DIR=/app/seed \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY seed ./seed
COPY src/server/web/assets ./src/server/web/assets
COPY examples/explorer.graphql ./examples/explorer.graphql
COPY schema/schema.graphql ./schema/schema.graphql
COPY README.md ./
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/server/main.js"]
