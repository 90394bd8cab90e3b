#!/usr/bin/env bash
# BGP route-ingestion benchmark (not a test): one injector (`netstack bgp inject`) feeds N IPv4
# prefixes over one eBGP session to our speaker, BIRD, FRR and GoBGP in turn, and the time until
# the router reports all N routes in its Loc-RIB and the router's peak RSS are measured.
#
#   bench/bgp/run.sh            shared and mixed workloads, 100k and 1M prefixes, all four routers
#   bench/bgp/run.sh --quick    shared workload, 100k prefixes
#   bench/bgp/run.sh --sizes 1000000 --workloads shared --routers "ours bird" --repeat 3
#   (--repeat K: K runs of every case, the report shows the one with the median time;
#    --timeout S: give up on a case after S seconds, default 150; OURS_JVM_FLAGS overrides our JVM flags)
#
# Needs a Docker engine and the images flatracoon/netstack, flatracoon/bird, flatracoon/frr and
# the base image (which carries gobgpd) under FLATRACOON_IMAGE_TAG (default: the project
# version); images/build.sh is run when one is missing. Writes bench/out/bgp-<UTC timestamp>.md
# and prints it. Both containers carry org.flatracoon.lab=bench-bgp and are removed after each
# case and at exit (also on failure and Ctrl-C); no Docker network is created.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }

routers="ours bird frr gobgp"
workloads="shared mixed"
sizes="1000000 100000"
timeout=150
repeat=1
mixed_sets=100000
# The speaker README's small-footprint flags.
ours_jvm="${OURS_JVM_FLAGS:--XX:+UseSerialGC -Xms32m -Xmx256m -Xss256k -XX:ReservedCodeCacheSize=24m -XX:MaxMetaspaceSize=48m -XX:CICompilerCount=2}"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) workloads=shared; sizes=100000 ;;
    --routers) routers="$2"; shift ;;
    --workloads) workloads="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --timeout) timeout="$2"; shift ;;
    --repeat) repeat="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/bgp/run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for r in $routers; do
  case "$r" in ours|bird|frr|gobgp) ;; *) echo "bench/bgp/run.sh: --routers: '$r' is not one of ours bird frr gobgp" >&2; exit 2 ;; esac
done
for w in $workloads; do
  case "$w" in shared|mixed) ;; *) echo "bench/bgp/run.sh: --workloads: '$w' is not one of shared mixed" >&2; exit 2 ;; esac
done
[[ "$repeat" =~ ^[1-9][0-9]?$ ]] || { echo "bench/bgp/run.sh: --repeat: '$repeat' is not a count of 1..99" >&2; exit 2; }
[[ "$timeout" =~ ^[1-9][0-9]*$ ]] || { echo "bench/bgp/run.sh: --timeout: '$timeout' is not a number of seconds" >&2; exit 2; }
for n in $sizes; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] && [ "$n" -le 4000000 ] \
    || { echo "bench/bgp/run.sh: --sizes: '$n' is not a count of 1..4000000" >&2; exit 2; }
done

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
tag="${FLATRACOON_IMAGE_TAG:-$version}"
NAME=bench-bgp
# No Docker network: the injector joins the router's network namespace and the session runs over
# loopback (127.0.0.2 -> 127.0.0.1:179), like the PROTOCOLS.md §2.1 anchors. The routes' NEXT_HOP
# is a documentation address that is nowhere connected; no router installs routes anyway.
ROUTER_IP=127.0.0.1
INJECT_IP=127.0.0.2
NEXT_HOP=198.51.100.243
LABELS=(--label org.flatracoon.lab=bench-bgp --label org.flatracoon.lab.owner=test)

cleanup() {
  local ids
  ids="$(docker ps -aq --filter label=org.flatracoon.lab=bench-bgp)"
  [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cleanup   # leftovers of a killed run

# Images: built only when one is missing; pinned by id so a rebuild during the run cannot mix versions.
base="$(images/base/build.sh)"
for image in "flatracoon/netstack:$tag" "flatracoon/bird:$tag" "flatracoon/frr:$tag"; do
  docker image inspect "$image" >/dev/null 2>&1 || { echo "missing $image: running images/build.sh" >&2; images/build.sh >&2; break; }
done
base="$(images/base/build.sh)"
NETSTACK_ID="$(docker image inspect --format '{{.Id}}' "flatracoon/netstack:$tag")"
BIRD_ID="$(docker image inspect --format '{{.Id}}' "flatracoon/bird:$tag")"
FRR_ID="$(docker image inspect --format '{{.Id}}' "flatracoon/frr:$tag")"
BASE_ID="$(docker image inspect --format '{{.Id}}' "$base")"
docker run --rm --network none "$BASE_ID" sh -c 'command -v gobgpd >/dev/null' \
  || { echo "bench/bgp/run.sh: $base has no gobgpd (images/base/packages.txt)" >&2; exit 1; }

start_router() {   # KIND
  local common=(-d --name "$NAME-router" "${LABELS[@]}" --network none -v "$here:/bench:ro")
  case "$1" in
    ours) docker run "${common[@]}" --entrypoint java "$NETSTACK_ID" $ours_jvm -cp @/app/jib-classpath-file \
            org.flatracoon.netstack.app.Netstack bgp serve --config /bench/conf/ours.yml ;;
    bird) docker run "${common[@]}" "$BIRD_ID" bird -f -c /bench/conf/bird.conf -s /run/bird/bird.ctl ;;
    frr) docker run "${common[@]}" "$FRR_ID" sh -c 'mkdir -p /run/frr && chown frr:frr /run/frr &&
            exec /usr/lib/frr/bgpd -F traditional -Z -n -S -A 127.0.0.1 -f /bench/conf/frr.conf' ;;
    gobgp) docker run "${common[@]}" "$BASE_ID" gobgpd -f /bench/conf/gobgpd.toml --api-hosts 127.0.0.1:50051 ;;
  esac >/dev/null
}

start_injector() {   # WORKLOAD N
  local mix=()
  [ "$1" = mixed ] && mix=(--table-like --attribute-sets "$mixed_sets")
  docker run -d --name "$NAME-inject" "${LABELS[@]}" --network "container:$NAME-router" "$NETSTACK_ID" \
    bgp inject --peer "$ROUTER_IP" --local-address "$INJECT_IP" --local-as 65010 --peer-as 65001 \
    --next-hop "$NEXT_HOP" --count "$2" "${mix[@]}" >/dev/null
}

declare -A runs note   # runs[KEY]: one line per repetition: SECONDS RSS_KB CPU THREADS LOAD
measure() {   # KIND WORKLOAD N
  local kind="$1" workload="$2" n="$3" key="$1/$2/$3" out load
  docker rm -f "$NAME-router" "$NAME-inject" >/dev/null 2>&1 || true
  load="$(cut -d' ' -f1 /proc/loadavg)"
  # An address of the containers just removed can stay taken for a moment: one retry.
  if ! start_router "$kind" 2>"$work/err" && ! { sleep 1; docker rm -f "$NAME-router" >/dev/null 2>&1; start_router "$kind" 2>"$work/err"; }; then
    note[$key]="router did not start: $(tail -1 "$work/err")"; echo "$kind $workload $n: ${note[$key]}" >&2; return
  fi
  # The injector does not retry: it starts once the router listens and answers its route count.
  if ! docker exec "$NAME-router" /bench/measure.sh "$kind" ready 60 >/dev/null 2>&1; then
    note[$key]="router not ready in 60 s: $(docker logs --tail 2 "$NAME-router" 2>&1 | tr '\n' ' ' | cut -c1-200)"
    echo "$kind $workload $n: ${note[$key]}" >&2
    docker rm -f "$NAME-router" >/dev/null 2>&1 || true
    return
  fi
  # The poller waits for the injector's connection itself, so it starts first.
  docker exec "$NAME-router" /bench/measure.sh "$kind" "$n" "$timeout" >"$work/$kind-$workload-$n.out" 2>&1 &
  local poller=$!
  if ! start_injector "$workload" "$n" 2>"$work/err" && ! { sleep 1; docker rm -f "$NAME-inject" >/dev/null 2>&1; start_injector "$workload" "$n" 2>"$work/err"; }; then
    echo "$kind $workload $n: injector did not start: $(tail -1 "$work/err")" >&2
  fi
  wait "$poller" || true
  out="$(tail -1 "$work/$kind-$workload-$n.out")"
  if [[ "$out" != seconds=* ]]; then   # say why: the router's last words
    out="${out:-no result} / router: $(docker logs --tail 2 "$NAME-router" 2>&1 | tr '\n' ' ' | cut -c1-200)"
  fi
  local sent="" i
  for i in 1 2 3 4 5 6 7 8 9 10; do   # the injector prints its summary once its last write returned
    sent="$(docker logs "$NAME-inject" 2>&1 | grep -o 'in [0-9]* UPDATEs ([0-9]* bytes) to [^ ]* in [0-9.]* s' | head -1 || true)"
    [ -n "$sent" ] && break
    sleep 0.3
  done
  if [[ "$out" == seconds=* ]]; then
    runs[$key]+="$(sed -n 's/.*seconds=\([0-9.]*\) rss_peak_kb=\([0-9]*\) .* cpu=\([0-9.]*\) threads=\([^ ]*\).*/\1 \2 \3 \4/p' <<<"$out") $load"$'\n'
  else
    note[$key]="$out"
  fi
  printf '%-6s %-6s %8s  %s  (load %s; injector: %s)\n' "$kind" "$workload" "$n" "$out" "$load" "${sent:-no summary}" >&2
  docker rm -f "$NAME-router" "$NAME-inject" >/dev/null 2>&1 || true
}

work="$(mktemp -d /tmp/bench-bgp.XXXXXX)"
trap 'cleanup; rm -rf "$work"' EXIT
stamp="$(date -u +%Y%m%d-%H%M%S)"
started="$(date -u +'%Y-%m-%d %H:%M UTC')"
for workload in $workloads; do
  for n in $sizes; do
    for ((r = 1; r <= repeat; r++)); do
      for kind in $routers; do
        measure "$kind" "$workload" "$n"
      done
    done
  done
done

# The repetition with the median time: "SECONDS RSS_KB CPU THREADS LOAD", empty if every one failed.
median() { [ -n "${runs[$1]:-}" ] && sed '/^$/d' <<<"${runs[$1]}" | sort -n | awk '{l[NR] = $0} END {print l[int((NR + 1) / 2)]}'; }
field() { cut -d' ' -f"$2" <<<"$1"; }

mb() { awk -v k="$1" 'BEGIN {printf "%.0f MB", k / 1024}'; }
# Times under 0.05 s are below what the polls resolve (one count query every 0.05 s): no ratio then.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b >= 0.05) printf "%.2f×", a / b; else print "— (below resolution)"}'; }
label() { case "$1" in ours) echo "ours (netstack bgp)" ;; bird) echo BIRD ;; frr) echo "FRR bgpd" ;; gobgp) echo GoBGP ;; esac; }
describe() { case "$1" in shared) echo "all prefixes share one attribute set" ;;
  mixed) echo "table-like: $mixed_sets distinct attribute sets (AS paths of 2-6 hops, 0-3 communities), equal runs of prefixes" ;; esac; }

versions() {
  echo "- ours: $(docker run --rm --network none --entrypoint java "$NETSTACK_ID" -version 2>&1 | sed -n 1p), flags \`$ours_jvm\`, image flatracoon/netstack:$tag"
  echo "- BIRD: $(docker run --rm --network none "$BIRD_ID" bird --version 2>&1 | head -1)"
  echo "- FRR: $(docker run --rm --network none "$FRR_ID" /usr/lib/frr/bgpd --version 2>&1 | head -1) (\`bgpd -Z -n -S\`: no zebra, no kernel, runs as root)"
  echo "- GoBGP: $(docker run --rm --network none "$BASE_ID" gobgpd --version 2>&1 | head -1)"
}

# The issue's targets: well ahead of FRR and GoBGP, within 1.5× BIRD's time and 2× its memory.
targets() {   # OURS BIRD FRR GOBGP (median lines, any may be empty)
  local o="$1" b="$2" f="$3" g="$4" line="Targets:"
  verdict() { awk -v a="$1" -v b="$2" -v limit="$3" 'BEGIN {if (b < 0.05) printf "— (below resolution)";
    else printf "%s (%.2f×)", (a / b <= limit ? "met" : "missed"), a / b}'; }
  [ -n "$b" ] && line+=" time within 1.5× BIRD's: $(verdict "$(field "$o" 1)" "$(field "$b" 1)" 1.5);"
  [ -n "$b" ] && line+=" memory within 2× BIRD's: $(verdict "$(field "$o" 2)" "$(field "$b" 2)" 2);"
  [ -n "$f" ] && line+=" faster than FRR: $(verdict "$(field "$o" 1)" "$(field "$f" 1)" 1);"
  [ -n "$g" ] && line+=" faster than GoBGP: $(verdict "$(field "$o" 1)" "$(field "$g" 1)" 1);"
  [ "$line" = "Targets:" ] || { echo; echo "${line%;}."; }
}

report="bench/out/bgp-$stamp.md"
mkdir -p bench/out
{
  echo "# BGP route ingestion, $started"
  echo
  echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), kernel $(uname -r)."
  echo "One eBGP session from \`netstack bgp inject\` (own container, in the router's network namespace) to the router over loopback."
  echo "Time: from the first poll that saw the first UPDATE arrive on the router's socket (kernel TCP info, \`ss -ti\`"
  echo "bytes_received past the OPEN and KEEPALIVE; every 5 ms) until the router first answered N routes in its Loc-RIB"
  echo "(asked inside its container every 0.05 s, GoBGP every 0.25 s). RSS: peak (VmHWM) of the router process."
  echo "Routers: import all, export nothing, no kernel/FIB installation. Each case: fresh router and injector containers;"
  echo "$repeat run(s) per case, the one with the median time shown. CPU: the router process's user+system CPU from the"
  echo "first UPDATE to N routes. Load avg: the machine's 1-minute load when the case started (other jobs share the 2 cores)."
  echo
  versions
  for workload in $workloads; do
    for n in $sizes; do
      echo
      echo "## $workload, $n prefixes ($(describe "$workload"))"
      echo
      echo "| router | time to full Loc-RIB | peak RSS | ours ÷ router, time | ours ÷ router, RSS | CPU while ingesting | load avg |"
      echo "|---|---|---|---|---|---|---|"
      o="$(median "ours/$workload/$n" || true)"
      for kind in $routers; do
        key="$kind/$workload/$n" m="$(median "$kind/$workload/$n" || true)"
        if [ -n "$m" ]; then
          rt="—" rm="—"
          if [ "$kind" != ours ] && [ -n "$o" ]; then
            rt="$(ratio "$(field "$o" 1)" "$(field "$m" 1)")" rm="$(ratio "$(field "$o" 2)" "$(field "$m" 2)")"
          fi
          echo "| $(label "$kind") | $(field "$m" 1) s | $(mb "$(field "$m" 2)") | $rt | $rm | $(field "$m" 3) s | $(field "$m" 5) |"
        else
          echo "| $(label "$kind") | failed: ${note[$key]:-} | | | | | |"
        fi
      done
      if [ -n "$o" ]; then
        echo
        echo "Ours, CPU by thread while ingesting (s): $(field "$o" 4 | sed 's/,/, /g; s/_/ /g')."
        targets "$o" "$(median "bird/$workload/$n" || true)" "$(median "frr/$workload/$n" || true)" "$(median "gobgp/$workload/$n" || true)"
      fi
    done
  done
} >"$report"
cat "$report"
echo
echo "written to $report"
