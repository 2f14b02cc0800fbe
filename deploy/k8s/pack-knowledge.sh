#!/bin/sh
# Packs HR's knowledge folder into deploy/k8s/knowledge.tar.gz for the ConfigMap (kustomization.yaml).
# Usage: deploy/k8s/pack-knowledge.sh [FOLDER]   (default: knowledge)
set -eu
folder="${1:-knowledge}"
out="$(dirname "$0")/knowledge.tar.gz"
# Fixed owner and mode, no timestamps: the same folder gives the same bundle, hence the same ConfigMap name.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='1970-01-01 00:00Z' --mode='u+rwX,go+rX,go-w' \
  -cf - -C "$folder" . | gzip -n -9 > "$out"
size=$(wc -c < "$out")
echo "$out: $size bytes"
# A ConfigMap is limited to 1 MiB in total; base64 in the manifest adds a third.
if [ "$size" -gt 700000 ]; then
  echo "Too large for a ConfigMap: use deploy/k8s/git-sync (docs/deploying.md)." >&2
  exit 1
fi
