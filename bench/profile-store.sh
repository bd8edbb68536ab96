#!/usr/bin/env bash
# Profile ingestion throughput into the identity graph and Profile stores, as a ratio to a write-only baseline
# measured in the same run (bench/ProfilePlatform.Bench.ProfileStore; method: docs/performance.md).
#
#   bench/profile-store.sh   build (Release), start a throwaway PostgreSQL cluster (initdb defaults) unless
#                            PROFILEPLATFORM_BENCH_POSTGRES is set, run the benchmark, print a Markdown table.
#
# Environment (optional): PROFILEPLATFORM_BENCH_POSTGRES (a server where databases may be created; the benchmark
# drops its database at the end), BENCH_RECORDS (20000), BENCH_PROFILES (10000), BENCH_RUNS (3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/postgres.sh
. "$ROOT/bench/lib/postgres.sh"
cd "$ROOT"

step() { printf '==> %s\n' "$*" >&2; }
die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    die "no free port found"
}

PG_TMP=
PG_BIN=
cleanup() {
    local rc=$?
    set +e
    if [ -n "$PG_TMP" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1
        rm -rf "$PG_TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT INT TERM

step "building bench/ProfilePlatform.Bench.ProfileStore (Release)"
dotnet build -c Release -v q -nologo bench/ProfilePlatform.Bench.ProfileStore >/dev/null

if [ -z "${PROFILEPLATFORM_BENCH_POSTGRES:-}" ]; then
    PG_BIN="$(find_pgbin)" || die "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql, or set PROFILEPLATFORM_BENCH_POSTGRES"
    port="$(free_port)"
    PG_TMP="$(mktemp -d /tmp/pp-bench-pg.XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_TMP"
    step "PostgreSQL: throwaway cluster from $PG_BIN on 127.0.0.1:$port (initdb defaults)"
    as_postgres "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 || die "initdb failed"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_TMP -c max_connections=100$(pg_settings_options)" start >/dev/null \
        || { cat "$PG_TMP/postgres.log" >&2; die "PostgreSQL did not start"; }
    export PROFILEPLATFORM_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

DOTNET_gcServer=1 dotnet bench/ProfilePlatform.Bench.ProfileStore/bin/Release/net10.0/ProfilePlatform.Bench.ProfileStore.dll
