#!/usr/bin/env bash
# DNS benchmark (not a test): our Hesiod server, BIND 9, NSD and Knot side by side, same machine, same zone
# of synthetic Hesiod accounts, same dnsperf query mix. Writes bench/out/dns-<timestamp>.md and prints it.
#
#   bench/dns/run.sh [--workers "1 2"] [--paths "bridge loopback"] [--duration 10] [--warmup 5]
#                    [--jit-warmup 20] [--accounts 100000] [--quiet-wait 15] [--quiet-load 15] [--quick] [--keep]
#
#   --workers   worker counts to measure each server at (ours --udp-workers, named -n, NSD server-count,
#               Knot udp-workers)
#   --paths     bridge:   dnsperf in its own container, queries cross the lab's internal Docker network
#               loopback: dnsperf in the server's network namespace, queries to 127.0.0.1 (how the
#                         PROTOCOLS.md §4.1 anchors were measured)
#   --duration  seconds of each measured dnsperf run (-l); --warmup seconds of the unmeasured run before it
#   --jit-warmup  seconds of load our (Java) server gets once after it starts, before anything is measured:
#               the JIT needs about that long to reach steady state (its QPS in that run is reported as "cold")
#   --quiet-wait  before each measured run, wait at most this many seconds (default 15; 0: never) while
#               something outside the benchmark uses more than --quiet-load percent of a core (default 15)
#   --quick     same as --workers 2 --paths bridge (about a quarter of the time)
#   --keep      keep the work directory (zone, query files, raw dnsperf output) under bench/out/
#
# Needs: a Docker engine, the images flatracoon/netstack:<version> and flatracoon/host:<version> (`just images`;
# the host image carries bind9, nsd, knot and dnsperf from Debian), python3 on the host.
# Everything it creates is labelled org.flatracoon.bench=dns and removed on exit, Ctrl-C included.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | sed -n 1p)"
NETSTACK_IMAGE="flatracoon/netstack:$version"
PEER_IMAGE="flatracoon/host:$version"     # Debian's bind9, nsd, knot, dnsperf, dig
NAME=bench-dns

workers="1 2"
paths="bridge loopback"
duration=10
warmup=5
jit_warmup=20
quiet_wait=15
quiet_load=15
accounts=100000
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers="$2"; shift 2 ;;
    --paths) paths="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --jit-warmup) jit_warmup="$2"; shift 2 ;;
    --quiet-wait) quiet_wait="$2"; shift 2 ;;
    --quiet-load) quiet_load="$2"; shift 2 ;;
    --quick) workers=2; paths=bridge; shift ;;
    --accounts) accounts="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench-dns: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for p in $paths; do
  case "$p" in bridge|loopback) ;; *) echo "bench-dns: --paths takes bridge and/or loopback, not $p" >&2; exit 2 ;; esac
done

die() { echo "bench-dns: $*" >&2; exit 1; }
log() { echo "[bench-dns $(date +%H:%M:%S)] $*" >&2; }

stamp="$(date -u +%Y%m%d-%H%M%S)"
out="$root/bench/out"
work="$out/work-$stamp"
report="$out/dns-$stamp.md"
LABELS=(--label org.flatracoon.bench=dns --label "org.flatracoon.bench.run=$stamp" --label "org.flatracoon.bench.pid=$$")

# ---------------------------------------------------------------------------------------------------------
# Preconditions and cleanup

docker info >/dev/null 2>&1 || die "no Docker engine answers (run scripts/ensure-docker.sh, or just docker)"
for image in "$NETSTACK_IMAGE" "$PEER_IMAGE"; do
  docker image inspect "$image" >/dev/null 2>&1 || die "image $image is missing: run \`just images\` first"
done
docker run --rm --network none "$PEER_IMAGE" sh -c 'command -v named && command -v nsd && command -v knotd && command -v dnsperf' \
  >/dev/null || die "$PEER_IMAGE lacks named/nsd/knotd/dnsperf: rebuild the images (\`just images\`) with bind9, nsd, knot, dnsperf in images/base/packages.txt"
command -v python3 >/dev/null || die "python3 is needed on the host (zone generation, report)"
# Others may rebuild the images while this runs: use the images as they are now, by id, for the whole run.
NETSTACK_ID="$(docker image inspect --format '{{.Id}}' "$NETSTACK_IMAGE")"
PEER_ID="$(docker image inspect --format '{{.Id}}' "$PEER_IMAGE")"

# Leftovers of an earlier run: remove them if the run that made them is gone, refuse if it is still running.
for id in $(docker ps -aq --filter label=org.flatracoon.bench=dns) $(docker network ls -q --filter label=org.flatracoon.bench=dns); do
  pid="$( (docker inspect --format '{{ index .Config.Labels "org.flatracoon.bench.pid" }}' "$id" 2>/dev/null ||
           docker network inspect --format '{{ index .Labels "org.flatracoon.bench.pid" }}' "$id") | sed -n 1p)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    die "another bench-dns run (pid $pid) is in progress"
  fi
done
docker ps -aq --filter label=org.flatracoon.bench=dns | xargs -r docker rm -f >/dev/null
docker network ls -q --filter label=org.flatracoon.bench=dns | xargs -r docker network rm >/dev/null

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  docker ps -aq --filter "label=org.flatracoon.bench.run=$stamp" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker network ls -q --filter "label=org.flatracoon.bench.run=$stamp" | xargs -r docker network rm >/dev/null 2>&1 || true
  if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "bench-dns: work directory kept: $work" >&2; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "bench-dns: interrupted" >&2; exit 130' INT TERM

mkdir -p "$work/runs" "$work/conf"
started=$SECONDS

# ---------------------------------------------------------------------------------------------------------
# Inputs: the zone (HS, and an IN copy) and the query files

log "generating a zone of $accounts accounts and the query files"
python3 "$here/gen.py" "$work" "$accounts" >&2
read -r known_name known_txt < <(head -1 "$work/expect.txt")
read -r known_uid _ < <(sed -n 2p "$work/expect.txt")

# ---------------------------------------------------------------------------------------------------------
# The network: one internal Docker network. Other labs on this engine use parts of 198.51.100.0/24 and
# 203.0.113.0/24 and Docker refuses overlapping subnets, so take the first free /28 of a few.

subnet=""
for base in 203.0.113.240 198.51.100.240 203.0.113.224 198.51.100.224 203.0.113.208 198.51.100.208; do
  if docker network create --internal --subnet "$base/28" --gateway "${base%.*}.$(( ${base##*.} + 14 ))" \
       "${LABELS[@]}" "$NAME" >/dev/null 2>"$work/net.err"; then
    subnet="$base/28"; break
  fi
done
[ -n "$subnet" ] || die "could not create network $NAME on any of the candidate /28 subnets: $(cat "$work/net.err")"
net_prefix="${subnet%.*}"; net_first="${subnet##*.}"; net_first="${net_first%/*}"
ip_of() { echo "$net_prefix.$(( net_first + $1 ))"; }
PERF_IP="$(ip_of 1)"
declare -A SERVER_IP=([ours]="$(ip_of 2)" [bind]="$(ip_of 3)" [nsd]="$(ip_of 4)" [knot]="$(ip_of 5)")
SERVERS=(ours bind nsd knot)
log "network $NAME on $subnet"

# dnsperf's container on the bridge; for loopback runs a sidecar shares each server's network namespace.
docker run -d --name "$NAME-perf" "${LABELS[@]}" --network "$NAME" --ip "$PERF_IP" \
  -v "$work:/bench" "$PEER_ID" sleep infinity >/dev/null

# ---------------------------------------------------------------------------------------------------------
# Servers

# What each server runs with, for the report.
describe() { # server workers
  case "$1" in
    ours) echo "netstack hesiod serve --zone zone.hs --udp-workers $2 (JVM defaults: $java_version); both classes from the HS file; no rate limiting exists" ;;
    bind) echo "named -g -n $2 (BIND 9.18 starts as many UDP listeners per interface as workers); HS view with zone.hs + IN view with zone.in; recursion no, dnssec-validation no, no rate-limit clause (RRL off)" ;;
    nsd)  echo "nsd -d, server-count: $2, rrl-ratelimit: 0 (Debian's NSD has RRL on at 200 qps/24 by default), reuseport default (no); zone.in (NSD loads class IN only)" ;;
    knot) echo "knotd, udp-workers: $2, tcp-workers: 1, background-workers: 1, no rrl module (RRL off), UDP reuseport (default); zone.in (Knot's zone parser rejects class HS)" ;;
  esac
}

start_server() { # server workers
  local s="$1" w="$2" c="$NAME-$1"
  local common=(-d --name "$c" "${LABELS[@]}" --network "$NAME" --ip "${SERVER_IP[$s]}" -v "$work:/bench:ro" --tmpfs /tmp)
  case "$s" in
    ours)
      docker run "${common[@]}" "$NETSTACK_ID" hesiod serve --zone /bench/zone.hs --udp-workers "$w" >/dev/null ;;
    bind)
      docker run "${common[@]}" "$PEER_ID" sh -c "mkdir -p /tmp/named && exec named -g -n $w -c /bench/conf/named.conf" >/dev/null ;;
    nsd)
      sed "s/@WORKERS@/$w/" "$here/conf/nsd.conf" > "$work/conf/nsd-$w.conf"
      docker run "${common[@]}" "$PEER_ID" sh -c "mkdir -p /tmp/nsd && exec nsd -d -c /bench/conf/nsd-$w.conf" >/dev/null ;;
    knot)
      sed "s/@WORKERS@/$w/" "$here/conf/knot.conf" > "$work/conf/knot-$w.conf"
      docker run "${common[@]}" "$PEER_ID" sh -c "mkdir -p /tmp/knot && exec knotd -c /bench/conf/knot-$w.conf" >/dev/null ;;
  esac
  docker run -d --name "$c-lo" "${LABELS[@]}" --network "container:$c" -v "$work:/bench" "$PEER_ID" sleep infinity >/dev/null
}

# dig from dnsperf's container; prints the answer section (+short), nothing when there is no answer
ask() { docker exec "$NAME-perf" dig +short +time=2 +tries=3 "$@" 2>/dev/null | grep -v '^;;' || true; }

wait_ready() { # server: answers SOA within 180 s
  local s="$1" ip="${SERVER_IP[$1]}" t=0
  until ask +time=1 +tries=1 -t SOA ns.example.org @"$ip" | grep -q '^ns1\.example\.org\. '; do
    if [ "$(docker inspect --format '{{.State.Running}}' "$NAME-$s")" != true ]; then
      docker logs --tail 30 "$NAME-$s" >&2; die "$s exited while loading the zone (its last log lines are above)"
    fi
    t=$((t + 1)); [ $t -lt 180 ] || { docker logs --tail 30 "$NAME-$s" >&2; die "$s did not answer an SOA query within 180 s"; }
    sleep 1
  done
}

# Sanity: the known account must come back with its TXT (IN, and HS where the server serves HS), else abort.
sanity() { # server
  local s="$1" ip="${SERVER_IP[$1]}" got classes="IN"
  case "$s" in ours|bind) classes="IN HS" ;; esac
  for c in $classes; do
    for q in "$known_name" "$known_uid"; do
      got="$(ask -c "$c" -t TXT "$q" @"$ip" | tail -1 | tr -d '"')"
      [ "$got" = "$known_txt" ] || die "sanity check failed: $s answered '$got' for $q $c TXT, expected '$known_txt' — not benchmarking a server that answers wrong"
    done
  done
  [ -z "$(ask -t TXT "nobody.passwd.ns.example.org" @"$ip")" ] || die "sanity check failed: $s answered a missing name"
  log "$s answers $known_name and $known_uid ($classes) with the expected TXT"
}

# dnsperf in the right place for a path; extra arguments go to dnsperf; output to $work/runs/FILE
perf() { # path server file dnsperf-args…
  local path="$1" s="$2" file="$3"; shift 3
  local where target
  where="$(generator_of "$path" "$s")"
  if [ "$path" = bridge ]; then target="${SERVER_IP[$s]}"; else target=127.0.0.1; fi
  docker exec "$where" sh -c 'f="$1"; shift; exec dnsperf "$@" > "/bench/runs/$f" 2>&1' sh "$file" -s "$target" -c 4 -q 100 "$@" \
    || { cat "$work/runs/$file" >&2; die "dnsperf failed against $s ($path)"; }
}

memory() { # when workers: each server's memory use (docker stats) into memory.txt
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(printf "$NAME-%s " "${SERVERS[@]}") \
    | sed "s/^$NAME-\([a-z]*\) \([^ ]*\) .*/\1 $2 $1 \2/" >> "$work/memory.txt"
}

qps_of() { sed -n 's/^ *Queries per second: *\([0-9.]*\).*/\1/p' "$work/runs/$1"; }

# CPU accounting, to tell how much CPU each server spent per query and whether something else on the machine
# (another build, another lab) ran during a measurement: the machine's user CPU (/proc/stat) minus the user
# CPU of this run's containers (their cgroups, v1 cpuacct or v2). In clock ticks.
HZ="$(getconf CLK_TCK)"
cgroup_of() { # container -> its cgroup directory, or nothing
  local id; id="$(docker inspect --format '{{.Id}}' "$1")"
  for d in "/sys/fs/cgroup/cpuacct/docker/$id" "/sys/fs/cgroup/system.slice/docker-$id.scope" "/sys/fs/cgroup/docker/$id"; do
    [ -d "$d" ] && { echo "$d"; return; }
  done
}
cg_ticks() { # cgroup directory -> "user system"
  if [ -f "$1/cpuacct.stat" ]; then awk '{ v[$1] = $2 } END { print v["user"] + 0, v["system"] + 0 }' "$1/cpuacct.stat"
  elif [ -f "$1/cpu.stat" ]; then awk -v hz="$HZ" '{ v[$1] = $2 } END { printf "%d %d\n", v["user_usec"] * hz / 1e6, v["system_usec"] * hz / 1e6 }' "$1/cpu.stat"
  else echo "0 0"; fi
}
declare -A CGROUP=()
generator_of() { # path server -> the container dnsperf runs in
  if [ "$1" = bridge ]; then echo "$NAME-perf"; else echo "$NAME-$2-lo"; fi
}
# -> "time host_user host_idle bench_user server_user server_system dnsperf_user dnsperf_system" (ticks)
cpu_sample() { # server generator-container
  local c bench=0 u sy gu gs
  for c in "${!CGROUP[@]}"; do read -r u sy < <(cg_ticks "${CGROUP[$c]}"); bench=$((bench + u)); done
  read -r gu gs < <(cg_ticks "${CGROUP[$2]:-/nonexistent}")
  read -r u sy < <(cg_ticks "${CGROUP[$NAME-$1]:-/nonexistent}")
  echo "$(date +%s.%N) $(awk '/^cpu / { print $2 + $3, $5 + $6 }' /proc/stat) $bench $u $sy $gu $gs"
}
# User CPU outside this run's containers over one second, in hundredths of a core.
other_load() {
  local a b
  a="$(cpu_sample ours "$NAME-perf")"; sleep 1; b="$(cpu_sample ours "$NAME-perf")"
  echo "$a $b" | awk -v hz="$HZ" '{ v = (($10 - $2) - ($12 - $4)) * 100 / hz / ($9 - $1); printf "%d\n", v < 0 ? 0 : v }'
}
# Before a measured run: wait (at most --quiet-wait seconds) while something else on the machine uses more
# than --quiet-load percent of a core, so that another build or lab does not compete with the measurement.
wait_quiet() {
  [ "$quiet_wait" -gt 0 ] || return 0
  local start=$SECONDS load
  while load="$(other_load)"; [ "$load" -gt "$quiet_load" ]; do
    if [ $(( SECONDS - start )) -ge "$quiet_wait" ]; then
      log "the machine is still busy (${load}% of a core used outside the benchmark): measuring anyway, the report marks it"
      return 0
    fi
    [ $(( SECONDS - start )) -gt 1 ] || log "waiting up to ${quiet_wait}s for the machine to be quiet (${load}% of a core used outside the benchmark)"
  done
}
# a measured dnsperf run: perf plus the CPU samples around it, in $work/cpu.txt
measure() { # path server file dnsperf-args…
  local before after gen
  gen="$(generator_of "$1" "$2")"
  wait_quiet
  before="$(cpu_sample "$2" "$gen")"
  perf "$@"
  after="$(cpu_sample "$2" "$gen")"
  echo "${3%.txt} $HZ $before $after" >> "$work/cpu.txt"
}

# ---------------------------------------------------------------------------------------------------------
# Versions and settings for the report

java_version="$(docker run --rm --network none --entrypoint java "$NETSTACK_ID" -version 2>&1 | sed -n 1p)"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "host=$(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p), kernel $(uname -r)"
  echo "commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "netstack_image=$NETSTACK_IMAGE ${NETSTACK_ID:7:12}, built $(docker image inspect --format '{{.Created}}' "$NETSTACK_ID" | cut -c1-19)"
  echo "java=$java_version"
  echo "named=$(docker run --rm --network none "$PEER_ID" named -v)"
  echo "nsd=$(docker run --rm --network none "$PEER_ID" nsd -v 2>&1 | sed -n 1p)"
  echo "knot=$(docker run --rm --network none "$PEER_ID" knotd -V | sed -n 1p)"
  echo "dnsperf=$(docker run --rm --network none "$PEER_ID" dnsperf -h 2>&1 | sed -n 's/^Version //p')"
  echo "cpus=$(nproc)"
  echo "accounts=$accounts"
  echo "records=$(grep -c ' HS ' "$work/zone.hs")"
  echo "queries=$(wc -l < "$work/queries.txt")"
  echo "duration=$duration"
  echo "warmup=$warmup"
  echo "jit_warmup=$jit_warmup"
  echo "quiet_load=$quiet_load"
  echo "subnet=$subnet"
} > "$work/meta.txt"
cp "$here/conf/named.conf" "$work/conf/named.conf"

# ---------------------------------------------------------------------------------------------------------
# The runs. Per worker count: start the four servers, check them, then per path and server:
#   warm-up (-l warmup, unmeasured), peak (-l duration, no rate limit), and the latency run at half of
#   OUR peak on that path and worker count (-Q, -v: every response's latency, for p50/p99) — the same
#   offered rate for every server, so their latencies compare. Ours and BIND also get a peak run with
#   the same names half in class IN and half in class HS (dnsperf -B, raw wire queries).

for w in $workers; do
  log "starting the servers with $w worker(s)"
  for s in "${SERVERS[@]}"; do start_server "$s" "$w"; done
  for s in "${SERVERS[@]}"; do wait_ready "$s"; done
  CGROUP=()
  for c in "$NAME-perf" $(for s in "${SERVERS[@]}"; do echo "$NAME-$s $NAME-$s-lo"; done); do
    d="$(cgroup_of "$c")"; [ -n "$d" ] && CGROUP[$c]="$d"
  done
  [ ${#CGROUP[@]} -gt 0 ] || log "no container cgroups found: CPU per query and other load will not be reported"
  for s in "${SERVERS[@]}"; do sanity "$s"; done
  for s in "${SERVERS[@]}"; do echo "$s $w $(describe "$s" "$w")" >> "$work/settings.txt"; done
  memory loaded "$w"
  first_path="${paths%% *}"
  log "ours, $w worker(s): ${jit_warmup}s of load to warm up the JIT ($first_path)"
  perf "$first_path" ours "$first_path-w$w-ours-cold.txt" -d /bench/queries.txt -l "$jit_warmup"
  for path in $paths; do
    rate=""
    for s in "${SERVERS[@]}"; do
      id="$path-w$w-$s"
      log "$s, $w worker(s), $path: warm-up ${warmup}s, peak ${duration}s"
      perf "$path" "$s" "$id-warmup.txt" -d /bench/queries.txt -l "$warmup"
      measure "$path" "$s" "$id-peak.txt" -d /bench/queries.txt -l "$duration"
      if [ "$s" = ours ]; then
        rate="$(qps_of "$id-peak.txt" | awk '{ printf "%d", $1 / 2 }')"
        [ -n "$rate" ] && [ "$rate" -gt 0 ] || die "no QPS from our peak run ($work/runs/$id-peak.txt)"
        echo "$path $w $rate" >> "$work/rates.txt"
      fi
      log "$s, $w worker(s), $path: $(qps_of "$id-peak.txt" | cut -d. -f1) qps; latency run at $rate qps"
      measure "$path" "$s" "$id-rate.txt" -d /bench/queries.txt -l "$duration" -Q "$rate" -v
      sed -i -E 's/^> ([A-Z]+) .* ([0-9.]+)$/> \1 \2/' "$work/runs/$id-rate.txt" # keep rcode and latency only
      if [ "$s" = ours ] || [ "$s" = bind ]; then
        log "$s, $w worker(s), $path: peak with IN+HS queries"
        measure "$path" "$s" "$id-mix.txt" -B -d /bench/queries-mix.bin -l "$duration"
      fi
    done
  done
  memory end "$w"
  for s in "${SERVERS[@]}"; do docker rm -f "$NAME-$s-lo" "$NAME-$s" >/dev/null; done
done

echo "runtime=$(( SECONDS - started ))" >> "$work/meta.txt"
mkdir -p "$out"
python3 "$here/report.py" "$work" > "$report"
cat "$report"
echo
echo "bench-dns: report written to $report"
