#!/usr/bin/env bash
# The floor of a synchronous Profile batch (issue 5): PostgreSQL's own time to write 100,000 records into a
# Profile-enabled dataset in today's table layout and in minimal "floor" layouts, against a COPY of the same records
# into a dataset_records-like table (the baseline of bench/ingest.sh), measured in the same run on the same server.
# No platform process: only the SQL the layouts cost, so "baseline time / layout time" is the ratio to COPY a layout
# could reach if the platform's own work (parsing, validation, stitching) cost nothing (method: docs/performance.md).
#
#   bench/profile-floor.sh   start a throwaway PostgreSQL cluster (initdb defaults) unless PROFILEPLATFORM_BENCH_POSTGRES
#                            is set, generate the records with SQL (bench/sql/profile-floor-gen.sql) as CSV files the
#                            server reads, then per run: fresh tables pre-populated with BENCH_RECORDS unrelated records
#                            (bench/sql/profile-floor-tables.sql, not timed), CHECKPOINT before each layout, and the
#                            layouts (bench/sql/profile-floor-{b,c,f}.sql) in a rotated order; print a Markdown table.
#
# Environment (all optional): BENCH_RECORDS (100000), BENCH_RUNS (3), BENCH_WARMUP (1: untimed runs first; a fresh
# cluster's first run was 20-40 % slower for F1, probably creating WAL segment files that later runs recycle), BENCH_PG_SETTINGS (extra server settings of the
# throwaway cluster), PROFILEPLATFORM_BENCH_POSTGRES (an Npgsql connection string of a superuser, or a role with
# pg_read_server_files and pg_write_server_files, instead of a throwaway cluster; the benchmark creates and drops
# database pp_bench_floor) with BENCH_FLOOR_DIR (then required: an absolute directory on the server's host where the
# server may write and read the CSV files; removed by the script only if that directory is on this host).
#
# Output: the table on stdout (progress on stderr); the table, the timings and the probes' plans in
# artifacts/bench/profile-floor-<UTC time>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/postgres.sh
. "$ROOT/bench/lib/postgres.sh"
cd "$ROOT"
SQL="$ROOT/bench/sql"
OUT="$ROOT/artifacts/bench/profile-floor-$(date -u +%Y%m%dT%H%M%SZ)"
RECORDS="${BENCH_RECORDS:-100000}"
RUNS="${BENCH_RUNS:-3}"
WARMUP="${BENCH_WARMUP:-1}"
DB=pp_bench_floor

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
DB_CREATED=
CSV_DIR=
CSV_PREFIX=
FILES=()

cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM
    [ -n "$DB_CREATED" ] && [ -z "$PG_TMP" ] && PGDATABASE=postgres "$PG_BIN/psql" -qAtX -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
    if [ -n "$PG_STARTED" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1
    fi
    [ -n "$PG_TMP" ] && { cp "$PG_TMP/postgres.log" "$OUT/postgres.log" 2>/dev/null; rm -rf "$PG_TMP"; }
    [ -z "$PG_TMP" ] && [ -n "$CSV_PREFIX" ] && [ -d "$CSV_DIR" ] && rm -f "$CSV_PREFIX"-*.csv
    [ "$rc" -ne 0 ] && step "stopped early (exit $rc); logs in ${OUT#"$ROOT"/}"
    exit "$rc"
}

# libpq environment (PGHOST, PGPORT, PGUSER, PGPASSWORD) from an Npgsql connection string.
libpq_from_npgsql() {
    local pair key value
    local IFS=';'
    for pair in $1; do
        key="$(printf '%s' "${pair%%=*}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')"
        value="${pair#*=}"
        case "$key" in
            host|server) export PGHOST="$value" ;;
            port) export PGPORT="$value" ;;
            username|userid|user) export PGUSER="$value" ;;
            password) export PGPASSWORD="$value" ;;
        esac
    done
}

start_postgres() {
    local port
    if [ -n "${PROFILEPLATFORM_BENCH_POSTGRES:-}" ]; then
        [ -n "${BENCH_FLOOR_DIR:-}" ] || die "with PROFILEPLATFORM_BENCH_POSTGRES, set BENCH_FLOOR_DIR (a directory on the server's host the server can write and read)"
        PG_BIN="$(find_pgbin)" || PG_BIN="$(dirname "$(command -v psql)")" || die "psql not found"
        libpq_from_npgsql "$PROFILEPLATFORM_BENCH_POSTGRES"
        CSV_DIR="$BENCH_FLOOR_DIR"
        PG_DESCRIPTION="external server (PROFILEPLATFORM_BENCH_POSTGRES)"
    else
        PG_BIN="$(find_pgbin)" || die "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql, or set PROFILEPLATFORM_BENCH_POSTGRES"
        port="$(free_port)"
        PG_TMP="$(mktemp -d /tmp/pp-bench-pg.XXXXXX)"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_TMP"
        step "PostgreSQL: throwaway cluster from $PG_BIN on 127.0.0.1:$port (initdb defaults)"
        as_postgres "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$OUT/initdb.log" 2>&1 \
            || { cat "$OUT/initdb.log" >&2; die "initdb failed"; }
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_TMP -c max_connections=100$(pg_settings_options)" start >/dev/null \
            || { cat "$PG_TMP/postgres.log" >&2; die "PostgreSQL did not start"; }
        PG_STARTED=1
        export PGHOST="$PG_TMP" PGPORT="$port" PGUSER=postgres
        CSV_DIR="$PG_TMP/csv"
        as_postgres mkdir "$CSV_DIR"
        PG_DESCRIPTION="throwaway cluster, initdb defaults${BENCH_PG_SETTINGS:+ plus $BENCH_PG_SETTINGS}"
    fi
    CSV_PREFIX="$CSV_DIR/pp-floor-$$"
    PGDATABASE=postgres "$PG_BIN/psql" -qAtX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
    DB_CREATED=1
    export PGDATABASE="$DB"
    PG_DESCRIPTION="$PG_DESCRIPTION: $(pg -c "SELECT string_agg(name || '=' || current_setting(name), ' ' ORDER BY name) FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_level', 'lc_collate')")"
}

pg() { "$PG_BIN/psql" -qAtX -v ON_ERROR_STOP=1 "$@"; }

# psql -v options naming one CSV file per row set (<prefix>-<tag>-base.csv, ...), in the array FILES.
files() {
    local var="$1" tag="$2" set
    FILES=()
    for set in base frag xid vertex link graph chunk; do
        FILES+=(-v "${var}_${set}=$CSV_PREFIX-$tag-$set.csv")
    done
}

run_layout() {
    local run="$1" layout="$2" file
    case "$layout" in B) file=b ;; C) file=c ;; F) file=f ;; esac
    pg -c CHECKPOINT >/dev/null
    files f timed
    pg "${FILES[@]}" -f "$SQL/profile-floor-$file.sql" >"$OUT/run$run-$layout.log" 2>&1 \
        || { cat "$OUT/run$run-$layout.log" >&2; die "layout $layout failed"; }
    awk -v run="$run" '
        /^@step / { layout = $2; name = $3; next }
        /^Time: [0-9.]+ ms/ { if (layout != "" && layout != "skip") printf "%s\t%s\t%s\t%s\t%s\n", run, layout, name, $2, FNR }
    ' "$OUT/run$run-$layout.log" >>"$OUT/timings.tsv"
}

report() {
    pg -c "CREATE TEMP TABLE t (run int, layout text, step text, ms numeric, seq int)" -c "\\copy t FROM '$OUT/timings.tsv'" \
       -c "DELETE FROM t WHERE run < 1" -f - <<'SQL'
CREATE TEMP VIEW per_run AS
WITH s AS (SELECT run, layout, sum(ms) / 1000 AS sec FROM t GROUP BY run, layout),
     l AS (
    SELECT run, 'B' AS layout, sec FROM s WHERE layout = 'B'
    UNION ALL SELECT run, 'C', sec FROM s WHERE layout = 'C'
    UNION ALL SELECT run, 'F1', sec FROM s WHERE layout = 'F1'
    UNION ALL SELECT run, 'F1g', sum(sec) FROM s WHERE layout IN ('F1', 'g') GROUP BY run
    UNION ALL SELECT run, 'F1gc', sum(sec) FROM s WHERE layout IN ('F1', 'g', 'c') GROUP BY run)
SELECT l.run, l.layout, l.sec, b.sec / l.sec AS ratio FROM l JOIN l b ON b.run = l.run AND b.layout = 'B';
\echo '| layout | what PostgreSQL does for the batch | seconds, median (min–max) | **baseline / layout**, median (min–max) |'
\echo '|---|---|---:|---:|'
SELECT format('| %s | %s | %s (%s–%s) | **%s** (%s–%s) |', layout,
       CASE layout
           WHEN 'B' THEN 'baseline: COPY of the records into a dataset_records-like table (primary key + dataset index)'
           WHEN 'C' THEN 'session 8 (records as rows; since 41e12fd they are chunks, the c step of F1gc): probes (3 XIDs in identity_vertices, the fragment), dataset_records, identity_vertices ×3 (key + graph index), identity_links ×3 (JSON sources), profile_fragments'
           WHEN 'F1' THEN 'floor: XID probes, XID → graph rows ×3 (primary key only), fragments'
           WHEN 'F1g' THEN 'F1 + a graph row per graph (own transaction)'
           WHEN 'F1gc' THEN 'F1g + dataset records as lz4 chunks of 1,000 (own transaction)'
       END,
       to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY sec), 'FM990.00'), to_char(min(sec), 'FM990.00'), to_char(max(sec), 'FM990.00'),
       to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY ratio), 'FM0.00'), to_char(min(ratio), 'FM0.00'), to_char(max(ratio), 'FM0.00'))
FROM per_run GROUP BY layout ORDER BY array_position(ARRAY['B', 'C', 'F1', 'F1g', 'F1gc'], layout);
\echo
\echo 'Per step (median over the runs, seconds; each layout''s steps in one transaction, commit included):'
\echo
\echo '| layout | step | seconds | share of the layout |'
\echo '|---|---|---:|---:|'
WITH s AS (SELECT run, layout, step, sum(ms) / 1000 AS sec FROM t GROUP BY run, layout, step),
     m AS (SELECT layout, step, percentile_cont(0.5) WITHIN GROUP (ORDER BY sec) AS sec, min(run) AS run FROM s GROUP BY layout, step),
     o AS (SELECT layout, step, min(seq) AS first FROM t GROUP BY layout, step)
SELECT format('| %s | %s | %s | %s %% |', CASE m.layout WHEN 'g' THEN 'F1g (graph rows)' WHEN 'c' THEN 'F1gc (chunks)' ELSE m.layout END,
       m.step, to_char(m.sec, 'FM990.000'), to_char(100 * m.sec / sum(m.sec) OVER (PARTITION BY m.layout), 'FM990'))
FROM m JOIN o USING (layout, step)
WHERE m.layout <> 'B'
ORDER BY array_position(ARRAY['C', 'F1', 'g', 'c'], m.layout), o.first;
SQL
}

main() {
    local started=$SECONDS commit run order layout
    mkdir -p "$OUT"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [ -n "$(git -C "$ROOT" status --porcelain -- bench 2>/dev/null)" ] && commit="$commit (+ uncommitted changes in bench/)"
    local load
    load="$(cut -d' ' -f1-3 /proc/loadavg)"

    start_postgres
    step "generating $RECORDS records twice (pre-population seed 1, timed rows seed 2) as CSV files"
    files f pre
    pg -v n="$RECORDS" -v seed=1 -v batch=batch0 -v gidbase=019300000000 "${FILES[@]}" -f "$SQL/profile-floor-gen.sql" >"$OUT/gen.log" 2>&1 \
        || { cat "$OUT/gen.log" >&2; die "generating the pre-population rows failed"; }
    files f timed
    pg -v n="$RECORDS" -v seed=2 -v batch=batch1 -v gidbase=019400000000 "${FILES[@]}" -f "$SQL/profile-floor-gen.sql" >>"$OUT/gen.log" 2>&1 \
        || { cat "$OUT/gen.log" >&2; die "generating the timed rows failed"; }
    : >"$OUT/timings.tsv"

    for run in $(seq $((1 - WARMUP)) "$RUNS"); do
        [ "$run" -lt 1 ] && step "warm-up run $run (not reported)"
        step "run $run/$RUNS: fresh tables, pre-populated with $RECORDS unrelated records (not timed)"
        files p pre
        pg "${FILES[@]}" -f "$SQL/profile-floor-tables.sql" >"$OUT/run$run-tables.log" 2>&1 \
            || { cat "$OUT/run$run-tables.log" >&2; die "creating the tables failed"; }
        if [ "$run" -eq $((1 - WARMUP)) ]; then
            # The probes must be index probes (nested loop over the primary key), as the platform's = ANY lookups.
            pg -c "SET enable_hashjoin = off" -c "SET enable_mergejoin = off" \
               -c "EXPLAIN SELECT count(v.graph_id) FROM probe_keys s JOIN c_vertices v ON v.ims_org = s.org AND v.sandbox = s.sandbox AND v.xid = ANY (ARRAY[s.x_email, s.x_crm, s.x_ecid])" \
               -c "EXPLAIN SELECT count(f.record) FROM probe_keys s JOIN c_fragments f ON f.ims_org = s.org AND f.sandbox = s.sandbox AND f.primary_xid = s.x_email AND f.dataset_id = 'dataset1'" \
               -c "EXPLAIN SELECT count(v.graph_id) FROM probe_keys s JOIN f_xids v ON v.ims_org = s.org AND v.sandbox = s.sandbox AND v.xid = ANY (ARRAY[s.x_email, s.x_crm, s.x_ecid])" \
               >"$OUT/probe-plans.txt"
            if [ "$(grep -c 'Index Scan\|Index Only Scan' "$OUT/probe-plans.txt")" -ne 3 ] || [ "$(grep -c 'Nested Loop' "$OUT/probe-plans.txt")" -ne 3 ]; then
                cat "$OUT/probe-plans.txt" >&2
                die "the probes are not index probes"
            fi
        fi
        # Rotate the order so that no layout always runs first or right after another.
        case $(( (run + 2) % 3 )) in 0) order="B C F" ;; 1) order="C F B" ;; *) order="F B C" ;; esac
        for layout in $order; do
            step "run $run/$RUNS: layout $layout"
            run_layout "$run" "$layout"
        done
    done

    {
        printf '## Floor of a synchronous Profile batch (PostgreSQL work only), commit %s\n\n' "$commit"
        printf -- '- date: %s; machine: %s, %s cores; load average before: %s\n' \
            "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" "$(nproc)" "$load"
        printf -- '- PostgreSQL: %s\n' "$PG_DESCRIPTION"
        printf -- '- %s records of ~%s bytes, 3 identities each, one new graph each (time-ordered graph ids); %s runs after %s untimed; every table pre-populated with %s unrelated records; server-side COPY FROM a CSV file for every write; CHECKPOINT before each layout; layouts in a rotated order\n\n' \
            "$RECORDS" "$(pg -c "SELECT round(avg(octet_length(record::text))) FROM b_records WHERE batch_id = 'batch1'")" "$RUNS" "$WARMUP" "$RECORDS"
        report
    } | tee "$OUT/results.md"
    printf '\n_Total run time: %ss (bench/profile-floor.sh)._\n' "$((SECONDS - started))" | tee -a "$OUT/results.md"
}

main "$@"
