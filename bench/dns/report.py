#!/usr/bin/env python3
"""Turns a bench-dns work directory (bench/dns/run.sh) into the Markdown report on stdout.

    report.py WORKDIR

Reads meta.txt, settings.txt, rates.txt, memory.txt and runs/<path>-w<workers>-<server>-<kind>.txt
(kind: peak, rate (with -v: one line per response), mix, cold) and cpu.txt.
"""
import glob
import os
import re
import sys

SERVERS = ["ours", "bind", "nsd", "knot"]
TITLE = {"ours": "ours (netstack hesiod)", "bind": "BIND 9", "nsd": "NSD", "knot": "Knot DNS"}
PATH_TITLE = {
    "bridge": "dnsperf in its own container, queries over the internal Docker network (veth + bridge)",
    "loopback": "dnsperf in the server's network namespace, queries to 127.0.0.1 (like the PROTOCOLS.md §4.1 anchors)",
}
EXPECTED_NXDOMAIN = 25.0  # % of the query mix (gen.py)
BUSY = 0.15  # cores of other user CPU during a run above which the run is marked as disturbed


def parse_run(path):
    """dnsperf's statistics block, plus the per-response latencies when it ran with -v."""
    r = {"latencies": [], "rcodes": {}}
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("> "):
                parts = line.split()
                if len(parts) >= 3 and parts[1] not in ("T", "I"):
                    try:
                        r["latencies"].append(float(parts[-1]))
                    except ValueError:
                        pass
                continue
            m = re.match(r"\s*Queries sent:\s*(\d+)", line)
            if m:
                r["sent"] = int(m.group(1))
            m = re.match(r"\s*Queries completed:\s*(\d+)", line)
            if m:
                r["completed"] = int(m.group(1))
            m = re.match(r"\s*Queries lost:\s*(\d+) \(([\d.]+)%\)", line)
            if m:
                r["lost"], r["lost_pct"] = int(m.group(1)), float(m.group(2))
            m = re.match(r"\s*Queries per second:\s*([\d.]+)", line)
            if m:
                r["qps"] = float(m.group(1))
            m = re.match(r"\s*Average Latency \(s\):\s*([\d.]+)", line)
            if m:
                r["avg"] = float(m.group(1))
            m = re.match(r"\s*Response codes:\s*(.*)", line)
            if m:
                for code, count in re.findall(r"([A-Z]+) (\d+) \(", m.group(1)):
                    r["rcodes"][code] = int(count)
    lat = sorted(r["latencies"])
    if lat:
        r["p50"] = percentile(lat, 50)
        r["p99"] = percentile(lat, 99)
        r["p999"] = percentile(lat, 99.9)
        r["max"] = lat[-1]
    return r


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    k = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 100)) - 1))
    return sorted_values[k]


def answers_ok(r):
    """True when the answers look like the zone's: only NOERROR/NXDOMAIN, NXDOMAIN near its share of the mix."""
    total = sum(r["rcodes"].values())
    if not total:
        return False
    other = total - r["rcodes"].get("NOERROR", 0) - r["rcodes"].get("NXDOMAIN", 0)
    nx = 100.0 * r["rcodes"].get("NXDOMAIN", 0) / total
    return other == 0 and abs(nx - EXPECTED_NXDOMAIN) < 2.0


def rcode_text(r):
    total = sum(r["rcodes"].values()) or 1
    return ", ".join("%s %.1f%%" % (c, 100.0 * n / total) for c, n in r["rcodes"].items())


def ms(seconds):
    return "%.3f ms" % (seconds * 1000) if seconds is not None else "–"


def kv(path):
    d = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    d[k] = v
    return d


def main():
    work = sys.argv[1]
    meta = kv(os.path.join(work, "meta.txt"))
    runs = {}
    for f in glob.glob(os.path.join(work, "runs", "*.txt")):
        m = re.match(r"(bridge|loopback)-w(\d+)-(\w+)-(peak|rate|mix|cold)\.txt$", os.path.basename(f))
        if m:
            runs[(m.group(1), int(m.group(2)), m.group(3), m.group(4))] = parse_run(f)
    rates = {}
    if os.path.exists(os.path.join(work, "rates.txt")):
        for line in open(os.path.join(work, "rates.txt")):
            p, w, q = line.split()
            rates[(p, int(w))] = int(q)
    settings = {}
    if os.path.exists(os.path.join(work, "settings.txt")):
        for line in open(os.path.join(work, "settings.txt")):
            s, w, text = line.rstrip("\n").split(" ", 2)
            settings.setdefault(s, {})[int(w)] = text
    memory = {}
    if os.path.exists(os.path.join(work, "memory.txt")):
        for line in open(os.path.join(work, "memory.txt")):
            parts = line.split()
            if len(parts) == 4:
                memory[(parts[0], int(parts[1]), parts[2])] = parts[3]

    # CPU samples around each measured run: server CPU and the machine's user CPU spent outside this benchmark
    cpus = int(meta.get("cpus", "2"))
    cpu_file = os.path.join(work, "cpu.txt")
    if os.path.exists(cpu_file):
        for line in open(cpu_file):
            f = line.split()
            m = re.match(r"(bridge|loopback)-w(\d+)-(\w+)-(peak|rate|mix)$", f[0])
            if not m or len(f) != 18:
                continue
            hz = float(f[1])
            t0, hu0, hi0, b0, su0, ss0, gu0, gs0 = map(float, f[2:10])
            t1, hu1, hi1, b1, su1, ss1, gu1, gs1 = map(float, f[10:18])
            r = runs.get((m.group(1), int(m.group(2)), m.group(3), m.group(4)))
            if r is None or t1 <= t0:
                continue
            elapsed = t1 - t0
            r["other_cores"] = max(0.0, (hu1 - hu0) - (b1 - b0)) / hz / elapsed
            r["idle_pct"] = 100.0 * (hi1 - hi0) / hz / elapsed / cpus
            r["dnsperf_cores"] = (gu1 - gu0 + gs1 - gs0) / hz / elapsed
            server_seconds = (su1 - su0 + ss1 - ss0) / hz
            if server_seconds > 0:
                r["server_cores"] = server_seconds / elapsed
                r["server_sys_share"] = (ss1 - ss0) / hz / server_seconds
                if r.get("completed"):
                    r["us_per_query"] = server_seconds * 1e6 / r["completed"]

    paths = [p for p in ("bridge", "loopback") if any(k[0] == p and k[3] == "peak" for k in runs)]
    workers = sorted({k[1] for k in runs})
    out = []
    w_ = out.append
    w_("# DNS benchmark — %s" % meta.get("date", "?"))
    w_("")
    w_("Our Hesiod server, BIND 9, NSD and Knot DNS on the same machine (%s), one after the other, each in its "
       "own container, all loaded by dnsperf with the same queries. Zone `ns.example.org.`: %s accounts, %s records "
       "(passwd TXT, uid CNAME, grplist TXT, 1,001 groups with gid CNAMEs). Query mix (class IN, %s names, dnsperf "
       "loops over them): 40 %% passwd, 15 %% uid (CNAME→TXT), 10 %% grplist, 5 %% group, 5 %% gid (CNAME→TXT), "
       "25 %% names that do not exist (NXDOMAIN); all TXT, no EDNS, RD set. dnsperf `-c 4 -q 100`, %s s warm-up "
       "then %s s per run; no CPU pinning: every container, dnsperf included, shares the same cores."
       % (meta.get("host", "?"), format(int(meta.get("accounts", "0")), ","), format(int(meta.get("records", "0")), ","),
          format(int(meta.get("queries", "0")), ","), meta.get("warmup", "?"), meta.get("duration", "?")))
    w_("")
    w_("QPS, average latency, lost %%, server CPU and other load are from the unthrottled peak run. p50/p99 are from a second run at a fixed "
       "offered rate, **half of our server's peak on that path and worker count** (the same rate for all four "
       "servers, so their latencies compare), over every response's latency (dnsperf 2.10 has no percentile output; "
       "`-v` prints each response's latency); p99.9 and the maximum from the same run. ours ÷ server compares peak QPS. Server CPU: the server container's "
       "CPU time (user + system, from its cgroup; the share in the kernel in brackets) during the peak run, in "
       "cores and per answered query; network softirq work is charged to whichever task the kernel happened to "
       "run it in, so part of each side's packet handling shows in the other's numbers. dnsperf CPU: the same for "
       "dnsperf's container. Machine idle: idle share of all cores (near 0: the cores, not a server, were the "
       "limit). Other load: user "
       "CPU of everything on the machine outside this benchmark during the run, in cores; above %.2f the row is "
       "marked ⚡ (another build or lab competed for the cores: rerun for clean numbers); "
       "the two numbers are peak run / latency run." % BUSY)
    problems = []
    for path in paths:
        for w in workers:
            rate = rates.get((path, w))
            w_("")
            w_("## %s, %d worker%s" % (path, w, "" if w == 1 else "s"))
            w_("")
            cold = runs.get((path, w, "ours", "cold"), {}).get("qps")
            w_("%s. Latency run at %s qps.%s" % (PATH_TITLE[path], format(rate, ",") if rate else "?",
               " Ours right after start (JIT cold, first %s s of load, not measured otherwise): %s qps."
               % (meta.get("jit_warmup", "?"), format(round(cold), ",")) if cold else ""))
            w_("")
            w_("| server | workers | QPS | avg latency | p50 @ %s qps | p99 @ %s qps | p99.9 / max | lost %% (peak / @rate) "
               "| server CPU (sys %%) | CPU per query | dnsperf CPU | machine idle | other load | ours ÷ server |"
               % ((format(rate, ",") if rate else "?",) * 2))
            w_("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
            ours = runs.get((path, w, "ours", "peak"), {}).get("qps")
            for s in SERVERS:
                peak = runs.get((path, w, s, "peak"))
                if not peak or "qps" not in peak:
                    continue
                lat = runs.get((path, w, s, "rate"), {})
                flag = ""
                for kind, r in (("peak", peak), ("latency", lat)):
                    if r and not answers_ok(r):
                        flag = " ⚠"
                        problems.append("%s, %s, %d worker(s), %s run: unexpected answers (%s)"
                                        % (s, path, w, kind, rcode_text(r)))
                for r in (peak, lat):
                    if r.get("other_cores", 0.0) > BUSY and "⚡" not in flag:
                        flag += " ⚡"
                ratio = "%.2f" % (ours / peak["qps"]) if ours and s != "ours" else "—"
                w_("| %s%s | %d | %s | %s | %s | %s | %s / %s | %.2f / %.2f | %s | %s | %s | %s | %s | %s |" % (
                    TITLE[s], flag, w, format(round(peak["qps"]), ","), ms(peak.get("avg")), ms(lat.get("p50")),
                    ms(lat.get("p99")), ms(lat.get("p999")), ms(lat.get("max")),
                    peak.get("lost_pct", 0.0), lat.get("lost_pct", 0.0),
                    "%.2f cores (%d %%)" % (peak["server_cores"], round(100 * peak["server_sys_share"]))
                    if "server_cores" in peak else "–",
                    "%.1f µs" % peak["us_per_query"] if "us_per_query" in peak else "–",
                    "%.2f cores" % peak["dnsperf_cores"] if "dnsperf_cores" in peak else "–",
                    "%d %%" % round(peak["idle_pct"]) if "idle_pct" in peak else "–",
                    "%.2f / %.2f" % (peak.get("other_cores", 0.0), lat.get("other_cores", 0.0))
                    if "other_cores" in peak else "–", ratio))
            mix = [(s, runs.get((path, w, s, "mix"))) for s in ("ours", "bind")]
            if any(r for _, r in mix):
                w_("")
                w_("Both classes (the same names, alternately class IN and class HS, raw wire queries via `dnsperf -B`; "
                   "NSD and Knot cannot load class HS):")
                w_("")
                w_("| server | QPS IN only | QPS IN + HS | lost % |")
                w_("|---|---|---|---|")
                for s, r in mix:
                    if r and "qps" in r:
                        if not answers_ok(r):
                            problems.append("%s, %s, %d worker(s), IN+HS run: unexpected answers (%s)"
                                            % (s, path, w, rcode_text(r)))
                        w_("| %s | %s | %s | %.2f |" % (TITLE[s], format(round(runs[(path, w, s, "peak")]["qps"]), ","),
                                                     format(round(r["qps"]), ","), r.get("lost_pct", 0.0)))

    w_("")
    w_("## Against the targets")
    w_("")
    w_("Target (issue): ahead of BIND and NSD, within 10 % of Knot, p99 under 1 ms at 50 % of our peak rate. "
       "⚡: a run involved was disturbed by other load on the machine.")
    w_("")
    w_("| path | workers | ours QPS | vs BIND | vs NSD | vs Knot (≥ 0.90) | our p99 @ 50 % (< 1 ms) |")
    w_("|---|---|---|---|---|---|---|")
    for path in paths:
        for w in workers:
            o = runs.get((path, w, "ours", "peak"), {}).get("qps")
            if not o:
                continue
            def busy(*keys):
                return " ⚡" if any(runs.get(k, {}).get("other_cores", 0.0) > BUSY for k in keys) else ""
            cells = []
            for s, need in (("bind", 1.0), ("nsd", 1.0), ("knot", 0.9)):
                q = runs.get((path, w, s, "peak"), {}).get("qps")
                cells.append("%.2f %s%s" % (o / q, "✓" if o / q >= need else "✗",
                                            busy((path, w, "ours", "peak"), (path, w, s, "peak"))) if q else "–")
            p99 = runs.get((path, w, "ours", "rate"), {}).get("p99")
            cells.append("%s %s%s" % (ms(p99), "✓" if p99 is not None and p99 < 0.001 else "✗",
                                      busy((path, w, "ours", "rate"))))
            w_("| %s | %d | %s | %s |" % (path, w, format(round(o), ","), " | ".join(cells)))
    if problems:
        w_("")
        w_("**Unexpected answers** (such a row does not measure serving the zone):")
        for p in problems:
            w_("- " + p)

    w_("")
    w_("## What ran")
    w_("")
    for s in SERVERS:
        for w in sorted(settings.get(s, {})):
            mem = (memory.get((s, w, "loaded")), memory.get((s, w, "end")))
            w_("- **%s**, %d worker(s): %s%s" % (TITLE[s], w, settings[s][w],
                                                 "; memory after loading the zone %s, after the runs %s" % mem
                                                 if all(mem) else ""))
    w_("- Versions: %s; %s; %s; dnsperf %s; our image %s, commit %s."
       % (meta.get("named", "?"), meta.get("nsd", "?"), meta.get("knot", "?"), meta.get("dnsperf", "?"),
          meta.get("netstack_image", "?"), meta.get("commit", "?")))
    w_("- Network %s (internal Docker bridge); run took %s s." % (meta.get("subnet", "?"), meta.get("runtime", "?")))
    print("\n".join(out))


if __name__ == "__main__":
    main()
