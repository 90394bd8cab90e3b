# FlatRacoon Lab: every "how do I…" as a recipe. `./just` runs these on a machine without `just`.

set shell := ["bash", "-euo", "pipefail", "-c"]
set positional-arguments

# No registry is reachable: Testcontainers must not pull helper images (the lab cleans up itself).
export TESTCONTAINERS_RYUK_DISABLED := "true"
export TESTCONTAINERS_HOST_OVERRIDE := "localhost"

version := `sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1`
lab_jar := "lab/target/lab-" + version + ".jar"

# List the recipes
default:
    @{{just_executable()}} --list --unsorted

# Run the lab scenario suite, or the part a tag expression selects: just scenarios [--parallel N] [@hesiod]
scenarios *ARGS: images build-lab
    #!/usr/bin/env bash
    set -uo pipefail
    parallel=1; tags=()
    while [ $# -gt 0 ]; do
      case "$1" in
        --parallel) parallel="${2:-}"; shift $(( $# > 1 ? 2 : 1 ));;
        --parallel=*) parallel="${1#*=}"; shift;;
        *) tags+=("$1"); shift;;
      esac
    done
    if ! [[ "$parallel" =~ ^[1-9][0-9]?$ ]]; then
      echo "--parallel needs a number of labs from 1 to 99, got '$parallel'" >&2; exit 2
    fi
    enabled=$([ "$parallel" -gt 1 ] && echo true || echo false)
    status=0
    mvn -B -pl scenarios -am verify -DskipTests -Dscenarios.skip=false -Dcucumber.filter.tags="${tags[*]:-}" \
      -Dscenarios.parallel="$parallel" -Dscenarios.parallel.enabled="$enabled" || status=$?
    {{just_executable()}} _report; {{just_executable()}} leaks || status=1; exit $status

# Run every test: unit tests of each module, then the scenario suite against real containers
test: images
    status=0; \
    mvn -B verify -Dscenarios.skip=false || status=$?; \
    {{just_executable()}} _report; {{just_executable()}} leaks; exit $status

# Unit tests only (no Docker needed)
unit:
    mvn -B verify

# Make sure a Docker engine answers (installs docker.io and starts dockerd when missing)
docker:
    @scripts/ensure-docker.sh

# Build the images that changed: base (debootstrap), netstack (Jib), host
images: docker
    @images/build.sh

# Build the `lab` command
build-lab:
    mvn -B -q -pl lab -am package -DskipTests

# Run the lab command: just lab up FILE | lab ps | lab exec LAB NODE -- CMD… | lab fault LAB … | lab node LAB NODE … | lab replay BUNDLE | lab down LAB | lab clean
lab *ARGS: docker
    @test -f {{lab_jar}} || mvn -B -q -pl lab -am package -DskipTests
    @cd "{{invocation_directory()}}" && java -jar "{{justfile_directory()}}/{{lab_jar}}" "$@"

# DNS benchmark (not a test): ours, BIND, NSD and Knot under dnsperf; just bench-dns --quick
bench-dns *ARGS: images
    bench/dns/run.sh "$@"

# BGP route-ingestion benchmark (not a test): 100k/1M prefixes into ours, BIRD, FRR and GoBGP; just bench-bgp --quick
bench-bgp *ARGS: images
    bench/bgp/run.sh "$@"

# Overlay benchmark (not a test): iperf3 and ping over the overlay and the raw underlay; just bench-overlay --help
bench-overlay *ARGS: images build-lab
    bench/overlay/run.sh "$@"

# Bring a lab up and down N times (default: 50 cycles of a six-node ring), timing each, checking nothing is left
bench-lab-cycles CYCLES="50" FILE="bench/lab/six-node-ring.clab.yml": docker build-lab
    java -cp {{lab_jar}} org.flatracoon.lab.bench.UpDownCycles "$1" "$2"

# Fail when a container or network of a test-run lab is still on the engine
leaks:
    #!/usr/bin/env bash
    set -euo pipefail
    left="$(docker ps -aq --filter label=org.flatracoon.lab.owner=test; docker network ls -q --filter label=org.flatracoon.lab.owner=test)"
    if [ -n "$left" ]; then
      echo "leak: test-run lab resources remain:" >&2
      docker ps -a --filter label=org.flatracoon.lab.owner=test --format '  container {{{{.Names}}' >&2
      docker network ls --filter label=org.flatracoon.lab.owner=test --format '  network {{{{.Name}}' >&2
      exit 1
    fi
    echo "no lab containers or networks left behind"

# Print where the newest report is
_report:
    #!/usr/bin/env bash
    if [ -e reports/out/latest/index.html ]; then
      echo "Lab report: $(cd reports/out/latest && pwd -P)/index.html"
    else
      echo "no lab report was written (did the scenario suite run?)"
    fi
