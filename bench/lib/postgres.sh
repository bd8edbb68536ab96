# Shared by the bench/*.sh scripts (sourced, not run): finding the PostgreSQL binaries, running them as the postgres
# user, and the extra server settings a throwaway cluster starts with.

# Finds initdb on PATH or under /usr/lib/postgresql/*/bin (newest first).
find_pgbin() {
    if command -v initdb >/dev/null 2>&1; then
        # Through symlinks (e.g. /usr/local/bin/initdb): psql and pg_ctl sit beside the real initdb.
        dirname "$(readlink -f "$(command -v initdb)")"
        return 0
    fi
    local dir
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5 -V -r); do
        [ -x "$dir/initdb" ] && { printf '%s\n' "$dir"; return 0; }
    done
    return 1
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# BENCH_PG_SETTINGS: extra server settings for the throwaway cluster, space-separated name=value (for example
# "shared_buffers=2GB max_wal_size=8GB"); platform and baseline share the cluster, so both run with them.
pg_settings_options() {
    local setting
    for setting in ${BENCH_PG_SETTINGS:-}; do printf ' -c %s' "$setting"; done
}
