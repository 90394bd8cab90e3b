#!/usr/bin/env bash
# Makes sure a Docker engine answers: installs Debian's docker.io and starts dockerd when needed.
# Idempotent; safe to call before every recipe.
set -euo pipefail

if docker info >/dev/null 2>&1; then
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "installing the Docker engine (Debian package docker.io)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq docker.io >&2
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  echo "starting dockerd" >&2
  nohup dockerd >/var/log/flatracoon-dockerd.log 2>&1 &
fi

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    exit 0
  fi
  sleep 1
done
echo "error: the Docker engine did not answer within 60 s; see /var/log/flatracoon-dockerd.log" >&2
exit 1
