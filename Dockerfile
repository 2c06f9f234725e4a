# syntax=docker/dockerfile:1.7
# One image definition for every service:
#   docker build --build-arg SERVICE=catalog-service -t shopstack/catalog-service:dev .
# SERVICE is one of: discovery gateway user-service catalog-service order-service notification-service.
# Stage 1 builds that module (and the shared modules it needs) with the Maven wrapper; stage 2 extracts the
# Spring Boot jar into its layers (dependencies change rarely, the application often), so a code change
# rebuilds and pushes only the thin top layer; stage 3 is a JRE-only image that runs as a non-root user.
ARG JAVA_VERSION=21

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "build with --build-arg SERVICE=<module>" >&2; exit 1)
WORKDIR /src
COPY . .
# the Maven repository is a build cache, not an image layer
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl "${SERVICE}" -am -DskipTests package \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" extract --layers --launcher --destination /extracted

FROM eclipse-temurin:${JAVA_VERSION}-jre AS runtime
ARG SERVICE
LABEL org.opencontainers.image.title="shopstack-${SERVICE}" \
      org.opencontainers.image.source="https://github.com/shopstack/shopstack"
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
# Container-aware heap: a share of the container's memory limit, not of the host's. The rest is metaspace,
# thread stacks, direct buffers and code cache. Override JAVA_OPTS as a whole, or add flags with JAVA_TOOL_OPTIONS.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=30 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC -Djava.io.tmpdir=/tmp -Djava.security.egd=file:/dev/./urandom" \
    SERVICE_NAME="${SERVICE}"
# exec: the JVM is PID 1 and gets SIGTERM directly, so Spring's graceful shutdown runs
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]
