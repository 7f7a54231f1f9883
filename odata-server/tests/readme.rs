//! The README's server example is the code of `examples/northwind/main.rs`, which compiles.

#[test]
fn the_readme_shows_the_compiled_example() {
    let readme = include_str!("../../README.md");
    let example = include_str!("../examples/northwind/main.rs");
    let start = example.find("async fn run()").expect("the example's code");
    let end = example.find("/// Inserts the classic data set").expect("the example's seed");
    let code = &example[start..end];
    assert!(
        readme.contains(code.trim_end()),
        "README.md and examples/northwind/main.rs differ; copy the example's code into the README"
    );
}
