#!/usr/bin/env bash
# ProfilePlatform batch ingestion benchmark: records/s of a 1,000,000-record JSON batch (~600 bytes a record, 3 identities
# each) into a profile-enabled dataset, as a ratio to a PostgreSQL binary COPY of the same rows into an equivalent table,
# measured in the same run on the same server (method: docs/performance.md).
#
#   bench/ingest.sh   build (Release), start a throwaway PostgreSQL cluster and the platform on 127.0.0.1, generate the
#                     records, ingest them through the Batch Ingestion API (large-file upload, COMPLETE, Catalog polled
#                     until success) and COPY them, interleaved, and print a Markdown table.
#
# Environment (all optional):
#   BENCH_RECORDS (1000000), BENCH_SMALL_RECORDS (100000: a first batch, warm-up and memory reference), BENCH_RUNS (3),
#   BENCH_PART_MB (64: large-file part size), BENCH_SKIP_BUILD=1, PROFILEPLATFORM_BENCH_POSTGRES (an Npgsql connection
#   string with the right to create databases, instead of a throwaway cluster), PROFILEPLATFORM_BENCH_PLATFORM_ENV
#   (extra NAME=value environment variables for the platform process only, for experiments, e.g. DOTNET_GCgen0size=0x4000000)
#
# Output: the table on stdout (progress on stderr); the table and the logs in artifacts/bench/ingest-<UTC time>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/postgres.sh
. "$ROOT/bench/lib/postgres.sh"
cd "$ROOT"
API_OUTPUT="$ROOT/src/ProfilePlatform.Api/bin/Release/net10.0"
BENCH_PROJECT="$ROOT/bench/ProfilePlatform.Bench.Ingestion"
BENCH_OUTPUT="$BENCH_PROJECT/bin/Release/net10.0"
OUT="$ROOT/artifacts/bench/ingest-$(date -u +%Y%m%dT%H%M%SZ)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

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
PG_STARTED=
PLATFORM_PID=
WORK=

stop_pid() {
    local pid="$1"
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM
    stop_pid "$PLATFORM_PID"
    if [ -n "$PG_STARTED" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1
    fi
    [ -n "$PG_TMP" ] && { cp "$PG_TMP/postgres.log" "$OUT/postgres.log" 2>/dev/null; rm -rf "$PG_TMP"; }
    [ -n "$WORK" ] && rm -rf "$WORK"
    [ "$rc" -ne 0 ] && step "stopped early (exit $rc); logs in ${OUT#"$ROOT"/}"
    exit "$rc"
}

start_postgres() {
    if [ -n "${PROFILEPLATFORM_BENCH_POSTGRES:-}" ]; then
        PG_BASE="$(printf '%s' "$PROFILEPLATFORM_BENCH_POSTGRES" | tr ';' '\n' | grep -viE '^[[:space:]]*database[[:space:]]*=' | paste -sd ';')"
        PG_DESCRIPTION="external server (PROFILEPLATFORM_BENCH_POSTGRES)"
        return
    fi
    PG_BIN="$(find_pgbin)" || die "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql, or set PROFILEPLATFORM_BENCH_POSTGRES"
    local port settings
    port="$(free_port)"
    PG_TMP="$(mktemp -d /tmp/pp-bench-pg.XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_TMP"
    step "PostgreSQL: throwaway cluster from $PG_BIN on 127.0.0.1:$port"
    as_postgres "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$OUT/initdb.log" 2>&1 \
        || { cat "$OUT/initdb.log" >&2; die "initdb failed"; }
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_TMP -c max_connections=200$(pg_settings_options)" start >/dev/null \
        || { cat "$PG_TMP/postgres.log" >&2; die "PostgreSQL did not start"; }
    PG_STARTED=1
    PG_BASE="Host=127.0.0.1;Port=$port;Username=postgres"
    settings="$(as_postgres "$PG_BIN/psql" -h "$PG_TMP" -p "$port" -U postgres -d postgres -AtX -F= -c \
        "SELECT name, current_setting(name) FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_level') ORDER BY name" | paste -sd ' ')"
    as_postgres "$PG_BIN/psql" -h "$PG_TMP" -p "$port" -U postgres -d postgres -qAtX -c "CREATE DATABASE pp_bench_copy" >/dev/null
    PG_DESCRIPTION="throwaway cluster, initdb defaults${BENCH_PG_SETTINGS:+ plus $BENCH_PG_SETTINGS} (listen 127.0.0.1, max_connections=200): $settings"
}

main() {
    local started=$SECONDS port commit
    mkdir -p "$OUT"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ] && commit="$commit (+ uncommitted changes in src/)"
    if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
        step "dotnet build (Release): platform and benchmark"
        dotnet build src/ProfilePlatform.Api/ProfilePlatform.Api.csproj -c Release --nologo -v quiet >"$OUT/build.log" 2>&1 \
            || { tail -n 30 "$OUT/build.log" >&2; die "building the platform failed"; }
        dotnet build "$BENCH_PROJECT/ProfilePlatform.Bench.Ingestion.csproj" -c Release --nologo -v quiet >>"$OUT/build.log" 2>&1 \
            || { tail -n 30 "$OUT/build.log" >&2; die "building the benchmark failed"; }
    fi

    start_postgres
    WORK="$(mktemp -d /tmp/pp-bench-ingest.XXXXXX)"
    port="$(free_port)"
    step "starting the platform on http://127.0.0.1:$port (log: ${OUT#"$ROOT"/}/platform.log)"
    (
        cd "$API_OUTPUT"
        # shellcheck disable=SC2086 # NAME=value words
        exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 ${PROFILEPLATFORM_BENCH_PLATFORM_ENV:-} \
            Storage__Provider=Postgres ConnectionStrings__Postgres="$PG_BASE;Database=pp_bench_platform" \
            Serilog__MinimumLevel__Default=Warning \
            'Serilog__MinimumLevel__Override__Microsoft.AspNetCore=Warning' \
            'Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning' \
            dotnet ProfilePlatform.Api.dll --urls "http://127.0.0.1:$port"
    ) >"$OUT/platform.log" 2>&1 &
    PLATFORM_PID=$!
    for _ in $(seq 1 90); do
        curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready" && break
        kill -0 "$PLATFORM_PID" 2>/dev/null || { tail -n 30 "$OUT/platform.log" >&2; die "the platform exited"; }
        sleep 1
    done

    {
        printf '## ProfilePlatform batch ingestion benchmark, commit %s\n\n' "$commit"
        printf -- '- date: %s; machine: %s, %s cores (benchmark client, platform and PostgreSQL share them); load average before: %s\n' \
            "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
        printf -- '- platform: Release, DOTNET_gcServer=1, ASPNETCORE_ENVIRONMENT=Production, logging at Warning, ingestion worker defaults%s\n' "${PROFILEPLATFORM_BENCH_PLATFORM_ENV:+; extra environment: $PROFILEPLATFORM_BENCH_PLATFORM_ENV}"
        printf -- '- PostgreSQL: %s; the platform and the baseline use the same server (databases pp_bench_platform and pp_bench_copy)\n' "$PG_DESCRIPTION"
    } | tee "$OUT/results.md"
    (cd "$BENCH_OUTPUT" && env BENCH_PLATFORM_URL="http://127.0.0.1:$port" BENCH_PLATFORM_PID="$PLATFORM_PID" \
        BENCH_BASELINE_CS="$PG_BASE;Database=pp_bench_copy;Command Timeout=0" BENCH_WORK="$WORK" DOTNET_gcServer=1 \
        dotnet ProfilePlatform.Bench.Ingestion.dll) | tee -a "$OUT/results.md"
    printf '\n_Total run time: %ss (bench/ingest.sh)._\n' "$((SECONDS - started))" | tee -a "$OUT/results.md"
}

main "$@"
