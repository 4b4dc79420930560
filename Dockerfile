# One image for every service of the graph; the command picks which one runs:
#   docker run … movement-graph serve gateway        (or people, locations, assistance, messages)
#   docker run … movement-graph migrate people       (the one-shot migration)
# Configuration comes only from the environment (README, "Configuration"; docs/operations.md).

ARG NODE_IMAGE=node:24-bookworm-slim

# Everything installed, the whole tree built (codegen, Prisma clients, TypeScript).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build \
 # What the runtime stage takes from here: the built tree without any node_modules, the tests
 # or the benchmarks.
 && rm -rf node_modules */node_modules subgraphs/*/node_modules test

# Only the production dependencies of the launcher and the packages it runs, no install scripts.
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY launcher/package.json launcher/
COPY gateway/package.json gateway/
COPY schema/package.json schema/
COPY client/package.json client/
COPY test/package.json test/
COPY subgraphs/runtime/package.json subgraphs/runtime/
COPY subgraphs/locations/package.json subgraphs/locations/
COPY subgraphs/people/package.json subgraphs/people/
COPY subgraphs/assistance/package.json subgraphs/assistance/
COPY subgraphs/messages/package.json subgraphs/messages/
RUN npm ci --omit=dev --workspace=@movement/launcher --ignore-scripts && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
# Owned by root and not writable by the service: the process can change nothing of its own code.
COPY --from=build /app ./
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=dependencies /app/subgraphs ./subgraphs
COPY --from=dependencies /app/gateway ./gateway
COPY --from=dependencies /app/schema ./schema
COPY --from=dependencies /app/launcher ./launcher
# The base image's unprivileged user (uid 1000).
USER node
# Node itself is PID 1: the services handle SIGTERM (drain, then exit 0) and spawn no children,
# so no init process is needed to forward signals or reap zombies.
ENTRYPOINT ["node", "launcher/dist/cli.js"]
CMD ["serve", "gateway"]
