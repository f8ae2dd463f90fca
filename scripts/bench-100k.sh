#!/bin/sh
# bench-100k.sh: build a generated 100,000-article site (about 860 MB of
# Markdown) and print the wall time and peak memory of `timeline build`.
#
#   scripts/bench-100k.sh            # 100,000 articles, 3 runs
#   N=10000 RUNS=5 scripts/bench-100k.sh
#
# Needs GNU time (/usr/bin/time, Debian package "time") and about 2 GB of
# free disk in $TMPDIR for the site and its output. The site is generated
# once and kept in $WORK (default $TMPDIR/timeline-bench-$N) for reruns;
# delete that folder when done.
set -eu

N=${N:-100000}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
WORK=${WORK:-${TMPDIR:-/tmp}/timeline-bench-$N}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -x /usr/bin/time ]; then
	echo "bench-100k.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2
	exit 2
fi

mkdir -p "$WORK"
echo "building timeline and corpusgen..."
(cd "$ROOT" && go build -o "$WORK/timeline" ./cmd/timeline && go build -o "$WORK/corpusgen" ./internal/corpusgen/cmd/corpusgen)

if [ ! -d "$WORK/site/content" ]; then
	echo "generating $N articles into $WORK/site..."
	"$WORK/corpusgen" -n "$N" -seed "$SEED" -o "$WORK/site"
fi

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GB RAM"
i=1
while [ "$i" -le "$RUNS" ]; do
	rm -rf "$WORK/public"
	/usr/bin/time -v -o "$WORK/time.txt" "$WORK/timeline" build -s "$WORK/site" -d "$WORK/public" --stats >"$WORK/stats.txt" || true
	wall=$(sed -n 's/^.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt")
	rss=$(sed -n 's/^.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
	cpu=$(sed -n 's/^.*Percent of CPU this job got: //p' "$WORK/time.txt")
	echo "run $i: wall $wall, peak RSS $((rss / 1024)) MB, CPU $cpu"
	i=$((i + 1))
done
echo "stages of the last run:"
cat "$WORK/stats.txt"
