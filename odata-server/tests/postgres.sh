#!/bin/sh
# Starts a throw-away PostgreSQL from Debian's packages (apt-get install -y postgresql) on a free
# port under a temporary directory, runs odata-server's PostgreSQL test against it, and stops it.
#
#   sh odata-server/tests/postgres.sh            # from the workspace root
#
# As root, the server runs as the `postgres` user the Debian package creates. Without PostgreSQL
# the script says so and exits 0 (the test itself then prints its skip message).
set -eu

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "postgres.sh: no PostgreSQL found (apt-get install -y postgresql); skipping"
    exec cargo test -p odata-server --test postgres
fi

dir=$(mktemp -d /tmp/odata-pg.XXXXXX)
port=${ODATA_TEST_POSTGRES_PORT:-54329}
run() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
cleanup() {
    run "$bindir/pg_ctl -D $dir/data -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT

run "$bindir/initdb -D $dir/data -A trust -U odata --no-sync" >/dev/null
run "$bindir/pg_ctl -D $dir/data -l $dir/log -w -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null
run "$bindir/createdb -h 127.0.0.1 -p $port -U odata odata_test"

# Every test of the server (the shop's tests run in a schema of their own each), then the
# PostgreSQL-only test.
export ODATA_TEST_POSTGRES_URL="postgres://odata@127.0.0.1:$port/odata_test"
cargo test -p odata-server --test service --test read --test write --test batch --test errors --test client --test operations --test northwind --test protocol_multipart --test protocol_keys --test protocol_aliases --test postgres
