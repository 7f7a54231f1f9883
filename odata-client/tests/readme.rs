//! The README's client examples are the code of `examples/graph_sessions.rs`,
//! `examples/production.rs`, `examples/graph_delta.rs` and `examples/signin.rs`, which compile
//! (`signin.rs` with the `client-credentials` feature).

#[test]
fn the_readme_shows_the_compiled_example() {
    let readme = include_str!("../../README.md");
    let example = include_str!("../examples/graph_sessions.rs");
    let start = example.find("use odata_client::").expect("the example's code");
    let end = example.find("#[tokio::main]").expect("the example's main");
    let code = &example[start..end];
    assert!(
        readme.contains(code.trim_end()),
        "README.md and examples/graph_sessions.rs differ; copy the example's code into the README"
    );
}

#[test]
fn the_readme_shows_the_compiled_production_example() {
    let readme = include_str!("../../README.md");
    let example = include_str!("../examples/production.rs");
    let start = example.find("use std::time::Duration;").expect("the example's code");
    let end = example.find("// Every request is a `tracing` span").expect("the example's main");
    let code = &example[start..end];
    assert!(
        readme.contains(code.trim_end()),
        "README.md and examples/production.rs differ; copy the example's code into the README"
    );
}

#[test]
fn the_readme_shows_the_compiled_delta_example() {
    let readme = include_str!("../../README.md");
    let example = include_str!("../examples/graph_delta.rs");
    let start = example.find("use futures_util::").expect("the example's code");
    let end = example.find("#[tokio::main]").expect("the example's main");
    let code = &example[start..end];
    assert!(
        readme.contains(code.trim_end()),
        "README.md and examples/graph_delta.rs differ; copy the example's code into the README"
    );
}

#[test]
fn the_readme_shows_the_compiled_signin_example() {
    let readme = include_str!("../../README.md");
    let example = include_str!("../examples/signin.rs");
    let start = example.find("use odata_client::").expect("the example's code");
    let end = example.find("#[tokio::main]").expect("the example's main");
    let code = &example[start..end];
    assert!(
        readme.contains(code.trim_end()),
        "README.md and examples/signin.rs differ; copy the example's code into the README"
    );
}
