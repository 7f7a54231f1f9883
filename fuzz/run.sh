#!/usr/bin/env bash
# Seeds and runs one fuzz target: `fuzz/run.sh TARGET [SECONDS]` (default 600), from anywhere.
# Needs the nightly toolchain and `cargo install cargo-fuzz`. The corpus grows in
# fuzz/corpus/TARGET (not committed); a crash lands in fuzz/artifacts/TARGET: copy it to
# fuzz/regressions/TARGET/ with a name that says what it found, fix the bug, and `cargo test`
# replays it from then on (tests/fuzz_regressions.rs).
set -euo pipefail
target="${1:?usage: fuzz/run.sh TARGET [SECONDS]}"
seconds="${2:-600}"
root="$(cd "$(dirname "$0")/.." && pwd)"
fixtures="$root/tests/fixtures/graph"
corpus="$root/fuzz/corpus/$target"
mkdir -p "$corpus"
case "$target" in
  csdl_reader) cp "$fixtures/csdl/callRecords.xml" "$corpus/" ;;
  response_parse)
    # two bytes of status (100 + n % 500) before the body: 200 and 400 with every example
    for f in "$fixtures"/examples/*.json; do
      { printf '\x00\x64'; cat "$f"; } > "$corpus/200-$(basename "$f")"
    done
    printf '\x01\x2c{"error":{"code":"badRequest","message":"m","innerError":{"date":"2020-01-01T00:00:00"}}}' \
      > "$corpus/400-error" ;;
  query_literal) printf "it's a \x27quoted\x27 & #tagged + /path?x=%%27" > "$corpus/punctuation" ;;
  *) cp "$fixtures"/examples/*.json "$corpus/" ;;
esac
cp "$root/fuzz/regressions/$target"/* "$corpus/" 2>/dev/null || true
cd "$root"
exec cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$corpus" -- \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
