#!/usr/bin/env bash
# A bounded load test of `dossier serve` on a store of generated articles:
# p50/p95/p99 latency at 1, 10 and 50 concurrent clients for the actor page
# (its dossier, /api/actors/ID, the call the page draws from), the events
# API and full-text search, and the server's RSS before the first request
# and after the 1,000th and the 10,000th. Traffic goes only to 127.0.0.1 and
# the run stops by itself (a fixed number of requests; the whole script is
# under `timeout`).
#
#   bench/serve_load.sh STORE.db        (a store of >= 100k articles; opened read-only)
#
# The load client is crates/server/examples/serve_load.rs (hyper + tokio).
# The server and the client share the machine; READERS (default 4) sets the
# server's store connections; CACHE_MIB (default 32, the server's default)
# the bytes of actor dossiers it keeps between requests, 0 for none, which
# times every dossier computed afresh. The summary goes to
# $BENCH/serve_load.json.
# DOSSIER=path/to/dossier skips the build of the server.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:?usage: bench/serve_load.sh STORE.db}
READERS=${READERS:-4}
CACHE_MIB=${CACHE_MIB:-32}
. bench/common.sh
step "building the load client (cargo build --release --example serve_load)"
cargo build -q --release -p dossier-server --example serve_load
CLIENT=${CARGO_TARGET_DIR:-target}/release/examples/serve_load

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=$BENCH/serve_load.server.log
step "serving $DB on 127.0.0.1:$PORT ($READERS readers, dossier cache $CACHE_MIB MiB)"
# The server itself is the child (no `timeout` in between), so its PID is the
# one whose RSS is read; the trap stops it however the script ends.
"$DOSSIER" serve --db "$DB" --addr "127.0.0.1:$PORT" --readers "$READERS" --cache-mib "$CACHE_MIB" 2>"$LOG" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
    grep -q "serving" "$LOG" && break
    kill -0 $SERVER 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.1
done
grep -q "serving" "$LOG" || { echo "serve_load.sh: the server did not start" >&2; cat "$LOG" >&2; exit 1; }
step "load (nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg))"
# LOAD_ARGS passes options to the client (`--counts 60,150,300 --total 2000`
# for a shorter run).
# shellcheck disable=SC2086
timeout 1500 "$CLIENT" --port "$PORT" --pid "$SERVER" --out "$BENCH/serve_load.json" ${LOAD_ARGS:-}
step "done (load average $(cut -d' ' -f1-3 /proc/loadavg)); summary in $BENCH/serve_load.json"
