# syntax=docker/dockerfile:1
# Sift, production image. Not built in this workplace (no Docker engine here): kept correct by reading.
# docker build -t sift . && docker run -p 3000:3000 --env-file .env -e DATABASE_URL=postgres://… sift

# Node's current LTS. re2 compiles from source when no prebuilt binary matches, hence the toolchain.
FROM node:24-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json prisma.config.ts ./
COPY prisma ./prisma
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SIFT_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json app.yml ./
COPY prisma ./prisma
COPY views ./views
# The embedded database's home, for single-instance use without DATABASE_URL.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# What `npm start` runs, without rebuilding.
CMD ["node", "dist/src/main.js"]
