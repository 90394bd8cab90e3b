#!/usr/bin/env bash
# Builds every image the lab needs, each only when its inputs changed:
#   flatracoon/base:<package-list hash>  Debian bookworm via debootstrap (images/base/build.sh)
#   flatracoon/netstack:<tag>            our Java services, Jib onto the base (tag: version, or FLATRACOON_IMAGE_TAG)
#   flatracoon/host:<tag>                a Hesiod/DNS client workstation on the base
#   flatracoon/bind:<tag>                Debian's BIND 9 on the base
#   flatracoon/bird:<tag>                Debian's BIRD 2 on the base
#   flatracoon/frr:<tag>                 Debian's FRR (zebra + bgpd) on the base
# The inputs hash of each image is stored as the label org.flatracoon.inputs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
# A second checkout can build its own images under another tag (the lab reads the same variable).
tag="${FLATRACOON_IMAGE_TAG:-$version}"

base="$(images/base/build.sh)"

# Hash of every file under the given paths (sorted), plus the base tag.
inputs_hash() {
  { echo "$base"; find "$@" -type f -not -path '*/target/*' -print0 | sort -z | xargs -0 sha256sum; } \
    | sha256sum | cut -c1-16
}

# True when IMAGE exists and was built from INPUTS.
up_to_date() {
  [ "$(docker image inspect --format '{{ index .Config.Labels "org.flatracoon.inputs" }}' "$1" 2>/dev/null)" = "$2" ]
}

netstack="flatracoon/netstack:$tag"
netstack_inputs="$(inputs_hash pom.xml netstack-impl images/netstack)"
if up_to_date "$netstack" "$netstack_inputs"; then
  echo "$netstack is up to date"
else
  echo "building $netstack (Jib onto $base)"
  mvn -B -q -Pimage -pl images/netstack -am package -DskipTests \
    -Dbase.image="$base" -Dinputs.hash="$netstack_inputs" -Dimage.tag="$tag" -Djib.console=plain
fi

# Builds flatracoon/NAME:<tag> from images/NAME/Dockerfile on the base, when INPUTS changed.
build_on_base() {
  local name="$1" inputs="$2" image="flatracoon/$1:$tag"
  if up_to_date "$image" "$inputs"; then
    echo "$image is up to date"
  else
    echo "building $image"
    DOCKER_BUILDKIT=0 docker build -q --build-arg BASE="$base" --build-arg NETSTACK="$netstack" \
      --build-arg INPUTS="$inputs" -t "$image" "images/$name" >/dev/null
  fi
}

# The host image carries the netstack tools, so a new netstack image means a new host image.
build_on_base host "$( { inputs_hash images/host; docker image inspect --format "{{.Id}}" "$netstack"; } | sha256sum | cut -c1-16)"
build_on_base bind "$(inputs_hash images/bind)"
build_on_base bird "$(inputs_hash images/bird)"
build_on_base frr "$(inputs_hash images/frr)"
