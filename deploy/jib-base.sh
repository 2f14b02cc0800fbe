#!/usr/bin/env bash
# Builds the base image of AskHR's container from Debian packages, without a Docker engine or a registry:
# Debian bookworm (minbase) with openjdk-17-jre-headless, written as a `docker save` tarball that Jib reads as
# `tar://...` (docs/deploying.md). Needs root (or fakeroot) and mmdebstrap; the result is cached: an existing file is kept.
# Usage: deploy/jib-base.sh [OUTPUT.tar]   (default /var/tmp/askhr-base/debian-bookworm-jre17.tar)
set -euo pipefail
out="${1:-/var/tmp/askhr-base/debian-bookworm-jre17.tar}"
if [ -s "$out" ]; then echo "Base image: $out (cached)"; exit 0; fi
command -v mmdebstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
arch="$(dpkg --print-architecture)"
# Security updates included; documentation, man pages and translations left out.
mmdebstrap --quiet --variant=minbase --arch="$arch" \
  --include=openjdk-17-jre-headless,ca-certificates-java \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  bookworm "$work/layer.tar" \
  "deb http://deb.debian.org/debian bookworm main" \
  "deb http://deb.debian.org/debian bookworm-updates main" \
  "deb http://deb.debian.org/debian-security bookworm-security main"
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["askhr-base:bookworm-jre17"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out.partial" manifest.json config.json layer.tar
mv "$out.partial" "$out"
echo "Base image: $out"
