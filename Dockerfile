# Konifer for .NET: docker build -t konifer . && docker compose up (see README, "Container").
#
# Runtime base: Debian 12 (bookworm), the release the test suite runs on, so the image has the same libvips 8.14 and
# codec libraries that start-up and the tests prove. Microsoft ships no Debian image for .NET 10 (aspnet:10.0 is
# Ubuntu 24.04, whose libvips is another version), so the ASP.NET Core runtime is copied from the official aspnet:10.0
# image onto debian:bookworm-slim; the app itself is the same framework-dependent Konifer.dll the tests run.

# ---- build ------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files only, so that a code change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Konifer/Konifer.csproj src/Konifer/
COPY src/Konifer.Hocon/Konifer.Hocon.csproj src/Konifer.Hocon/
COPY src/Konifer.Lqip/Konifer.Lqip.csproj src/Konifer.Lqip/
# For the image's own platform only: ONNX Runtime (upload rules) ships native libraries for every OS and CPU, which
# would take the image from about 64 MB of app to over 300 MB. Still framework-dependent (the runtime copied below).
ARG TARGETARCH=amd64
RUN echo "linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)" > /tmp/rid \
 && dotnet restore src/Konifer/Konifer.csproj -r "$(cat /tmp/rid)"
COPY src/ src/
RUN dotnet publish src/Konifer/Konifer.csproj -c Release --no-restore -r "$(cat /tmp/rid)" --self-contained false -o /app -p:UseAppHost=false

# ---- the ASP.NET Core runtime -----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet

# ---- runtime ----------------------------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
# libvips42 brings its modules (vips-heif.so, vips-jxl.so); the codec libraries are named so that what the image
# needs is visible here: JPEG, PNG, WebP, GIF (cgif), JPEG XL (libjxl), AVIF and HEIC (libheif with the AV1 encoder
# aom and decoder dav1d, the HEVC encoder x265 and decoder de265). Start-up proves each by a round trip and refuses
# to start (exit 78) if one is missing. .NET itself needs libssl3, libstdc++6, ca-certificates and tzdata (no ICU:
# the app runs with invariant globalization).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libvips42 libjpeg62-turbo libpng16-16 libwebp7 libwebpmux3 libwebpdemux2 libcgif0 libjxl0.7 \
      libheif1 libaom3 libdav1d6 libx265-199 libde265-0 \
      ca-certificates libssl3 libstdc++6 libgcc-s1 zlib1g tzdata \
 && rm -rf /var/lib/apt/lists/*

COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# The non-root user of Microsoft's images (uid 1654), made here because this base does not have it.
ENV APP_UID=1654
RUN groupadd --gid "$APP_UID" app \
 && useradd --uid "$APP_UID" --gid app --no-create-home --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app/config /var/lib/konifer \
 && chown app:app /var/lib/konifer

WORKDIR /app
COPY --from=build /app .

# konifer.conf is read from /app/config/konifer.conf (mount it there, read-only; KONIFER_CONFIG names another path).
# Uploads are spooled and libvips writes its large temporary files below TMPDIR: a volume, not the container layer.
# /var/lib/konifer is owned by the app user for object-store.filesystem.mount-path, should you use it.
# Upload rules read the SigLIP2 model from /app/models/siglip2-base-patch16-224: mount it there read-only (docs/rules.md).
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    TMPDIR=/tmp
VOLUME ["/tmp", "/var/lib/konifer"]
EXPOSE 8080

USER app

# Liveness through bash's /dev/tcp, which the image already has: no curl or wget to install and patch. The probe
# names the loopback address; /health is exempt from http.allowed-hosts, so the Host header does not matter.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "Konifer.dll"]
