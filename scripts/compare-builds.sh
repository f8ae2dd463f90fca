#!/bin/sh
# compare-builds.sh: build one site with one or more timeline binaries,
# in turn, RUNS times each, and print every run and then each binary's
# median wall time, user and system CPU, and peak memory.
#
#   go build -o /tmp/tl-old ./cmd/timeline    # (on the old commit)
#   go build -o /tmp/tl-new ./cmd/timeline
#   scripts/compare-builds.sh /tmp/site10k /tmp/tl-old /tmp/tl-new
#   RUNS=7 DEST=/dev/shm/tl-compare scripts/compare-builds.sh SITE BIN...
#
# Runs alternate between the binaries (old, new, old, new, ...) because
# this project's measuring machine drifts in speed by up to 1.5x over
# minutes: only runs made in turn compare (docs/PERFORMANCE.md, "How to
# measure"). Stop other work first, and pause background jobs with
# kill -STOP rather than nice, which autogroup scheduling ignores.
#
# DEST (default /dev/shm/tl-compare, a tmpfs, to keep the disk out of the
# figure) is removed before each run, and only if timeline wrote it.
# Needs GNU time (/usr/bin/time, Debian package "time").
set -eu

if [ $# -lt 2 ]; then
	echo "usage: compare-builds.sh SITE BIN..." >&2
	exit 2
fi
if [ ! -x /usr/bin/time ]; then
	echo "compare-builds.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2
	exit 2
fi
SITE=$1
shift
RUNS=${RUNS:-5}
DEST=${DEST:-/dev/shm/tl-compare}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

clean() {
	if [ -e "$DEST" ]; then
		if [ ! -f "$DEST/.timeline-manifest" ]; then
			echo "compare-builds.sh: $DEST exists and was not written by timeline; not removing it" >&2
			exit 2
		fi
		rm -rf "$DEST"
	fi
}

run=1
while [ "$run" -le "$RUNS" ]; do
	for bin in "$@"; do
		clean
		/usr/bin/time -f "%e %U %S %M" -o "$LOG.one" "$bin" build -s "$SITE" -d "$DEST" --quiet
		read -r wall user sys kb <"$LOG.one"
		printf '%s\t%s\t%s\t%s\t%s\n' "$bin" "$wall" "$user" "$sys" "$kb" >>"$LOG"
		printf 'run %d  %-24s %6.2f s wall %6.2f s user %5.2f s sys %5.0f MB\n' "$run" "$bin" "$wall" "$user" "$sys" "$((kb / 1024))"
	done
	run=$((run + 1))
done
rm -f "$LOG.one"
clean

echo "medians of $RUNS runs:"
for bin in "$@"; do
	for col in 2 3 4 5; do
		awk -F'\t' -v b="$bin" -v c="$col" '$1 == b { print $c }' "$LOG" | sort -n |
			awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s ", m }'
	done | {
		# the medians come on one line with no newline: read them all
		IFS=' ' read -r wall user sys kb || true
		printf '  %-24s %6.2f s wall %6.2f s user %5.2f s sys %5.0f MB peak\n' "$bin" "$wall" "$user" "$sys" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
	}
done
