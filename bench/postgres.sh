# Sourced by the benchmarks that run on PostgreSQL. Uses the server in ABOT_BENCH_POSTGRES (an administrator's
# connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=…) or else starts a throwaway cluster of
# Debian's packaged PostgreSQL for this run, durable as deployed (fsync on), with pg_stat_statements loaded, and stops
# it on exit. Needs root (it runs the server as the postgres user) or to be run as postgres.
if [ -z "${ABOT_BENCH_POSTGRES:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_dir=$(mktemp -d /tmp/abot-bench-pg.XXXXXX)
  pg_port=5533
  while (echo >"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
  as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 \
    -c max_connections=300 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements" start >/dev/null
  trap 'as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
  export ABOT_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
  echo "PostgreSQL for this run: $("$pg_bin/postgres" --version), port $pg_port, log $pg_dir/log"
fi
