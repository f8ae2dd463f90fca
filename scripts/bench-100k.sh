#!/bin/sh
# bench-100k.sh: build a generated 100,000-article site (about 860 MB of
# Markdown) and print the wall time and peak memory of `timeline build`.
#
#   scripts/bench-100k.sh            # 100,000 articles, 3 runs
#   N=10000 RUNS=5 scripts/bench-100k.sh
#   N=10000 DEST=/dev/shm/tl-public scripts/bench-100k.sh   # output in memory
#
# DEST is where the site is written (default $WORK/public); before each
# run it is removed, and only if timeline wrote it (it holds the
# .timeline-manifest of a build). Writing to a tmpfs such as /dev/shm takes the disk out
# of the figure: on a slow virtual disk most of a 10k build's wall time is
# the file system's (docs/PERFORMANCE.md). A 100k site's output is about
# 7 GB: do not put it in memory on a machine with less than 24 GB.
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
DEST=${DEST:-$WORK/public}
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
	if [ -e "$DEST" ]; then
		if [ ! -f "$DEST/.timeline-manifest" ]; then
			echo "bench-100k.sh: $DEST exists and is not a site timeline built: not removing it" >&2
			exit 2
		fi
		rm -rf "$DEST"
	fi
	/usr/bin/time -v -o "$WORK/time.txt" "$WORK/timeline" build -s "$WORK/site" -d "$DEST" --stats >"$WORK/stats.txt" || true
	wall=$(sed -n 's/^.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt")
	rss=$(sed -n 's/^.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
	cpu=$(sed -n 's/^.*Percent of CPU this job got: //p' "$WORK/time.txt")
	echo "run $i: wall $wall, peak RSS $((rss / 1024)) MB, CPU $cpu"
	i=$((i + 1))
done
echo "stages of the last run:"
cat "$WORK/stats.txt"
