#!/usr/bin/env bash
# Counts the syncs to the disk (fsync, fdatasync) per commit on an embedded database, under
# strace: once with no commits (opening, migrating and closing a new database) and once with
# N commits through the app's writer; the difference divided by the commits is what each commit
# costs. Needs strace and the built bench jar (mvn -q -DskipTests package).
#
#   bench/sync-count.sh [sqlite|h2|JDBC-URL] [commits (2000)] [threads (1)]
#
# With one thread every commit is a transaction of its own; with more, the writer groups them,
# and the syncs per transaction is the figure that matters.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-sqlite}
commits=${2:-2000}
threads=${3:-1}
jar=bench/target/zvernennia-bench.jar
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
command -v strace >/dev/null || { echo "strace is needed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints "<syncs> <units> <transactions>" for one run with $1 commits on a new database.
run() {
  rm -rf "$work/db" && mkdir -p "$work/db"
  local out
  out=$(strace -f -c -e trace=fsync,fdatasync -o "$work/strace" \
      java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" ua.zvernennia.bench.SyncCount \
      --db "$db" --commits "$1" --threads "$threads" --dir "$work/db" | grep '^units ')
  local syncs
  syncs=$(awk '$NF == "fsync" || $NF == "fdatasync" { s += $4 } END { print s + 0 }' "$work/strace")
  echo "$syncs $(echo "$out" | awk '{ print $2, $4 }')"
}

read -r base _ base_tx < <(run 0)
read -r syncs units tx < <(run "$commits")
tx=$((tx - base_tx))
extra=$((syncs - base))
echo "database: $db, $threads thread(s)"
echo "syncs opening and closing a new database: $base"
echo "units committed: $units in $tx transactions; syncs for them: $extra"
awk -v s="$extra" -v u="$units" -v t="$tx" 'BEGIN { printf "syncs per unit: %.2f; syncs per transaction: %.2f\n", s / u, s / t }'
