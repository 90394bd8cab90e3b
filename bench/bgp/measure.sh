#!/bin/sh
# Runs inside the router's container (docker exec): waits for the injector's first UPDATE, then
# until the router reports N IPv4 routes in its Loc-RIB, and prints one line
#   seconds=S rss_peak_kb=K rss_kb=R count=C cpu=SECONDS threads=NAME:SECONDS,... (CPU while ingesting)
# S runs from the first poll that saw more than the OPEN and KEEPALIVE arrive on the router's
# socket (bytes_received > 200 in the kernel's TCP info, `ss -ti`: independent of the daemon,
# which may be too busy to answer its CLI, and of how fast each side handles the OPEN) to the
# first poll the router answered with N routes. K is VmHWM of the router process (PID 1 of the
# container), R its VmRSS at that moment.
# Usage: measure.sh ours|bird|frr|gobgp N|ready TIMEOUT_SECONDS   (ready: wait until the router listens and
# answers its route count, then exit 0)
set -u
kind="$1" want="$2" timeout="$3"

# Polls are cheap for ours/BIRD/FRR; GoBGP's CLI takes a server lock that stalls UPDATE
# processing (PROTOCOLS.md §1.8), so it is asked less often.
interval=0.05
[ "$kind" = gobgp ] && interval=0.25

first_update_arrived() {   # OPEN (< 100 bytes) + KEEPALIVE (19) are behind us
  received=$(ss -Htin state established '( sport = :179 )' | grep -o 'bytes_received:[0-9]*' | head -1 | cut -d: -f2)
  [ "${received:-0}" -gt 200 ]
}

thread_ticks() {   # NAME<TAB>utime+stime per thread of PID 1, numbered names (C2 CompilerThre0/1) merged
  for t in /proc/1/task/*; do
    printf '%s\t%s\n' "$(tr ' ' _ <"$t/comm" | sed 's/[0-9#]*$//')" "$(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
  done | awk -F'\t' '{c[$1] += $2} END {for (k in c) printf "%s\t%d\n", k, c[k]}'
}

count() {
  case "$kind" in
    ours) curl -sf http://127.0.0.1:8080/metrics | sed -n 's/^bgp_loc_rib_routes{family="ipv4"} \([0-9.eE+]*\).*/\1/p' \
            | awk '{printf "%d", $1}' ;;
    bird) birdc -s /run/bird/bird.ctl show protocols all inj 2>/dev/null \
            | awk '$1 == "inj" {up = 1} /Routes:/ {r = $2} END {if (up) print r + 0}' ;;
    # pfxRcd counts paths stored; best-path selection runs later from a work queue and bumps
    # the table version once per prefix, so the Loc-RIB is full when both reach N.
    frr) vtysh -c 'show bgp ipv4 unicast summary json' 2>/dev/null \
           | awk -F'[:,]' '/"tableVersion"/ && v == "" {v = $2} /"pfxRcd"/ {p = $2} END {print (p + 0 < v + 0 ? p + 0 : v + 0)}' ;;
    gobgp) gobgp global rib summary -a ipv4 2>/dev/null | sed -n 's/.*Destination: \([0-9]*\).*/\1/p' ;;
  esac
}

listening() {   # port 179 (0x00B3) in state LISTEN (0A), IPv4 or IPv6 socket
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '$2 ~ /:00B3$/ && $4 == "0A" {f = 1} END {exit !f}'
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }

deadline=$(( $(date +%s) + timeout ))
if [ "$want" = ready ]; then
  # Before the injector starts: the router listens and answers the route count, so the first
  # counting query of the measurement is not also the first ever (a cold JVM's first /metrics
  # request loads classes for a few hundred ms).
  until listening && [ -n "$(count)" ]; do
    if [ "$(date +%s)" -ge "$deadline" ]; then echo "error=router-not-ready"; exit 1; fi
    sleep 0.05
  done
  exit 0
fi
until first_update_arrived; do
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "error=no-update-from-the-injector"; exit 1; fi
  sleep 0.005
done
t0=$(now)
ticks0=$(mktemp)
thread_ticks >"$ticks0"
n=0
while :; do
  n=$(count); n=${n:-0}
  [ "$n" -ge "$want" ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "error=timeout seconds=$(elapsed "$t0" "$(now)") count=$n"; exit 1
  fi
  sleep "$interval"
done
t1=$(now)
hwm=$(awk '/^VmHWM:/ {print $2}' /proc/1/status)
rss=$(awk '/^VmRSS:/ {print $2}' /proc/1/status)
# CPU the router used while it took the routes in (first UPDATE .. N routes), in total and
# by thread name (for ours: the event loop, the JIT compilers, GC).
cpu_delta=$(thread_ticks | awk -F'\t' -v hz="$(getconf CLK_TCK)" 'NR == FNR {before[$1] = $2; next}
  {c[$1] += $2 - before[$1]; total += $2 - before[$1]}
  END {printf "cpu=%.2f threads=", total / hz; sep = ""
       n = 0; for (k in c) if (c[k] > 0) {line[n++] = sprintf("%s:%.2f", k, c[k] / hz)}
       for (i = 0; i < n; i++) {printf "%s%s", sep, line[i]; sep = ","}}' "$ticks0" -)
rm -f "$ticks0"
echo "seconds=$(elapsed "$t0" "$t1") rss_peak_kb=$hwm rss_kb=$rss count=$n $cpu_delta"
