//! The twin's `Cargo.toml`: the same manifest with `serde` and `serde_json` in place of
//! `odata-core`. Edited line by line rather than through a TOML library, so that its layout and
//! comments (the features of a generated crate) stay as they are.

/// The twin of a manifest: `odata-core` leaves `[dependencies]` (and `uuid` unless
/// `keep_uuid`), `serde` with `derive` and `serde_json` join it, and `name` renames the package.
pub fn twin_manifest(text: &str, name: Option<&str>, keep_uuid: bool) -> String {
    const ADDED: &str = "serde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n";
    let mut out = String::new();
    let mut section = String::new();
    let mut added = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            section = trimmed.trim_matches(|c| c == '[' || c == ']').trim().to_owned();
        }
        // `[dependencies.odata-core]` and the like: the whole table goes.
        if let Some(dependency) = section.strip_prefix("dependencies.")
            && dropped(dependency, keep_uuid)
        {
            continue;
        }
        let key = trimmed.split(['=', '.', ' ']).next().unwrap_or("").trim_matches('"');
        if section == "dependencies" && !trimmed.starts_with('[') && (dropped(key, keep_uuid) || replaced(key)) {
            continue;
        }
        match name {
            Some(name) if section == "package" && key == "name" => out.push_str(&format!("name = {name:?}\n")),
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
        if trimmed == "[dependencies]" {
            out.push_str(ADDED);
            added = true;
        }
    }
    if !added {
        out.push_str("\n[dependencies]\n");
        out.push_str(ADDED);
    }
    out
}

fn dropped(dependency: &str, keep_uuid: bool) -> bool {
    matches!(dependency, "odata-core" | "odata_core") || (dependency == "uuid" && !keep_uuid)
}

/// serde and serde_json are written again, with the `derive` feature the twin needs.
fn replaced(dependency: &str) -> bool {
    matches!(dependency, "serde" | "serde_json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_manifest_trades_odata_core_and_uuid_for_serde() {
        let manifest = r#"[package]
name = "graph_derive"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
odata-core = { path = "/work/odata-core" }
uuid = { version = "1", default-features = false }

# One feature per namespace, with the namespaces it refers to; `full` is all of them.
[features]
default = []
full = ["graph"]
graph = []
"#;
        let expected = r#"[package]
name = "graph_plain"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"

# One feature per namespace, with the namespaces it refers to; `full` is all of them.
[features]
default = []
full = ["graph"]
graph = []
"#;
        assert_eq!(twin_manifest(manifest, Some("graph_plain"), false), expected);
    }

    #[test]
    fn other_dependencies_stay_and_serde_is_written_once_with_derive() {
        let manifest = "[package]\nname = \"x\"\n\n[dependencies]\nserde = \"1\"\nodata-core.workspace = true\n\
                        uuid = \"1\"\nitoa = \"1\"\n\n[dependencies.odata_core]\nversion = \"0.1\"\n\n[dev-dependencies]\n\
                        odata-core = \"0.1\"\n";
        let expected = "[package]\nname = \"x\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n\
                        serde_json = \"1\"\nuuid = \"1\"\nitoa = \"1\"\n\n[dev-dependencies]\nodata-core = \"0.1\"\n";
        assert_eq!(twin_manifest(manifest, None, true), expected);
    }

    #[test]
    fn a_manifest_without_dependencies_gets_the_section() {
        assert_eq!(
            twin_manifest("[package]\nname = \"x\"\n", None, false),
            "[package]\nname = \"x\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n"
        );
    }
}
