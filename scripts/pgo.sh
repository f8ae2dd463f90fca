#!/bin/sh
# pgo.sh: remake cmd/timeline/default.pgo, the CPU profile the Go
# compiler uses to optimise `go build ./cmd/timeline` and
# `go run ./cmd/timeline` (profile-guided optimisation, Go 1.21 and
# later; docs/PERFORMANCE.md has what it gains).
#
#   scripts/pgo.sh
#
# The profile is that of the two workloads users wait for: a build of
# a generated 10,000-article site (seed 1) and the serve benchmark's
# saves on a 1,000-article site. Remake it after large changes to the
# build's hot paths: a stale profile still builds correct code, only
# less well optimised. Needs about 1 GB of free space in $TMPDIR.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/timeline-pgo.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

go build -pgo=off -o "$WORK/timeline" ./cmd/timeline
go run ./internal/corpusgen/cmd/corpusgen -n 10000 -seed 1 -o "$WORK/site" >/dev/null
"$WORK/timeline" build -s "$WORK/site" -d "$WORK/public" --quiet --cpuprofile "$WORK/build.prof"
go test -pgo=off ./internal/serve -run '^$' -bench 'ServeRebuild1000$' -benchtime 40x -cpuprofile "$WORK/serve.prof" >/dev/null
go tool pprof -proto "$WORK/build.prof" "$WORK/serve.prof" >cmd/timeline/default.pgo
echo "wrote cmd/timeline/default.pgo ($(wc -c <cmd/timeline/default.pgo) bytes)"
