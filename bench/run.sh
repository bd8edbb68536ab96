#!/usr/bin/env bash
# ProfilePlatform benchmark: the platform's gateway + request overhead as ratios to bare-Kestrel baselines
# measured in the same run (method: docs/performance.md).
#
#   bench/run.sh     build (Release), start a throwaway PostgreSQL, the platform and the baseline on 127.0.0.1,
#                    run wrk against each pair (warm-up, then runs interleaving platform and baseline), and
#                    print a Markdown table per pair. Everything started is stopped at the end.
#
# Pairs (platform vs baseline):
#   a  GET /data/foundation/sandbox-management/sandboxes/prod   vs  GET /lookup  (gateway + one point query)
#   b  GET /data/foundation/sandbox-management/sandboxTypes     vs  GET /json    (gateway, no database)
#   c  GET /health/live                                         vs  GET /json    (pipeline, no gateway)
#   d  GET /data/core/ups/access/entities?...entityId=<email>   vs  GET /fragment (entity lookup, default merge
#      policy, over BENCH_LOOKUP_PROFILES seeded profiles: 3 identities, fragments in 2 datasets, BENCH_LOOKUP_EVENTS
#      events each, seeded straight into the platform's tables by bench/sql/profile-lookup-seed.sql; each request
#      asks for a random profile, bench/wrk/lookup.lua; not in the default pairs, the seed takes minutes)
#
# Environment (all optional):
#   PROFILEPLATFORM_BENCH_POSTGRES  Npgsql connection string of a server to use instead of a throwaway cluster
#                                   (needs the right to create databases; the two databases it creates are
#                                   dropped at the end; its Database key, if any, is ignored)
#   PROFILEPLATFORM_BENCH_PLATFORM_PG_OPTIONS
#                                   extra connection-string keys for the platform only, for experiments
#                                   (e.g. "Max Auto Prepare=20"); empty by default
#   BENCH_DURATION (10), BENCH_WARMUP (5), BENCH_START_WARMUP (30) in seconds; BENCH_RUNS (3);
#   BENCH_THREADS (2), BENCH_CONNECTIONS (32): wrk -t/-c
#   BENCH_PAIRS ("a b c")           which pairs to run ("d" adds the entity lookup)
#   BENCH_LOOKUP_PROFILES (1000000), BENCH_LOOKUP_EVENTS (20): the seed of pair d
#   BENCH_SKIP_BUILD=1              use the existing Release builds
#
# Output: the tables on stdout (progress on stderr); the tables, raw wrk output and the servers' logs are kept
# in artifacts/bench/<UTC time>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/postgres.sh
. "$ROOT/bench/lib/postgres.sh"
cd "$ROOT"

DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-5}"
START_WARMUP="${BENCH_START_WARMUP:-30}"
RUNS="${BENCH_RUNS:-3}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
READY_TIMEOUT_SECONDS=90

API_OUTPUT="$ROOT/src/ProfilePlatform.Api/bin/Release/net10.0"
BASELINE_PROJECT="$ROOT/bench/ProfilePlatform.Bench.Baseline"
BASELINE_OUTPUT="$BASELINE_PROJECT/bin/Release/net10.0"
LUA="$ROOT/bench/wrk/aep.lua"
LOOKUP_LUA="$ROOT/bench/wrk/lookup.lua"
SEED_SQL="$ROOT/bench/sql/profile-lookup-seed.sql"
LOOKUP_PROFILES="${BENCH_LOOKUP_PROFILES:-1000000}"
LOOKUP_EVENTS="${BENCH_LOOKUP_EVENTS:-20}"
export BENCH_LOOKUP_PROFILES="$LOOKUP_PROFILES"
OUT="$ROOT/artifacts/bench/$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$OUT/runs.tsv"

DEV_CLIENT_ID=profileplatform-dev
DEV_CLIENT_SECRET=profileplatform-dev-secret
DEV_ORG='D3V0000000000000000000A1@AdobeOrg'
SANDBOX_PATH=/data/foundation/sandbox-management

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '==> %s\n' "$*" >&2; }
die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------------------------------------ prerequisites

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "installing needs root: run as root, install sudo, or install the packages yourself ($*)"
    fi
}

apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* with your package manager and run again"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "$@"
}

ensure_tools() {
    command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (10.0) is not installed: see https://dotnet.microsoft.com/download"
    local missing=()
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    if [ ${#missing[@]} -gt 0 ]; then
        step "not found: ${missing[*]}: installing the Debian package(s) ${missing[*]}"
        apt_install "${missing[@]}"
    fi
}

# A TCP port on 127.0.0.1 nobody listens on, below the kernel's ephemeral range: a port of that range may be the
# local end of an outgoing connection (wrk's, a pool's), which no listener probe sees and which makes the bind fail.
free_port() {
    local port low
    low="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
    [ "$low" -gt 21024 ] 2>/dev/null || low=32768
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % (low - 20000)))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    die "no free port found"
}

# ------------------------------------------------------------------------------------------------ clean-up

PG_TMP=
PG_BIN=
PG_STARTED=
PLATFORM_PID=
BASELINE_PID=
WRK_PID=
EXTERNAL_DBS=

stop_pid() {
    local pid="$1" _
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
    stop_pid "$WRK_PID"
    stop_pid "$PLATFORM_PID"
    stop_pid "$BASELINE_PID"
    if [ -n "$EXTERNAL_DBS" ]; then
        step "dropping the benchmark databases on PROFILEPLATFORM_BENCH_POSTGRES: $EXTERNAL_DBS"
        # shellcheck disable=SC2086 # two plain names
        (cd "$BASELINE_OUTPUT" && env ConnectionStrings__Postgres="$PG_BASE;Database=postgres" \
            dotnet ProfilePlatform.Bench.Baseline.dll drop-databases $EXTERNAL_DBS) >>"$OUT/baseline.log" 2>&1 \
            || step "could not drop $EXTERNAL_DBS (see $OUT/baseline.log)"
    fi
    if [ -n "$PG_STARTED" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 \
            || step "pg_ctl stop failed; see $OUT/postgres.log"
    fi
    if [ -n "$PG_TMP" ]; then
        cp "$PG_TMP/postgres.log" "$OUT/postgres.log" 2>/dev/null
        rm -rf "$PG_TMP"
    fi
    [ "$rc" -ne 0 ] && step "stopped early (exit $rc); logs in ${OUT#"$ROOT"/}"
    exit "$rc"
}

# --------------------------------------------------------------------------------------------------- PostgreSQL

PG_BASE=
PG_DESCRIPTION=

start_postgres() {
    if [ -n "${PROFILEPLATFORM_BENCH_POSTGRES:-}" ]; then
        # Drop any Database key: each app gets its own database below.
        PG_BASE="$(printf '%s' "$PROFILEPLATFORM_BENCH_POSTGRES" | tr ';' '\n' | grep -viE '^[[:space:]]*database[[:space:]]*=' | paste -sd ';')"
        PG_DESCRIPTION="external server (PROFILEPLATFORM_BENCH_POSTGRES), settings as configured there"
        step "PostgreSQL: using PROFILEPLATFORM_BENCH_POSTGRES"
        return
    fi
    PG_BIN="$(find_pgbin)" || die "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql, or set PROFILEPLATFORM_BENCH_POSTGRES"
    local port
    port="$(free_port)"
    PG_TMP="$(mktemp -d /tmp/pp-bench-pg.XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_TMP"
    step "PostgreSQL: throwaway cluster from $PG_BIN on 127.0.0.1:$port ($PG_TMP)"
    as_postgres "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$OUT/initdb.log" 2>&1 \
        || { cat "$OUT/initdb.log" >&2; die "initdb failed"; }
    # initdb defaults (fsync, synchronous_commit, shared_buffers ...) except where it listens and max_connections.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_TMP -c max_connections=200$(pg_settings_options)" start >/dev/null \
        || { cat "$PG_TMP/postgres.log" >&2; die "PostgreSQL did not start"; }
    PG_STARTED=1
    PG_BASE="Host=127.0.0.1;Port=$port;Username=postgres"
    local settings
    settings="$(as_postgres "$PG_BIN/psql" -h "$PG_TMP" -p "$port" -U postgres -d postgres -AtX -F= -c \
        "SELECT name, current_setting(name) FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'max_connections', 'jit') ORDER BY name" \
        | paste -sd ' ')"
    PG_DESCRIPTION="throwaway cluster (initdb defaults${BENCH_PG_SETTINGS:+ plus $BENCH_PG_SETTINGS}; listen 127.0.0.1, max_connections=200): $settings"
}

# ------------------------------------------------------------------------------------------------- the servers

wait_ready() {
    local name="$1" pid="$2" url="$3" log="$4" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    until curl -fs -o /dev/null --max-time 2 "$url"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 30 "$log" >&2
            die "$name exited during start-up (log: $log)"
        fi
        [ "$SECONDS" -lt "$deadline" ] || { tail -n 30 "$log" >&2; die "$name was not ready after ${READY_TIMEOUT_SECONDS}s (log: $log)"; }
        sleep 0.5
    done
}

PLATFORM_URL=
BASELINE_URL=
PLATFORM_CS=
BASELINE_CS=

start_servers() {
    local suffix="${RANDOM}$$" platform_db baseline_db port
    platform_db="pp_bench_platform_$suffix"
    baseline_db="pp_bench_baseline_$suffix"
    [ -n "${PROFILEPLATFORM_BENCH_POSTGRES:-}" ] && EXTERNAL_DBS="$platform_db $baseline_db"

    # The same server and the same pool (Npgsql's default: Maximum Pool Size=100) for both; the baseline adds
    # automatic preparation, which the platform's documented connection string does not have.
    PLATFORM_CS="$PG_BASE;Database=$platform_db${PROFILEPLATFORM_BENCH_PLATFORM_PG_OPTIONS:+;$PROFILEPLATFORM_BENCH_PLATFORM_PG_OPTIONS}"
    BASELINE_CS="$PG_BASE;Database=$baseline_db;Max Auto Prepare=20"
    # Pair d's baseline reads the platform's own profile_fragments table.
    BASELINE_PROFILE_CS="$PG_BASE;Database=$platform_db;Max Auto Prepare=20"

    port="$(free_port)"
    PLATFORM_URL="http://127.0.0.1:$port"
    step "starting the platform on $PLATFORM_URL (log: ${OUT#"$ROOT"/}/platform.log)"
    (
        cd "$API_OUTPUT"
        exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 \
            Storage__Provider=Postgres ConnectionStrings__Postgres="$PLATFORM_CS" \
            Serilog__MinimumLevel__Default=Warning \
            'Serilog__MinimumLevel__Override__Microsoft.AspNetCore=Warning' \
            'Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning' \
            dotnet ProfilePlatform.Api.dll --urls "$PLATFORM_URL"
    ) >"$OUT/platform.log" 2>&1 &
    PLATFORM_PID=$!
    wait_ready platform "$PLATFORM_PID" "$PLATFORM_URL/health/ready" "$OUT/platform.log"

    port="$(free_port)"
    BASELINE_URL="http://127.0.0.1:$port"
    step "starting the baseline on $BASELINE_URL (log: ${OUT#"$ROOT"/}/baseline.log)"
    (
        cd "$BASELINE_OUTPUT"
        exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 \
            ConnectionStrings__Postgres="$BASELINE_CS" ConnectionStrings__Profile="$BASELINE_PROFILE_CS" \
            Logging__LogLevel__Default=Warning \
            dotnet ProfilePlatform.Bench.Baseline.dll --urls "$BASELINE_URL"
    ) >"$OUT/baseline.log" 2>&1 &
    BASELINE_PID=$!
    wait_ready baseline "$BASELINE_PID" "$BASELINE_URL/json" "$OUT/baseline.log"
}

get_token() {
    local body
    body="$(curl -fsS --max-time 10 -X POST "$PLATFORM_URL/ims/token/v3" \
        -d grant_type=client_credentials -d "client_id=$DEV_CLIENT_ID" -d "client_secret=$DEV_CLIENT_SECRET" -d scope=openid)" \
        || die "no token from $PLATFORM_URL/ims/token/v3"
    BENCH_TOKEN="$(printf '%s' "$body" | sed -nE 's/.*"access_token":"([^"]+)".*/\1/p')"
    [ -n "$BENCH_TOKEN" ] || die "no access_token in the token answer: $body"
    export BENCH_TOKEN BENCH_API_KEY="$DEV_CLIENT_ID" BENCH_IMS_ORG="$DEV_ORG"
}

# check_url URL -> fails unless the URL answers 200 to the benchmark's headers; shows the body once.
check_url() {
    local body status
    body="$(curl -sS --max-time 10 -w '\n%{http_code}' "$1" \
        -H "Authorization: Bearer $BENCH_TOKEN" -H "x-api-key: $BENCH_API_KEY" -H "x-gw-ims-org-id: $BENCH_IMS_ORG")"
    status="${body##*$'\n'}"
    body="${body%$'\n'*}"
    [ "$status" = 200 ] || die "$1 answered $status: $body"
    printf '%s\t%s\t%s\n' "$1" "${#body}" "$body" >>"$OUT/answers.tsv"
}

# -------------------------------------------------------------------------------------------------------- wrk

# wrk_run SECONDS URL RAWFILE -> runs wrk, bounded in time, and leaves its output in RAWFILE (script: WRK_LUA).
WRK_LUA="$LUA"
wrk_run() {
    local seconds="$1" url="$2" raw="$3"
    timeout --signal=INT --kill-after=5 $((seconds + 30)) \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$WRK_LUA" "$url" >"$raw" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || { cat "$raw" >&2; die "wrk failed on $url"; }
    WRK_PID=
}

# measure PAIR SIDE RUN URL -> one timed run; appends "pair side run req/s p50ms p99ms non2xx socketerrors".
measure() {
    local pair="$1" side="$2" run="$3" url="$4" raw line
    raw="$OUT/wrk-$pair-$side-$run.txt"
    wrk_run "$DURATION" "$url" "$raw"
    line="$(grep '^BENCH ' "$raw")" || die "no BENCH line in $raw"
    printf '%s\n' "$line" | awk -v pair="$pair" -v side="$side" -v run="$run" '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%d\t%d\n", pair, side, run,
            v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000, v["non2xx"], v["socket_errors"]
    }' | tee -a "$RESULTS" | awk -F'\t' '{ printf "==>   %s %-8s run %s: %s req/s, p50 %s ms, p99 %s ms%s\n", $1, $2, $3, $4, $5, $6, ($7 + $8 > 0 ? "  (" $7 " non-2xx, " $8 " socket errors)" : "") }' >&2
}

warm() {
    local seconds="$1" url="$2" name="$3"
    step "warm-up ${seconds}s: $name"
    wrk_run "$seconds" "$url" "$OUT/wrk-warmup-$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '_').txt"
}

read -r -a PAIR_IDS <<<"${BENCH_PAIRS:-a b c}"
declare -A PAIR_TITLE PAIR_PLATFORM PAIR_BASELINE PAIR_PLATFORM_URL PAIR_BASELINE_URL

check_pairs() {
    local pair
    [ ${#PAIR_IDS[@]} -gt 0 ] || die "BENCH_PAIRS is empty (use some of: a b c)"
    for pair in "${PAIR_IDS[@]}"; do
        case "$pair" in a | b | c | d) ;; *) die "BENCH_PAIRS: unknown pair '$pair' (use a, b, c, d)" ;; esac
    done
}

define_pairs() {
    PAIR_TITLE[a]="(a) gateway + one point query"
    PAIR_PLATFORM[a]="GET $SANDBOX_PATH/sandboxes/prod"
    PAIR_BASELINE[a]="GET /lookup (Npgsql point SELECT)"
    PAIR_PLATFORM_URL[a]="$PLATFORM_URL$SANDBOX_PATH/sandboxes/prod"
    PAIR_BASELINE_URL[a]="$BASELINE_URL/lookup"

    PAIR_TITLE[b]="(b) gateway, no database"
    PAIR_PLATFORM[b]="GET $SANDBOX_PATH/sandboxTypes"
    PAIR_BASELINE[b]="GET /json"
    PAIR_PLATFORM_URL[b]="$PLATFORM_URL$SANDBOX_PATH/sandboxTypes"
    PAIR_BASELINE_URL[b]="$BASELINE_URL/json"

    PAIR_TITLE[c]="(c) pipeline without the gateway"
    PAIR_PLATFORM[c]="GET /health/live"
    PAIR_BASELINE[c]="GET /json"
    PAIR_PLATFORM_URL[c]="$PLATFORM_URL/health/live"
    PAIR_BASELINE_URL[c]="$BASELINE_URL/json"

    # The URLs end with the identity parameter: bench/wrk/lookup.lua appends a random seeded email.
    PAIR_TITLE[d]="(d) entity lookup by email, default merge policy (pdg, timestampOrdered), $LOOKUP_PROFILES profiles"
    PAIR_PLATFORM[d]="GET /data/core/ups/access/entities?schema.name=_xdm.context.profile&entityIdNS=email&entityId=..."
    PAIR_BASELINE[d]="GET /fragment (Npgsql point SELECT of one fragment)"
    PAIR_PLATFORM_URL[d]="$PLATFORM_URL/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityIdNS=email&entityId="
    PAIR_BASELINE_URL[d]="$BASELINE_URL/fragment?ns=email&id="
}

# pair_url PAIR URL -> the URL check_url asks for (pair d: the first seeded profile).
pair_url() {
    if [ "$1" = d ]; then printf '%suser1%%40example.com' "$2"; else printf '%s' "$2"; fi
}

# Seeds pair d's profiles into the platform's database (its tables exist once the platform has started).
seed_lookup() {
    local started=$SECONDS db psql_args=()
    db="$(printf '%s' "$PLATFORM_CS" | tr ';' '\n' | sed -nE 's/^[[:space:]]*Database[[:space:]]*=(.*)$/\1/Ip')"
    step "seeding $LOOKUP_PROFILES profiles x $LOOKUP_EVENTS events for pair d (bench/sql/profile-lookup-seed.sql)"
    if [ -n "$PG_STARTED" ]; then
        psql_args=(as_postgres "$PG_BIN/psql" -h "$PG_TMP" -p "$(printf '%s' "$PG_BASE" | sed -nE 's/.*Port=([0-9]+).*/\1/p')" -U postgres -d "$db")
    else
        command -v psql >/dev/null 2>&1 || die "pair d seeds with psql: install the PostgreSQL client"
        psql_args=(env PGHOST="$(printf '%s' "$PG_BASE" | sed -nE 's/.*Host=([^;]+).*/\1/Ip')" \
            PGPORT="$(printf '%s' "$PG_BASE" | sed -nE 's/.*Port=([^;]+).*/\1/Ip')" \
            PGUSER="$(printf '%s' "$PG_BASE" | sed -nE 's/.*User(name| Id)?=([^;]+).*/\2/Ip')" \
            PGPASSWORD="$(printf '%s' "$PG_BASE" | sed -nE 's/.*Password=([^;]+).*/\1/Ip')" psql -d "$db")
    fi
    "${psql_args[@]}" -qX -v org="$DEV_ORG" -v sandbox=prod -v profiles="$LOOKUP_PROFILES" -v events="$LOOKUP_EVENTS" \
        -f "$SEED_SQL" >"$OUT/seed.log" 2>&1 || { tail -n 20 "$OUT/seed.log" >&2; die "seeding pair d failed"; }
    SEED_SECONDS=$((SECONDS - started))
    step "seeded in ${SEED_SECONDS}s"
    # The sandbox's system default policy does not stitch (none); an org that looks customers up across datasets
    # makes a stitching policy its default, which is what the pair measures.
    curl -fsS --max-time 30 -o "$OUT/merge-policy.json" -X POST "$PLATFORM_URL/data/core/ups/config/mergePolicies" \
        -H "Authorization: Bearer $BENCH_TOKEN" -H "x-api-key: $BENCH_API_KEY" -H "x-gw-ims-org-id: $BENCH_IMS_ORG" \
        -H "x-sandbox-name: prod" -H "Content-Type: application/json" \
        -d '{"name":"bench stitched","imsOrgId":"'"$DEV_ORG"'","schema":{"name":"_xdm.context.profile"},"version":1,"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"},"default":true}' \
        || die "could not create the pdg default merge policy"
}

# ------------------------------------------------------------------------------------------------------ report

# stats PAIR SIDE -> "min median max p50 p99" (p50/p99 of the median run by req/s).
stats() {
    awk -F'\t' -v pair="$1" -v side="$2" '$1 == pair && $2 == side { print $4 "\t" $5 "\t" $6 }' "$RESULTS" \
        | sort -n -k1,1 | awk -F'\t' '{ rps[NR] = $1; p50[NR] = $2; p99[NR] = $3 }
            END { m = int((NR + 1) / 2); print rps[1], rps[m], rps[NR], p50[m], p99[m] }'
}

# The backquotes in the printf formats are Markdown code spans.
# shellcheck disable=SC2016
report() {
    local pair p b ratio bad
    printf '## ProfilePlatform benchmark, commit %s\n\n' "$COMMIT"
    printf -- '- date: %s; machine: %s, %s cores (wrk, servers and PostgreSQL share them)\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$CPU_MODEL" "$(nproc)"
    printf -- '- wrk -t%s -c%s -d%ss --latency, headers from bench/wrk/aep.lua; %ss warm-up of each server after start, %ss warm-up of each endpoint before its pair, then %s run(s) per endpoint, platform and baseline interleaved (odd runs platform first, even runs baseline first)\n' \
        "$THREADS" "$CONNECTIONS" "$DURATION" "$START_WARMUP" "$WARMUP" "$RUNS"
    printf -- '- both servers: Release, DOTNET_gcServer=1, ASPNETCORE_ENVIRONMENT=Production, logging at Warning (no request log), Kestrel defaults, 127.0.0.1\n'
    printf -- '- load average (1/5/15 min) when the script started, before it ran anything (other work on the machine): %s\n' "$LOAD_BEFORE"
    printf -- '- PostgreSQL: %s\n' "$PG_DESCRIPTION"
    printf -- '- platform connection string: `%s` (EF Core, Npgsql pool defaults)\n' "$(printf '%s' "$PLATFORM_CS" | sed -E 's/;?Password=[^;]*//I')"
    printf -- '- baseline connection string: `%s` (one NpgsqlDataSource)\n' "$(printf '%s' "$BASELINE_CS" | sed -E 's/;?Password=[^;]*//I')"
    printf '\n'
    for pair in "${PAIR_IDS[@]}"; do
        read -r -a p <<<"$(stats "$pair" platform)"
        read -r -a b <<<"$(stats "$pair" baseline)"
        ratio="$(awk -v x="${p[1]}" -v y="${b[1]}" 'BEGIN { printf "%.2f", (y > 0 ? x / y : 0) }')"
        printf '### %s\n\n' "${PAIR_TITLE[$pair]}"
        printf '| %s | req/s min | req/s median | req/s max | p50 ms | p99 ms |\n' "server, request"
        printf '|---|---:|---:|---:|---:|---:|\n'
        printf '| platform `%s` | %s | %s | %s | %s | %s |\n' "${PAIR_PLATFORM[$pair]}" "${p[@]}"
        printf '| baseline `%s` | %s | %s | %s | %s | %s |\n' "${PAIR_BASELINE[$pair]}" "${b[@]}"
        printf '| **platform / baseline** | | **%s** | | | |\n\n' "$ratio"
        bad="$(awk -F'\t' -v pair="$pair" '$1 == pair && ($7 + $8) > 0 { n++ } END { print n + 0 }' "$RESULTS")"
        [ "$bad" -eq 0 ] || printf '> WARNING: %s run(s) of this pair had non-2xx answers or socket errors (see runs.tsv): the figures are not valid.\n\n' "$bad"
    done
}

# -------------------------------------------------------------------------------------------------------- main

main() {
    local started=$SECONDS pair run
    LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
    mkdir -p "$OUT"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    check_pairs
    ensure_tools
    COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    local src_commit
    src_commit="$(git -C "$ROOT" log -1 --format=%h -- src 2>/dev/null || true)"
    [ -z "$src_commit" ] || [ "$src_commit" = "$COMMIT" ] || COMMIT="$COMMIT (src/ as of $src_commit)"
    if [ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ]; then
        COMMIT="$COMMIT (+ uncommitted changes in src/)"
    fi
    CPU_MODEL="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    step "commit $COMMIT; output in ${OUT#"$ROOT"/}"

    if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
        step "dotnet build (Release): platform and baseline"
        dotnet build src/ProfilePlatform.Api/ProfilePlatform.Api.csproj -c Release --nologo -v quiet >"$OUT/build.log" 2>&1 \
            || { tail -n 30 "$OUT/build.log" >&2; die "building the platform failed"; }
        dotnet build "$BASELINE_PROJECT/ProfilePlatform.Bench.Baseline.csproj" -c Release --nologo -v quiet >>"$OUT/build.log" 2>&1 \
            || { tail -n 30 "$OUT/build.log" >&2; die "building the baseline failed"; }
    fi

    start_postgres
    start_servers
    get_token
    define_pairs
    printf 'url\tbytes\tbody\n' >"$OUT/answers.tsv"
    for pair in "${PAIR_IDS[@]}"; do
        [ "$pair" = d ] && seed_lookup
        check_url "$(pair_url "$pair" "${PAIR_PLATFORM_URL[$pair]}")"
        check_url "$(pair_url "$pair" "${PAIR_BASELINE_URL[$pair]}")"
    done

    warm "$START_WARMUP" "${PAIR_PLATFORM_URL[a]}" "platform ${PAIR_PLATFORM[a]}"
    warm "$START_WARMUP" "${PAIR_BASELINE_URL[a]}" "baseline ${PAIR_BASELINE[a]}"

    : >"$RESULTS"
    for pair in "${PAIR_IDS[@]}"; do
        step "pair ${PAIR_TITLE[$pair]}"
        if [ "$pair" = d ]; then WRK_LUA="$LOOKUP_LUA"; else WRK_LUA="$LUA"; fi
        warm "$WARMUP" "${PAIR_PLATFORM_URL[$pair]}" "platform ${PAIR_PLATFORM[$pair]}"
        warm "$WARMUP" "${PAIR_BASELINE_URL[$pair]}" "baseline ${PAIR_BASELINE[$pair]}"
        # Odd runs start with the platform, even ones with the baseline: whichever goes first meets pages the other
        # has not warmed (pair d at 1,000,000 profiles reads more than shared_buffers holds).
        for run in $(seq 1 "$RUNS"); do
            if [ $((run % 2)) -eq 1 ]; then
                measure "$pair" platform "$run" "${PAIR_PLATFORM_URL[$pair]}"
                measure "$pair" baseline "$run" "${PAIR_BASELINE_URL[$pair]}"
            else
                measure "$pair" baseline "$run" "${PAIR_BASELINE_URL[$pair]}"
                measure "$pair" platform "$run" "${PAIR_PLATFORM_URL[$pair]}"
            fi
        done
    done

    # Request logging must have been off: a request log line in the platform's log would skew the figures.
    if grep -q 'responded [0-9]' "$OUT/platform.log"; then
        step "WARNING: the platform logged requests during the run (see platform.log): logging was not at Warning"
    fi

    report | tee "$OUT/results.md"
    printf '\n_Total run time: %ss (%s)._\n' "$((SECONDS - started))" "bench/run.sh" | tee -a "$OUT/results.md"
    step "results: ${OUT#"$ROOT"/}/results.md"
    if awk -F'\t' '($7 + $8) > 0 { bad = 1 } END { exit !bad }' "$RESULTS"; then
        die "some runs had non-2xx answers or socket errors"
    fi
}

main "$@"
