#!/usr/bin/env bash
# Bootstraps flatracoon/base from Debian packages (no registry is reachable, so nothing is pulled)
# and tags it with a hash of packages.txt, so it is built once per machine and package list.
# Prints the image reference on stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
packages="$(grep -vE '^\s*(#|$)' "$here/packages.txt" | sort -u | paste -sd, -)"
tag="$(printf '%s\n' "$packages" "bookworm" | sha256sum | cut -c1-12)"
image="flatracoon/base:$tag"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

if ! command -v debootstrap >/dev/null; then
  echo "installing debootstrap" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
fi

rootfs="$(mktemp -d /tmp/flatracoon-base.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
echo "bootstrapping $image (Debian bookworm minbase + $packages); takes a few minutes once" >&2
debootstrap --variant=minbase --include="$packages" bookworm "$rootfs" >&2
# Keep the image small: package caches and lists are not needed at run time.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'LABEL org.flatracoon.packages-hash='"$tag" \
  - "$image" >&2
echo "$image"
