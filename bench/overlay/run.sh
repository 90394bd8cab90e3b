#!/usr/bin/env bash
# Overlay benchmark (not a test): iperf3 and ping between two Kubernetes nodes of the overlay-k8s
# lab, over their overlay addresses and over the raw underlay between the same two machines, in
# the same run. Prints a table (throughput raw and overlay, ratio, RTT raw and overlay, added
# latency) and writes it to bench/out/overlay-<timestamp>.md.
#
#   bench/overlay/run.sh [--duration 10] [--streams 1] [--pings 50] [--link-rate RATE] [--mtu N] [--keep]
#
#   --duration  seconds of each iperf3 run (after 2 s that iperf3 omits: TCP and JIT warm-up)
#   --streams   parallel TCP streams of each iperf3 run (-P)
#   --pings     echo requests per RTT measurement (0.1 s apart)
#   --link-rate shape the underlay link between the two nodes to RATE (tc tbf, e.g. 1gbit) in both
#               directions, as a real NIC would be; default: unshaped (a veth pair, ~10 Gbit/s here)
#   --mtu       the overlay network's MTU (the controller's `mtu`, default ZeroTier's 2800); a larger one
#               means fewer packets to encrypt for the same bytes (the underlay fragments them)
#   --keep      leave the lab running afterwards (`just lab down overlay-k8s` removes it)
#
# Needs a Docker engine, the lab images (`just images`), the lab command (`just build-lab`) and
# python3 on the host. The lab is removed on exit, on failure and on Ctrl-C unless --keep.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | sed -n 1p)"
lab_jar="$root/lab/target/lab-$version.jar"
topology="$root/scenarios/src/test/resources/labs/overlay-k8s.clab.yml"
LAB=overlay-k8s
A=k8s-1
B=k8s-2
AGENT_PORT=9994
TOKEN=overlay-lab-operator-token
NETWORK=bec317fcfe000001

duration=10
streams=1
pings=50
link_rate=""
mtu=""
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --streams) streams="$2"; shift 2 ;;
    --pings) pings="$2"; shift 2 ;;
    --link-rate) link_rate="$2"; shift 2 ;;
    --mtu) mtu="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench-overlay: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$duration" "$streams" "$pings"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench-overlay: --duration, --streams and --pings take a positive number, not '$n'" >&2; exit 2; }
done
[ -z "$link_rate" ] || [[ "$link_rate" =~ ^[1-9][0-9]*(kbit|mbit|gbit)$ ]] \
  || { echo "bench-overlay: --link-rate takes a tc rate such as 1gbit or 500mbit, not '$link_rate'" >&2; exit 2; }
[ -z "$mtu" ] || [[ "$mtu" =~ ^[1-9][0-9]{2,4}$ ]] \
  || { echo "bench-overlay: --mtu takes a number of bytes such as 9000, not '$mtu'" >&2; exit 2; }
[ -f "$lab_jar" ] || { echo "bench-overlay: $lab_jar is missing; run \`just build-lab\`" >&2; exit 2; }

lab() { java -jar "$lab_jar" "$@"; }
in_node() { local node="$1"; shift; lab exec "$LAB" "$node" "$@"; }
status_of() { in_node "$1" curl -sS --max-time 5 "http://127.0.0.1:$AGENT_PORT/status"; }
field() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {"d": d}))' "$1"; }

cleanup() { [ "$keep" = 1 ] || lab down "$LAB" >/dev/null 2>&1 || true; }
trap cleanup EXIT INT TERM

echo "bench-overlay: bringing up $LAB" >&2
lab up "$topology" >&2

if [ -n "$mtu" ]; then
  in_node ctl curl -fsS -o /dev/null -H "X-ZT1-Auth: $TOKEN" --data "{\"mtu\":$mtu}" \
    "http://127.0.0.1:9993/controller/network/$NETWORK"
fi
want_mtu="${mtu:-2800}"
echo "bench-overlay: authorising $A and $B" >&2
for node in "$A" "$B"; do
  member="$(status_of "$node" | field 'd["address"]')"
  in_node ctl curl -fsS -o /dev/null -H "X-ZT1-Auth: $TOKEN" --data '{"authorized":true}' \
    "http://127.0.0.1:9993/controller/network/$NETWORK/member/$member"
done

# Both members configured and each reaching the other directly, within 60 s.
peer_path() { status_of "$1" | field "next((p['path'] for p in d.get('peers', []) if p['address'] == '$2'), 'none')"; }
a_member="$(status_of "$A" | field 'd["address"]')"
b_member="$(status_of "$B" | field 'd["address"]')"
deadline=$((SECONDS + 60))
until [ "$(status_of "$A" | field 'd["status"]')" = OK ] && [ "$(status_of "$B" | field 'd["status"]')" = OK ] \
    && [ "$(status_of "$A" | field 'd["mtu"]')" = "$want_mtu" ] && [ "$(status_of "$B" | field 'd["mtu"]')" = "$want_mtu" ] \
    && in_node "$A" ping -c 1 -W 1 "$(status_of "$B" | field '[a.split("/")[0] for a in d["assignedAddresses"] if ":" not in a][0]')" >/dev/null \
    && [ "$(peer_path "$A" "$b_member")" = direct ] && [ "$(peer_path "$B" "$a_member")" = direct ]; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "bench-overlay: $A and $B did not reach each other directly within 60 s" >&2; exit 1; }
  sleep 1
done

# B's underlay address is where A reaches it directly.
raw_b="$(status_of "$A" | field "next(p['endpoint'] for p in d['peers'] if p['address'] == '$b_member').split('/')[0]")"
overlay_b="$(status_of "$B" | field '[a.split("/")[0] for a in d["assignedAddresses"] if ":" not in a][0]')"
echo "bench-overlay: $B is $raw_b on the underlay, $overlay_b on the overlay" >&2

if [ -n "$link_rate" ]; then
  # Both ends of their link, egress: what each node sends towards the other is limited to the rate.
  for node in "$A" "$B"; do
    peer_address="$([ "$node" = "$A" ] && echo "$raw_b" || status_of "$B" | field "next(p['endpoint'] for p in d['peers'] if p['address'] == '$a_member').split('/')[0]")"
    dev="$(in_node "$node" ip -o route get "$peer_address" | sed -n 's/.* dev \([^ ]*\).*/\1/p')"
    in_node "$node" tc qdisc replace dev "$dev" root tbf rate "$link_rate" burst 256kb latency 50ms
  done
  echo "bench-overlay: the underlay link between $A and $B is shaped to $link_rate each way" >&2
fi

in_node "$B" iperf3 -s -D >/dev/null
iperf() {  # iperf() ADDRESS → received bits/s; retried: iperf3 -D returns before the server listens
  local out
  for attempt in 1 2 3; do
    if out="$(in_node "$A" iperf3 -c "$1" -J -t "$duration" -O 2 -P "$streams")"; then
      echo "$out" | field 'd["end"]["sum_received"]["bits_per_second"]'; return 0
    fi
    sleep 1
  done
  echo "bench-overlay: iperf3 to $1 failed: $out" >&2; return 1
}
rtt() {  # rtt() ADDRESS → average RTT in ms
  in_node "$A" ping -n -q -c "$pings" -i 0.1 "$1" | sed -n 's:.* = [0-9.]*/\([0-9.]*\)/.*:\1:p'
}

echo "bench-overlay: iperf3 raw, then overlay (${duration} s each, ${streams} stream(s))" >&2
raw_bps="$(iperf "$raw_b")"
overlay_bps="$(iperf "$overlay_b")"
echo "bench-overlay: ping raw, then overlay ($pings each)" >&2
raw_rtt="$(rtt "$raw_b")"
overlay_rtt="$(rtt "$overlay_b")"
drops="$(in_node "$B" curl -sS "http://127.0.0.1:$AGENT_PORT/metrics" | grep '^overlay_drops_total' | awk '$2 > 0' | tr '\n' ' ')"

stamp="$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$root/bench/out"
report="$root/bench/out/overlay-$stamp.md"
python3 - "$raw_bps" "$overlay_bps" "$raw_rtt" "$overlay_rtt" "$duration" "$streams" "$pings" "$(nproc)" "${drops:-none}" "${link_rate:-unshaped veth}" "$want_mtu" > "$report" <<'PY'
import sys
raw, ovl, raw_rtt, ovl_rtt = (float(x) for x in sys.argv[1:5])
duration, streams, pings, cores, drops, link, mtu = sys.argv[5:12]
ratio = ovl / raw
ok_ratio, ok_rate = ratio >= 0.30, ovl > 500e6
print(f"# Overlay benchmark ({cores} cores, k8s-1 → k8s-2 over their underlay link: {link}; overlay MTU {mtu})\n")
print("| path | iperf3 TCP | ping RTT (avg) |")
print("|---|---:|---:|")
print(f"| raw underlay | {raw/1e6:,.0f} Mbit/s | {raw_rtt:.3f} ms |")
print(f"| overlay (encrypted) | {ovl/1e6:,.0f} Mbit/s | {ovl_rtt:.3f} ms |")
print(f"| overlay ÷ raw | {ratio:.1%} | +{ovl_rtt - raw_rtt:.3f} ms added |")
print()
print(f"iperf3: {duration} s per run after 2 s omitted, {streams} stream(s); ping: {pings} requests 0.1 s apart.")
print(f"Drops counted by the receiving agent: {drops}")
print()
print(f"Target: overlay ≥ 30 % of raw — {'met' if ok_ratio else 'NOT met'}; overlay > 500 Mbit/s — {'met' if ok_rate else 'NOT met'}.")
PY
cat "$report"
echo "(written to ${report#$root/})"
