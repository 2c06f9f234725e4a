# syntax=docker/dockerfile:1.7
# One image definition for every service:
#   docker build --build-arg SERVICE=catalog-service -t shopstack/catalog-service:dev .
# SERVICE is one of: discovery gateway user-service catalog-service order-service notification-service web
# payment-sandbox.
# Stage 1 builds that module (and the shared modules it needs) with the Maven wrapper; stage 2 extracts the
# Spring Boot jar into its layers (dependencies change rarely, the application often), so a code change
# rebuilds and pushes only the thin top layer; stage 3 is a JRE-only image that runs as a non-root user.
# Base images pinned to an exact JDK build and OS (never a moving "21-jre"); the release pipeline (Renovate) moves
# them and may add @sha256 digests. deploy/validate refuses a base image without a full version.
ARG BUILD_IMAGE=eclipse-temurin:21.0.8_9-jdk-noble
ARG RUNTIME_IMAGE=eclipse-temurin:21.0.8_9-jre-noble

FROM ${BUILD_IMAGE} AS build
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "build with --build-arg SERVICE=<module>" >&2; exit 1)
WORKDIR /src
COPY . .
# the Maven repository is a build cache, not an image layer
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl "${SERVICE}" -am -DskipTests package \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" extract --layers --launcher --destination /extracted

FROM ${RUNTIME_IMAGE} AS runtime
ARG SERVICE
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="shopstack-${SERVICE}" \
      org.opencontainers.image.source="https://github.com/shopstack/shopstack" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
COPY --chmod=0755 deploy/docker/healthcheck /usr/local/bin/healthcheck
WORKDIR /app
# least to most often changing: each is its own layer
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001:10001
# Defaults for a bare `docker run`: the GC named (below 2 CPUs or 1792 MB HotSpot picks SerialGC), heap a share of
# the container's limit. Deployments replace JAVA_OPTS with an explicit budget per service (heap, metaspace, code
# cache, direct memory: docs/operations.md, "Memory budget"). MALLOC_ARENA_MAX=2: glibc's per-thread malloc arenas
# (8 x cores of 64 MB address space each) otherwise grow native memory past any budget; measured in
# docs/performance.md (finding 21).
ENV JAVA_OPTS="-XX:+UseG1GC -XX:MaxRAMPercentage=60 -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    MALLOC_ARENA_MAX=2 \
    SERVICE_NAME="${SERVICE}"
# exec: the JVM is PID 1 and gets SIGTERM directly, so Spring's graceful shutdown runs
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]
