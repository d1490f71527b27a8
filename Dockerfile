# Container image of the name-origin service.
#
# The jar is built on the host first (`./mvnw package`): builds here use Docker's legacy builder
# (no BuildKit, so no cache mounts), a Maven build inside `docker build` would download every
# dependency again on each run, and our build machines cannot reach Maven Central from inside a
# build container. So stage 1 starts from the packaged Spring Boot jar:
#
#   ./mvnw -DskipTests package && docker build -t name-origin .
#
# Stage 1 splits the jar into Spring Boot's layers and starts the service once, so that DJL
# extracts the PyTorch natives (about 430 MB) into a cache directory; stage 2 copies that cache in,
# so a container never extracts or downloads anything at start.
# Stage 2 also makes the JVM's AOT cache (JEP 483/514/515) in a training run of the service: the
# classes it loaded and linked and the profiles of the methods it ran, so a container loads fewer
# classes from the jars at start and compiles its hot paths sooner.

# A glibc-based JRE 25 (PyTorch ships no musl build; the AOT cache needs Java 25). Stage 1 must use
# the same image: the natives are extracted by, and the AOT cache is only valid for, its JVM.
ARG BASE_IMAGE=eclipse-temurin:25-jre

FROM ${BASE_IMAGE} AS builder
WORKDIR /app
# The packaged Spring Boot jar (the *.jar.original beside it does not match). Exactly one jar may
# match: delete stale ones, or pass --build-arg JAR_FILE=path (.dockerignore must let it through).
ARG JAR_FILE=target/name-origin-*.jar
COPY ${JAR_FILE} application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination /layers \
 && rm application.jar
COPY data/checkpoint/ /app/data/checkpoint/
# Start the service from the extracted layers until it is ready (the checkpoint loaded, hence the
# engine loaded and its natives extracted to DJL_CACHE_DIR), then stop it. This also proves the jar
# and the checkpoint work in this image: the build fails if the service does not become ready.
ENV LANG=C.UTF-8 DJL_CACHE_DIR=/djl-cache DJL_OFFLINE=true OMP_NUM_THREADS=1
RUN set -eu; \
    mkdir -p /app/lib; \
    cp /layers/application/application.jar /app/; \
    for jar in /layers/*/lib/*; do ln -s "$jar" /app/lib/; done; \
    java -Dai.djl.offline=true -Xmx512m -jar application.jar --nameorigin.warmup.requests=0 >/tmp/bake.log 2>&1 & pid=$!; \
    ready=no; \
    for i in $(seq 1 300); do \
      if curl -fs -o /dev/null http://localhost:8080/actuator/health/readiness; then ready=yes; break; fi; \
      if curl -fs http://localhost:8080/training/status 2>/dev/null | grep -q '"FAILED"'; then break; fi; \
      kill -0 $pid 2>/dev/null || break; \
      sleep 1; \
    done; \
    kill $pid 2>/dev/null || true; wait $pid || true; \
    if [ $ready != yes ] || [ ! -d /djl-cache/pytorch ]; then \
      cat /tmp/bake.log; echo "The service did not become ready, or extracted no natives (log above)."; exit 1; \
    fi; \
    chmod -R g=u /djl-cache; \
    echo "Ready after about ${i} s; natives:"; du -sh /djl-cache/pytorch/*

FROM ${BASE_IMAGE}
# A fixed non-root user; the group is root (0) so that an arbitrary uid run with group 0
# (as OpenShift does) can still write where the app user can.
ARG APP_UID=10001
RUN useradd --system --uid ${APP_UID} --gid 0 --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /app/data/models /app/.djl.ai && chown -R ${APP_UID}:0 /app && chmod -R g=u /app
WORKDIR /app
# The natives first: they change only when the DJL or PyTorch versions do, and Docker's build cache
# compares copied files by content, so a new application build reuses this 430 MB layer.
COPY --from=builder --chown=${APP_UID}:0 /djl-cache/ /app/.djl.ai/
COPY --from=builder --chown=${APP_UID}:0 /layers/dependencies/ ./
COPY --from=builder --chown=${APP_UID}:0 /layers/spring-boot-loader/ ./
COPY --from=builder --chown=${APP_UID}:0 /layers/snapshot-dependencies/ ./
COPY --from=builder --chown=${APP_UID}:0 /app/data/checkpoint/ /app/data/checkpoint/
COPY --from=builder --chown=${APP_UID}:0 /layers/application/ ./
USER ${APP_UID}

# DJL_CACHE_DIR holds the baked natives and must stay writable; DJL_OFFLINE stops any download
# attempt (and a telemetry probe). One intra-op thread per PyTorch call: requests run in parallel.
# JAVA_TOOL_OPTIONS holds the tunable JVM flags: replace it to change them (e.g. -Xmx).
ENV LANG=C.UTF-8 \
    DJL_CACHE_DIR=/app/.djl.ai \
    DJL_OFFLINE=true \
    OMP_NUM_THREADS=1 \
    JAVA_TOOL_OPTIONS="-Xmx512m -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1"

# The AOT cache's training run: start the service as a container does, until it is ready (the
# model loaded and the warm-up's predictions served, so their classes and method profiles are in
# the cache), then stop it; the JVM writes application.aot as it exits. The run copies the bundled
# checkpoint into the model store: the image ships the store empty.
RUN set -eu; \
    java -XX:AOTCacheOutput=application.aot -Xlog:aot=error -jar application.jar >/tmp/aot-training.log 2>&1 & pid=$!; \
    ready=no; \
    for i in $(seq 1 600); do \
      if curl -fs -o /dev/null http://localhost:8080/actuator/health/readiness; then ready=yes; break; fi; \
      kill -0 $pid 2>/dev/null || break; \
      sleep 0.5; \
    done; \
    kill $pid 2>/dev/null || true; wait $pid || true; \
    if [ $ready != yes ] || [ ! -s application.aot ]; then \
      cat /tmp/aot-training.log; echo "The AOT training run failed (log above)."; exit 1; \
    fi; \
    rm -rf /tmp/aot-training.log /app/data/models/* /app/data/models/.[!.]*; ls -l application.aot

# The bundled checkpoint is /app/data/checkpoint (the default nameorigin.checkpoint-dir, relative
# to /app): at first start it becomes the first version of the model store, /app/data/models (the
# default nameorigin.models-dir). Mount a volume on /app/data/models to keep the versions trained,
# imported and activated through the management API across restarts, and share it between
# replicas so that they serve the same version.
EXPOSE 8080
# A long start period: with no checkpoint the service first trains, which takes minutes.
HEALTHCHECK --interval=5s --timeout=3s --start-period=300s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness || exit 1
# The AOT cache is used when the JVM's settings allow it (with a much larger -Xmx, say, the JVM
# warns once and starts without it).
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=application.aot", "-jar", "application.jar"]
