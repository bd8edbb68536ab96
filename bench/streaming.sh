#!/usr/bin/env bash
# ProfilePlatform streaming ingestion benchmark: 32 concurrent clients (wrk -t2 -c32) streaming ~600-byte XDM profile
# records with synchronous validation to one profile-enabled dataset through POST /collection/{inletId}, next to a bare
# Kestrel endpoint that parses the same body and does one autocommit INSERT per request (bench/ProfilePlatform.Bench.Baseline
# POST /insert), interleaved in the same run on the same PostgreSQL server; then the lag from a 2xx to the record being in
# the dataset (dataset_record_chunks, what Data Access reads), measured while the load runs. After each platform run the script
# waits until everything accepted has landed (flush, batch ingestion, Profile) before the baseline runs, so the baseline
# never shares the cores with the platform's backlog; that wait gives the end-to-end rate. Method: docs/performance.md.
#
#   bench/streaming.sh   build (Release), start a throwaway PostgreSQL cluster, the platform and the baseline on 127.0.0.1,
#                        set up schema, dataset and inlet through the platform's APIs, warm up, run, print a Markdown table.
#
# Environment (all optional): BENCH_RUNS (3), BENCH_DURATION (10s), BENCH_WARMUP (15s), BENCH_CONNECTIONS (32),
#   BENCH_THREADS (2), BENCH_LAG_COUNT (200), BENCH_LAG_RATE (20 per second), BENCH_LAG_WAIT_S (180: how long after the last
#   lag message a record may still arrive before it counts as lost), BENCH_SKIP_BUILD=1,
#   PROFILEPLATFORM_BENCH_POSTGRES (an Npgsql connection string with the right to create databases, instead of a throwaway
#   cluster), PROFILEPLATFORM_BENCH_PLATFORM_ENV (extra NAME=value variables for the platform process, for experiments),
#   BENCH_FLUSHER=off (the request path alone: the platform runs with Streaming__FlusherEnabled=false, so accepted messages
#   stay in the durable log; no drain, no end-to-end rate, no lag phases).
#
# Output: the table on stdout (progress on stderr); the table and the logs in artifacts/bench/streaming-<UTC time>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/postgres.sh
. "$ROOT/bench/lib/postgres.sh"
cd "$ROOT"
API_OUTPUT="$ROOT/src/ProfilePlatform.Api/bin/Release/net10.0"
BASELINE_PROJECT="$ROOT/bench/ProfilePlatform.Bench.Baseline"
BASELINE_OUTPUT="$BASELINE_PROJECT/bin/Release/net10.0"
HELPER_PROJECT="$ROOT/bench/ProfilePlatform.Bench.Streaming"
HELPER_OUTPUT="$HELPER_PROJECT/bin/Release/net10.0"
OUT="$ROOT/artifacts/bench/streaming-$(date -u +%Y%m%dT%H%M%SZ)"
RUNS="${BENCH_RUNS:-3}"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
FLUSHER="${BENCH_FLUSHER:-on}"
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
BASELINE_PID=
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
    stop_pid "$BASELINE_PID"
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
    as_postgres "$PG_BIN/psql" -h "$PG_TMP" -p "$port" -U postgres -d postgres -qAtX -c "CREATE DATABASE pp_bench_baseline" >/dev/null
    PG_DESCRIPTION="throwaway cluster, initdb defaults${BENCH_PG_SETTINGS:+ plus $BENCH_PG_SETTINGS} (listen 127.0.0.1, max_connections=200): $settings"
}

wait_ready() {
    local url="$1" pid="$2" log="$3"
    for _ in $(seq 1 90); do
        curl -fs -o /dev/null --max-time 2 "$url" && return 0
        kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; die "process $pid exited"; }
        sleep 1
    done
    die "$url did not answer"
}

# wrk against PATH on PORT for DURATION; prints the BENCH line
load() {
    local port="$1" path="$2" duration="$3"
    BENCH_TEMPLATE="$WORK/template.json" BENCH_PATH="$path" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$ROOT/bench/wrk/streaming.lua" "http://127.0.0.1:$port" | grep '^BENCH '
}

# waits until the platform has no pending streamed message and no unfinished ingestion job; prints the wait in ms
drain() {
    (cd "$HELPER_OUTPUT" && BENCH_PLATFORM_CS="$PG_BASE;Database=pp_bench_platform" dotnet ProfilePlatform.Bench.Streaming.dll drain) \
        | sed -n 's/^DRAIN ms=//p'
}

field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

rate() { awk -v r="$(field "$1" requests)" -v d="$(field "$1" duration_us)" 'BEGIN { printf "%.0f", r / (d / 1000000) }'; }

ms() { awk -v u="$(field "$1" "$2")" 'BEGIN { printf "%.1f", u / 1000 }'; }

stats() { # min median max of numbers on stdin
    sort -g | awk '{ v[NR] = $1 } END { printf "%s / %s / %s", v[1], v[int((NR + 1) / 2)], v[NR] }'
}

main() {
    local started=$SECONDS port bport commit inlet
    mkdir -p "$OUT"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    command -v wrk >/dev/null || die "wrk not found: apt-get install wrk"
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [ -n "$(git -C "$ROOT" status --porcelain -- src bench 2>/dev/null)" ] && commit="$commit (+ uncommitted changes)"
    if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
        step "dotnet build (Release): platform, baseline and helper"
        for project in src/ProfilePlatform.Api/ProfilePlatform.Api.csproj "$BASELINE_PROJECT/ProfilePlatform.Bench.Baseline.csproj" "$HELPER_PROJECT/ProfilePlatform.Bench.Streaming.csproj"; do
            dotnet build "$project" -c Release --nologo -v quiet >>"$OUT/build.log" 2>&1 \
                || { tail -n 30 "$OUT/build.log" >&2; die "building $project failed"; }
        done
    fi

    start_postgres
    WORK="$(mktemp -d /tmp/pp-bench-streaming.XXXXXX)"
    port="$(free_port)"
    step "starting the platform on http://127.0.0.1:$port"
    (
        cd "$API_OUTPUT"
        # shellcheck disable=SC2086 # NAME=value words
        exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 ${PROFILEPLATFORM_BENCH_PLATFORM_ENV:-} \
            Streaming__FlusherEnabled="$([ "$FLUSHER" = off ] && echo false || echo true)" Storage__Provider=Postgres ConnectionStrings__Postgres="$PG_BASE;Database=pp_bench_platform" \
            Serilog__MinimumLevel__Default=Warning \
            'Serilog__MinimumLevel__Override__Microsoft.AspNetCore=Warning' \
            'Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning' \
            dotnet ProfilePlatform.Api.dll --urls "http://127.0.0.1:$port"
    ) >"$OUT/platform.log" 2>&1 &
    PLATFORM_PID=$!
    bport="$(free_port)"
    step "starting the baseline on http://127.0.0.1:$bport"
    (
        cd "$BASELINE_OUTPUT"
        exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 Logging__LogLevel__Default=Warning \
            ConnectionStrings__Postgres="$PG_BASE;Database=pp_bench_baseline;Max Auto Prepare=20" \
            dotnet ProfilePlatform.Bench.Baseline.dll --urls "http://127.0.0.1:$bport"
    ) >"$OUT/baseline.log" 2>&1 &
    BASELINE_PID=$!
    wait_ready "http://127.0.0.1:$port/health/ready" "$PLATFORM_PID" "$OUT/platform.log"
    wait_ready "http://127.0.0.1:$bport/json" "$BASELINE_PID" "$OUT/baseline.log"

    step "setup through the platform's APIs"
    (cd "$HELPER_OUTPUT" && BENCH_PLATFORM_URL="http://127.0.0.1:$port" dotnet ProfilePlatform.Bench.Streaming.dll setup "$WORK") 2>&1 | tee -a "$OUT/setup.log" >&2
    # shellcheck disable=SC1091
    . "$WORK/env"
    cp "$WORK/template.json" "$OUT/template.json"

    step "warm-up: $WARMUP each"
    load "$port" "/collection/$INLET?syncValidation=true" "$WARMUP" >"$OUT/warmup-platform.txt"
    [ "$FLUSHER" = off ] || drain >/dev/null
    load "$bport" "/insert" "$WARMUP" >"$OUT/warmup-baseline.txt"

    # The platform keeps working after its load stops (flush, batch ingestion, Profile): the baseline runs only once that
    # backlog is gone, or it would share the cores with it. The wait is the drain time of the end-to-end rate.
    local p b d drained rows=() prates=() brates=() ratios=() pp99=() bp99=() e2e=()
    for run in $(seq 1 "$RUNS"); do
        p="$(load "$port" "/collection/$INLET?syncValidation=true" "$DURATION")"
        # drained: seconds until everything accepted had landed; n/a when nothing lands (BENCH_FLUSHER=off)
        drained=n/a
        if [ "$FLUSHER" = off ]; then d=0; e2e+=("n/a"); else
            d="$(drain)"
            drained="$(awk -v w="$d" 'BEGIN { printf "%.1f", w / 1000 }')"
            e2e+=("$(awk -v r="$(field "$p" requests)" -v d="$(field "$p" duration_us)" -v w="$d" 'BEGIN { printf "%.0f", r / (d / 1000000 + w / 1000) }')")
        fi
        b="$(load "$bport" "/insert" "$DURATION")"
        [ "$(field "$p" non2xx)" = 0 ] || step "run $run: the platform answered $(field "$p" non2xx) non-2xx"
        prates+=("$(rate "$p")"); brates+=("$(rate "$b")"); pp99+=("$(ms "$p" p99_us)"); bp99+=("$(ms "$b" p99_us)")
        ratios+=("$(awk -v a="$(rate "$p")" -v c="$(rate "$b")" 'BEGIN { printf "%.2f", a / c }')")
        rows+=("| $run | $(rate "$p") | $(ms "$p" p50_us) / $(ms "$p" p99_us) | $(field "$p" non2xx) | $drained | ${e2e[-1]} | $(rate "$b") | $(ms "$b" p50_us) / $(ms "$b" p99_us) | ${ratios[-1]} |")
        step "run $run: platform $(rate "$p") msg/s (p99 $(ms "$p" p99_us) ms), drained ${d} ms later (end to end ${e2e[-1]} msg/s), baseline $(rate "$b") req/s (p99 $(ms "$b" p99_us) ms)"
    done

    local lag="LAG not measured (BENCH_FLUSHER=off)" idle="LAG not measured (BENCH_FLUSHER=off)"
    if [ "$FLUSHER" != off ]; then
        step "lag from 2xx to the dataset: ${BENCH_LAG_COUNT:-200} messages under load"
        load "$port" "/collection/$INLET?syncValidation=true" "$(( ${BENCH_LAG_COUNT:-200} / ${BENCH_LAG_RATE:-20} + 10 ))s" >"$OUT/lag-load.txt" &
        local loader=$!
        sleep 2
        lag="$(cd "$HELPER_OUTPUT" && BENCH_PLATFORM_URL="http://127.0.0.1:$port" BENCH_ENV_FILE="$WORK/env" BENCH_PLATFORM_CS="$PG_BASE;Database=pp_bench_platform" \
            dotnet ProfilePlatform.Bench.Streaming.dll lag | grep '^LAG ')"
        wait "$loader" || true
        step "lag without other load (after the backlog has drained)"
        drain >/dev/null
        idle="$(cd "$HELPER_OUTPUT" && BENCH_PLATFORM_URL="http://127.0.0.1:$port" BENCH_ENV_FILE="$WORK/env" BENCH_PLATFORM_CS="$PG_BASE;Database=pp_bench_platform" \
            dotnet ProfilePlatform.Bench.Streaming.dll lag | grep '^LAG ')"
    fi

    {
        printf '## ProfilePlatform streaming ingestion benchmark, commit %s\n\n' "$commit"
        printf -- '- date: %s; machine: %s, %s cores (wrk, platform, baseline and PostgreSQL share them)\n' \
            "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" "$(nproc)"
        printf -- '- load: wrk -t%s -c%s -d%s --latency, %s runs after a %s warm-up of each; one message per request, POST /collection/{inletId}?syncValidation=true, record %s bytes (envelope %s bytes), unique ids per message\n' \
            "$THREADS" "$CONNECTIONS" "$DURATION" "$RUNS" "$WARMUP" "$RECORD_BYTES" "$(wc -c <"$WORK/template.json")"
        printf -- '- platform: Release, DOTNET_gcServer=1, Production, logging at Warning, streaming defaults (group commit: 2 writers, binary COPY; flush every 250 ms); dataset profile-enabled; flusher %s\n' "$FLUSHER"
        printf -- '- baseline: bare Kestrel (minimal API) parsing the body and one autocommit INSERT per request, pooled NpgsqlDataSource, Max Auto Prepare=20\n'
        printf -- '- PostgreSQL: %s\n\n' "$PG_DESCRIPTION"
        printf '| run | platform msg/s | p50 / p99 ms | non-2xx | drained after s | end to end msg/s | baseline req/s | p50 / p99 ms | ratio |\n|---|---|---|---|---|---|---|---|---|\n'
        printf '%s\n' "${rows[@]}"
        printf '\n- platform msg/s (accepted, 2xx after commit) min / median / max: %s; baseline: %s; ratio: %s\n' \
            "$(printf '%s\n' "${prates[@]}" | stats)" "$(printf '%s\n' "${brates[@]}" | stats)" "$(printf '%s\n' "${ratios[@]}" | stats)"
        printf -- '- end to end (the run'"'"'s messages over the run plus the time until all of them were in the dataset and Profile): %s\n' \
            "$([ "$FLUSHER" = off ] && echo "not measured (BENCH_FLUSHER=off: nothing lands)" || echo "$(printf '%s\n' "${e2e[@]}" | stats) msg/s")"
        printf -- '- p99 ms platform: %s; baseline: %s\n' "$(printf '%s\n' "${pp99[@]}" | stats)" "$(printf '%s\n' "${bp99[@]}" | stats)"
        printf -- '- lag from 2xx to the record in its dataset (%s messages at %s/s, sync validation), under the load above: %s\n' "${BENCH_LAG_COUNT:-200}" "${BENCH_LAG_RATE:-20}" "${lag#LAG }"
        printf -- '- the same without other load: %s\n' "${idle#LAG }"
        printf '\n_Total run time: %ss (bench/streaming.sh)._\n' "$((SECONDS - started))"
    } | tee "$OUT/results.md"
}

main "$@"
