#!/usr/bin/env bash
# ProfilePlatform build script.
#
#   ./build.sh [test]   install what is missing (PostgreSQL binaries, node/npm), build, run every test project
#                       and the Postman collection against a freshly started platform; the last line printed
#                       is "N passed, N failed" and the exit status is non-zero when anything failed.
#   ./build.sh run      run the platform (dotnet run; http://localhost:5000)
#   ./build.sh migrate  apply the store's migrations and exit
#
# Environment:
#   PROFILEPLATFORM_TEST_POSTGRES  connection string of a PostgreSQL server for the API tests; when unset the tests
#                                  start a throwaway cluster from the local PostgreSQL binaries (installed if missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

CONFIGURATION=Release
SOLUTION=ProfilePlatform.sln
API_PROJECT=src/ProfilePlatform.Api
API_OUTPUT="$ROOT/$API_PROJECT/bin/$CONFIGURATION/net10.0"
ARTIFACTS="$ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"
READY_TIMEOUT_SECONDS=60

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '==> %s\n' "$*"; }
die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

require_dotnet() {
    command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (10.0) is not installed: see https://dotnet.microsoft.com/download"
}

# ----------------------------------------------------------------------------------------------------------- installs

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "installing needs root: run as root, install sudo, or install the packages yourself ($*)"
    fi
}

APT_UPDATED=
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* with your package manager and run again"
    if [ -z "$APT_UPDATED" ]; then
        as_root apt-get update -qq
        APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "$@"
}

# Finds initdb on PATH or under /usr/lib/postgresql/*/bin (newest first); puts that folder on PATH for the tests.
find_postgres() {
    command -v initdb >/dev/null 2>&1 && return 0
    local dir
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5 -V -r); do
        if [ -x "$dir/initdb" ]; then
            export PATH="$dir:$PATH"
            return 0
        fi
    done
    return 1
}

ensure_postgres() {
    if [ -n "${PROFILEPLATFORM_TEST_POSTGRES:-}" ]; then
        step "PostgreSQL: using PROFILEPLATFORM_TEST_POSTGRES"
        return
    fi
    if find_postgres; then
        step "PostgreSQL binaries: $(dirname "$(command -v initdb)")"
        return
    fi
    step "PostgreSQL binaries not found: installing Debian package postgresql"
    # The tests start their own throwaway cluster; if the package's postinst starts a cluster on 5432 that is harmless.
    apt_install postgresql
    find_postgres || die "postgresql was installed but initdb is still not found under /usr/lib/postgresql/*/bin"
    step "PostgreSQL binaries: $(dirname "$(command -v initdb)")"
}

ensure_node() {
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        step "node/npm not found: installing Debian packages nodejs npm"
        apt_install nodejs npm
    fi
    local major
    major="$(node -p 'process.versions.node.split(".")[0]')"
    [ "$major" -ge 16 ] || die "node $(node --version) is too old for newman: install node 16 or later"
    step "node $(node --version), npm $(npm --version 2>/dev/null)"
}

# --------------------------------------------------------------------------------------------------- test counting

PASSED=0
FAILED=0
ERRORS=0
TIMINGS=
STEP_NAME=
STEP_START=$SECONDS

# Starts a timed step; the previous one's duration goes into the timing line printed before the summary.
timed_step() {
    end_step
    STEP_NAME="$1"
    STEP_START=$SECONDS
    step "$2"
}
end_step() {
    if [ -n "$STEP_NAME" ]; then
        TIMINGS="${TIMINGS:+$TIMINGS, }$STEP_NAME $((SECONDS - STEP_START))s"
        STEP_NAME=
    fi
}

# A step that could not run or did not report its results: counted as one failure.
step_error() {
    printf '==> FAILED: %s\n' "$*" >&2
    ERRORS=$((ERRORS + 1))
}

# trx_counter FILE ATTRIBUTE -> the attribute of the TRX <Counters .../> element (0 when absent).
trx_counter() {
    local value
    value="$(sed -n "s/.*<Counters [^>]*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p" "$1" | head -n 1)"
    printf '%s\n' "${value:-0}"
}

run_test_project() {
    local project="$1" name trx rc passed failed
    name="$(basename "$project" .csproj)"
    trx="$RESULTS/$name.trx"
    timed_step "$name" "dotnet test $name"
    rc=0
    dotnet test "$project" --no-build -c "$CONFIGURATION" --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
        --blame-hang-timeout 5m --blame-hang-dump-type none || rc=$?
    if [ ! -f "$trx" ]; then
        step_error "dotnet test $name exited $rc and wrote no results ($trx)"
        return
    fi
    passed="$(trx_counter "$trx" passed)"
    failed=$(( $(trx_counter "$trx" failed) + $(trx_counter "$trx" error) + $(trx_counter "$trx" timeout) + $(trx_counter "$trx" aborted) ))
    step "$name: $passed passed, $failed failed"
    PASSED=$((PASSED + passed))
    FAILED=$((FAILED + failed))
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        step_error "dotnet test $name exited $rc although its results show no failed test"
    fi
}

# ------------------------------------------------------------------------------------------------- the platform

PLATFORM_PID=
RUN_TMP=
PLATFORM_LOG="$ARTIFACTS/platform.log"

free_port() {
    node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# http_ok URL -> success when the URL answers 200 within 2 seconds (node: curl may be missing on a fresh machine).
http_ok() {
    node -e '
        const req = require("http").get(process.argv[1], { timeout: 2000 }, (res) => { res.resume(); process.exit(res.statusCode === 200 ? 0 : 1); });
        req.on("timeout", () => req.destroy(new Error("timeout")));
        req.on("error", () => process.exit(1));' "$1"
}

start_platform() {
    local port="$1" deadline
    RUN_TMP="$(mktemp -d)"
    # The output folder is the content root, so appsettings.json is found; the database is a throwaway SQLite file.
    (
        cd "$API_OUTPUT"
        exec env ASPNETCORE_ENVIRONMENT=Development \
            Storage__Provider=Sqlite \
            ConnectionStrings__Sqlite="Data Source=$RUN_TMP/pp.db" \
            dotnet ProfilePlatform.Api.dll --urls "http://127.0.0.1:$port"
    ) >"$PLATFORM_LOG" 2>&1 &
    PLATFORM_PID=$!
    deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    until http_ok "http://127.0.0.1:$port/health/ready"; do
        if ! kill -0 "$PLATFORM_PID" 2>/dev/null; then
            PLATFORM_PID=
            printf '==> the platform exited during start-up; last lines of %s:\n' "$PLATFORM_LOG" >&2
            tail -n 30 "$PLATFORM_LOG" >&2
            return 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            printf '==> the platform was not ready after %ss; last lines of %s:\n' "$READY_TIMEOUT_SECONDS" "$PLATFORM_LOG" >&2
            tail -n 30 "$PLATFORM_LOG" >&2
            return 1
        fi
        sleep 1
    done
}

stop_platform() {
    if [ -n "$PLATFORM_PID" ]; then
        kill -TERM "$PLATFORM_PID" 2>/dev/null || true
        local _
        for _ in $(seq 1 20); do
            kill -0 "$PLATFORM_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL "$PLATFORM_PID" 2>/dev/null || true
        wait "$PLATFORM_PID" 2>/dev/null || true
        PLATFORM_PID=
    fi
    if [ -n "$RUN_TMP" ]; then
        rm -rf "$RUN_TMP"
        RUN_TMP=
    fi
}

run_newman() {
    local port report="$ARTIFACTS/newman.json" rc counts passed failed
    timed_step newman "newman: postman/ProfilePlatform.postman_collection.json"
    port="$(free_port)"
    step "starting the platform on http://127.0.0.1:$port (log: ${PLATFORM_LOG#"$ROOT"/})"
    if ! start_platform "$port"; then
        stop_platform
        step_error "the platform did not start, so the Postman collection did not run"
        return
    fi
    rm -f "$report"
    rc=0
    "$ROOT/postman/node_modules/.bin/newman" run postman/ProfilePlatform.postman_collection.json \
        -e postman/ProfilePlatform.postman_environment.json \
        --env-var "baseUrl=http://127.0.0.1:$port" \
        --reporters cli,json --reporter-json-export "$report" || rc=$?
    stop_platform
    if [ ! -f "$report" ]; then
        step_error "newman exited $rc and wrote no report ($report)"
        return
    fi
    # Failures count assertion failures and script or request errors alike.
    counts="$(node -e '
        const run = require(process.argv[1]).run;
        const a = run.stats.assertions;
        console.log((a.total - a.failed) + " " + Math.max(a.failed, run.failures.length));' "$report")"
    passed="${counts% *}"
    failed="${counts#* }"
    step "newman: $passed passed, $failed failed"
    PASSED=$((PASSED + passed))
    FAILED=$((FAILED + failed))
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        step_error "newman exited $rc although its report shows no failure"
    fi
}

# ------------------------------------------------------------------------------------------------------ commands

finish() {
    local rc=$?
    set +e
    trap - EXIT
    stop_platform
    end_step
    if [ "$rc" -ne 0 ] && [ $((FAILED + ERRORS)) -eq 0 ]; then
        # Something aborted the script (set -e); never end on a clean-looking summary.
        printf '==> FAILED: the test run stopped early (exit %s)\n' "$rc" >&2
        ERRORS=1
    fi
    local failed_total=$((FAILED + ERRORS))
    if [ "$failed_total" -gt 0 ] && [ "$rc" -eq 0 ]; then
        rc=1
    fi
    [ -n "$TIMINGS" ] && step "timings: $TIMINGS"
    [ "$ERRORS" -gt 0 ] && step "$ERRORS step(s) failed to run; each counts as one failure"
    # Other output goes to stderr/stdout above; the summary is always the very last line.
    printf '%s passed, %s failed\n' "$PASSED" "$failed_total"
    exit "$rc"
}

cmd_test() {
    trap finish EXIT
    trap 'exit 130' INT TERM
    require_dotnet

    timed_step prerequisites "checking prerequisites"
    ensure_postgres
    ensure_node

    timed_step npm "npm ci --prefix postman (newman)"
    npm ci --prefix postman --no-audit --no-fund --loglevel=error >/dev/null

    timed_step build "dotnet build $SOLUTION -c $CONFIGURATION"
    if ! dotnet build "$SOLUTION" -c "$CONFIGURATION" --nologo -v minimal; then
        step_error "dotnet build"
        exit 1
    fi

    rm -rf "$RESULTS"
    mkdir -p "$RESULTS" "$ARTIFACTS"
    local project found=0
    for project in tests/*/*.csproj; do
        [ -f "$project" ] || continue
        found=1
        run_test_project "$project"
    done
    [ "$found" -eq 1 ] || step "no test projects under tests/"

    run_newman
}

COMMAND="${1:-test}"
[ $# -gt 0 ] && shift
case "$COMMAND" in
    test) cmd_test "$@" ;;
    run)
        require_dotnet
        exec dotnet run --project "$API_PROJECT" -- "$@"
        ;;
    migrate)
        require_dotnet
        exec dotnet run --project "$API_PROJECT" -- migrate "$@"
        ;;
    -h | --help | help) usage ;;
    *)
        usage >&2
        exit 2
        ;;
esac
