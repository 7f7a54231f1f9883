#!/usr/bin/env bash
# Scale benchmark (issue 7): generate the complete Microsoft Graph v1.0 CSDL into a crate that
# uses the derives, write its plain-serde twin with the bench-only tool `benches/plain-baseline`
# (the same structs with serde's derives, see its docs), then build each, debug and release,
# reporting wall time, peak memory (RSS) and rlib size.
#
#   bash benches/graph_scale.sh [debug|release|all]     (default: all; from the repository root)
#
# Reads tests/fixtures/graph/csdl/graph-v1.0.xml. Each build uses its own
# target directory below target/graph-scale/, so dependencies are built in each measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
profiles=${1:-all}
csdl=tests/fixtures/graph/csdl/graph-v1.0.xml
out=target/graph-scale
mkdir -p "$out"
core_path=$(pwd)/odata-core

cargo build --release -q -p odata-codegen -p plain-baseline
rm -rf "$out/derive" "$out/plain"
./target/release/odata-codegen "$csdl" --out "$out/derive" --crate graph_derive \
    --odata-core "{ path = \"$core_path\" }" >"$out/derive.codegen.log"
tail -1 "$out/derive.codegen.log"
./target/release/plain-baseline "$out/derive" --out "$out/plain" --name graph_plain
for kind in derive plain; do
    printf '\n[workspace]\n' >>"$out/$kind/Cargo.toml"
    cp Cargo.lock "$out/$kind/Cargo.lock"
done

measure() { # kind profile
    local kind=$1 profile=$2 flag=""
    [ "$profile" = release ] && flag="--release"
    rm -rf "$out/$kind/target"
    local log="$out/$kind.$profile.time"
    /usr/bin/time -v -o "$log" cargo build --offline -q $flag --features full \
        --manifest-path "$out/$kind/Cargo.toml" 2>"$out/$kind.$profile.build.log" || {
        echo "$kind $profile: build failed, see $out/$kind.$profile.build.log"; return 0; }
    local wall rss rlib
    wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$log")
    rss=$(awk '/Maximum resident/ {print $NF}' "$log")
    # `|| echo 0`: under `set -e -o pipefail` a missing file must not end the script silently
    # (it once did, after the derive build).
    rlib=$(stat -c %s "$out/$kind/target/$profile"/libgraph_"$kind".rlib 2>/dev/null || echo 0)
    echo "$kind $profile: wall $wall, peak RSS $((${rss:-0} / 1024)) MiB, rlib $((rlib / 1024 / 1024)) MiB"
}

for profile in debug release; do
    if [ "$profiles" = all ] || [ "$profiles" = "$profile" ]; then
        for kind in derive plain; do measure "$kind" "$profile"; done
    fi
done
