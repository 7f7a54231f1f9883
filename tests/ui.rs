//! Every compile-time error a user can trigger, with the message it gives (`tests/ui/**/*.stderr`).
//! Refresh with `TRYBUILD=overwrite cargo test -p odata-tests --test ui`, then read the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*/*.rs");
}
