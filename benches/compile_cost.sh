#!/usr/bin/env bash
# Compile cost of the derives (issue 16): N generated types built with the derives against the
# same structs with plain serde derives (their twin from `benches/plain-baseline`), debug and
# release, wall time and peak memory of compiling the generated crate itself.
#
#   bash benches/compile_cost.sh [N ...]      (default: 100 1000; from the repository root)
#
# The model is synthetic but shaped like Graph's: per 10 types, 1 enumeration, 3 complex types
# and 6 entity types deriving from one base entity, each with 10 properties (string, Int32,
# Boolean, DateTimeOffset, Decimal, an enumeration, a complex value, a collection of strings, a
# collection of complex values, a navigation property). Each crate is built once to compile its
# dependencies, then its `src/lib.rs` is touched and it is built again under `/usr/bin/time -v`:
# the figures are rustc on the generated crate alone.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-100 1000}
out=target/compile-cost
mkdir -p "$out"
core_path=$(pwd)/odata-core
cargo build --release -q -p odata-codegen -p plain-baseline

csdl() { # n file
    python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
enums = [f"Kind{i}" for i in range(max(1, n // 10))]
complexes = [f"Detail{i}" for i in range(max(1, 3 * n // 10))]
entities = [f"Item{i}" for i in range(max(1, n - len(enums) - len(complexes)))]
out = ['<?xml version="1.0" encoding="utf-8"?>',
       '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
       '<edmx:DataServices><Schema Namespace="bench" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
       '<EntityType Name="base" Abstract="true"><Key><PropertyRef Name="id"/></Key>'
       '<Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>']
for e in enums:
    out.append(f'<EnumType Name="{e}">' + "".join(f'<Member Name="m{j}" Value="{j}"/>' for j in range(5)) + "</EnumType>")
def props(i):
    return (f'<Property Name="name" Type="Edm.String"/><Property Name="count" Type="Edm.Int32"/>'
            f'<Property Name="enabled" Type="Edm.Boolean"/><Property Name="createdDateTime" Type="Edm.DateTimeOffset"/>'
            f'<Property Name="amount" Type="Edm.Decimal" Scale="variable"/>'
            f'<Property Name="kind" Type="bench.{enums[i % len(enums)]}"/>'
            f'<Property Name="tags" Type="Collection(Edm.String)"/>')
for i, c in enumerate(complexes):
    inner = f'<Property Name="inner" Type="bench.{complexes[(i + 1) % len(complexes)]}"/>' if i + 1 < len(complexes) else ""
    out.append(f'<ComplexType Name="{c}">{props(i)}{inner}<Property Name="note" Type="Edm.String"/></ComplexType>')
for i, e in enumerate(entities):
    c = complexes[i % len(complexes)]
    out.append(f'<EntityType Name="{e}" BaseType="bench.base">{props(i)}'
               f'<Property Name="detail" Type="bench.{c}"/><Property Name="details" Type="Collection(bench.{c})"/>'
               f'<NavigationProperty Name="next" Type="bench.{entities[(i + 1) % len(entities)]}"/></EntityType>')
out.append("</Schema></edmx:DataServices></edmx:Edmx>")
open(path, "w").write("\n".join(out))
PY
}

measure() { # dir profile -> "wall rss"
    local dir=$1 profile=$2 flag=""
    [ "$profile" = release ] && flag="--release"
    cargo build --offline -q $flag --all-features --manifest-path "$dir/Cargo.toml" 2>"$dir.$profile.build.log"
    touch "$dir/src/lib.rs"
    /usr/bin/time -v -o "$dir.$profile.time" cargo build --offline -q $flag --all-features --manifest-path "$dir/Cargo.toml" \
        2>>"$dir.$profile.build.log"
    echo "$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$dir.$profile.time") $(( $(awk '/Maximum resident/ {print $NF}' "$dir.$profile.time") / 1024 ))"
}

echo "| types | profile | derives: wall | peak RSS | plain serde: wall | peak RSS |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
    dir="$out/n$n"
    rm -rf "$dir" && mkdir -p "$dir"
    csdl "$n" "$dir/model.xml"
    ./target/release/odata-codegen "$dir/model.xml" --out "$dir/derive" --crate "bench_derive_$n" \
        --odata-core "{ path = \"$core_path\" }" >"$dir/codegen.log" 2>&1
    ./target/release/plain-baseline "$dir/derive" --out "$dir/plain" --name "bench_plain_$n" >"$dir/plain.log" 2>&1
    for kind in derive plain; do
        printf '\n[workspace]\n' >>"$dir/$kind/Cargo.toml"
        cp Cargo.lock "$dir/$kind/Cargo.lock"
        # One target directory per size, shared by both crates: dependencies are built once.
        mkdir -p "$dir/target" && ln -sfn ../target "$dir/$kind/target"
    done
    for profile in debug release; do
        read -r dw dr <<<"$(measure "$dir/derive" "$profile")"
        read -r pw pr <<<"$(measure "$dir/plain" "$profile")"
        echo "| $n | $profile | $dw | $dr MiB | $pw | $pr MiB |"
    done
done
