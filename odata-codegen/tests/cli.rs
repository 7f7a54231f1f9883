//! The command line: a CSDL file, or (feature `fetch`) the `$metadata` of a running service, read
//! from a scripted HTTP server on 127.0.0.1.

use std::path::PathBuf;
use std::process::{Command, Output};

const CSDL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="example.shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="product">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#;

/// A fresh directory under the workspace's `target/tmp`.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("odata-codegen-cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_odata-codegen")).args(args).output().expect("run odata-codegen")
}

fn assert_success(output: &Output) {
    assert!(output.status.success(), "odata-codegen failed:\n{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn a_csdl_file_becomes_a_module_per_namespace() {
    let dir = scratch("file");
    let input = dir.join("shop.xml");
    std::fs::write(&input, CSDL).expect("write CSDL");
    let out = dir.join("out");
    let output = codegen(&[input.to_str().expect("UTF-8 path"), "--out", out.to_str().expect("UTF-8 path")]);
    assert_success(&output);
    let shop = std::fs::read_to_string(out.join("shop.rs")).expect("shop.rs written");
    assert!(shop.contains("pub struct Product {"), "{shop}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 entity types"));
}

#[test]
fn a_malformed_file_is_an_error_naming_the_file_line_and_element() {
    let dir = scratch("malformed");
    let input = dir.join("bad.xml");
    std::fs::write(&input, CSDL.replace("      </EntityType>\n", "")).expect("write CSDL");
    let output = codegen(&[input.to_str().expect("UTF-8 path"), "--out", dir.join("out").to_str().expect("UTF-8")]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.xml: line 8: "), "{stderr}");
    assert!(stderr.contains("expected `</EntityType>`, but `</Schema>` was found"), "{stderr}");
    // The line itself, as the document has it.
    assert!(stderr.contains("\n  8 |     </Schema>\n"), "{stderr}");
}

/// `--url` (feature `fetch`).
#[cfg(feature = "fetch")]
mod url {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;
    use std::sync::{Arc, Mutex};

    use super::{CSDL, assert_success, codegen, scratch};

    /// Each request's target and `Accept` header.
    type Seen = Arc<Mutex<Vec<(String, String)>>>;

    /// Serves `body` with `status` for every request, once per connection, until the test ends;
    /// records each request's target and `Accept` header.
    fn serve(status: u16, body: &'static str) -> (String, Seen) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let root = format!("http://{}/odata/shop/", listener.local_addr().expect("address"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming().take(8) {
                let Ok(mut stream) = stream else { return };
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                let target = line.split(' ').nth(1).unwrap_or("").to_owned();
                let mut accept = String::new();
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
                        break;
                    }
                    if let Some(value) = header.to_ascii_lowercase().strip_prefix("accept:") {
                        accept = value.trim().to_owned();
                    }
                }
                log.lock().expect("log").push((target, accept));
                let response = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/xml\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes());
            }
        });
        (root, seen)
    }

    #[test]
    fn reads_the_services_metadata_and_can_save_it() {
        let (root, seen) = serve(200, CSDL);
        let dir = scratch("url");
        let saved = dir.join("metadata.xml");
        let out = dir.join("out");
        let output = codegen(&[
            "--url",
            &root,
            "--save-metadata",
            saved.to_str().expect("UTF-8 path"),
            "--out",
            out.to_str().expect("UTF-8 path"),
        ]);
        assert_success(&output);
        assert_eq!(
            seen.lock().expect("log").as_slice(),
            [("/odata/shop/$metadata".to_owned(), "application/xml".to_owned())]
        );
        assert_eq!(std::fs::read_to_string(&saved).expect("saved"), CSDL);
        let shop = std::fs::read_to_string(out.join("shop.rs")).expect("shop.rs written");
        let from_file = odata_codegen::generate(
            &odata_core::csdl::Document::parse_xml(CSDL).expect("CSDL"),
            &odata_codegen::Options::default(),
        )
        .expect("generates");
        assert_eq!(shop, from_file.files["shop.rs"], "the same code as from the file");
    }

    /// Serves each path's body (404 for other paths) until the test ends; records the targets.
    fn serve_paths(bodies: &'static [(&'static str, &'static str)]) -> (String, Seen) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let root = format!("http://{}/odata/shop/", listener.local_addr().expect("address"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming().take(8) {
                let Ok(mut stream) = stream else { return };
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                let target = line.split(' ').nth(1).unwrap_or("").to_owned();
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
                        break;
                    }
                }
                log.lock().expect("log").push((target.clone(), String::new()));
                let (status, body) =
                    bodies.iter().find(|(path, _)| *path == target).map_or((404, ""), |(_, body)| (200, *body));
                let response = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/xml\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes());
            }
        });
        (root, seen)
    }

    /// `<edmx:Reference>` documents on the service's origin are read from it (relative URIs
    /// resolved against the document naming them); another host's are not requested, and what uses
    /// them is left out with a warning.
    #[test]
    fn references_on_the_services_origin_are_read_from_it() {
        const MAIN: &str = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="vocab/Shared.xml"><edmx:Include Namespace="example.shared" Alias="shared"/></edmx:Reference>
  <edmx:Reference Uri="https://example.org/Other.xml"><edmx:Include Namespace="example.other"/></edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="example.shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="order">
        <Property Name="address" Type="shared.address"/>
        <Property Name="elsewhere" Type="example.other.thing"/>
      </ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;
        const SHARED: &str = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="example.shared" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="address"><Property Name="street" Type="Edm.String"/></ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;
        let (root, seen) = serve_paths(&[("/odata/shop/$metadata", MAIN), ("/odata/shop/vocab/Shared.xml", SHARED)]);
        let out = scratch("url-references");
        let output = codegen(&["--url", &root, "--out", out.to_str().expect("UTF-8 path")]);
        assert_success(&output);
        let targets: Vec<String> = seen.lock().expect("log").iter().map(|(target, _)| target.clone()).collect();
        assert_eq!(targets, ["/odata/shop/$metadata", "/odata/shop/vocab/Shared.xml"]);
        let shop = std::fs::read_to_string(out.join("shop.rs")).expect("shop.rs written");
        assert!(shop.contains("pub address: Option<crate::shared::Address>,"), "{shop}");
        assert!(!shop.contains("elsewhere"), "{shop}");
        assert!(out.join("shared.rs").exists());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(
                "<Property Name=\"elsewhere\"> of <ComplexType> example.shop.order: type `example.other.thing` is not \
                 declared in the document: its namespace `example.other` is included from <edmx:Reference \
                 Uri=\"https://example.org/Other.xml\">, which is not resolved"
            ),
            "{stderr}"
        );
    }

    #[test]
    fn failures_name_the_metadata_url_and_the_status() {
        let (root, _) = serve(404, r#"{"error":{"code":"404","message":"no such service"}}"#);
        let output = codegen(&["--url", &format!("{root}$metadata"), "--out", "unused"]);
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&format!("GET {root}$metadata: ")) && stderr.contains("404"), "{stderr}");
        assert!(stderr.contains("no such service"), "{stderr}");
    }
}

#[test]
fn annotations_files_describe_the_generated_types() {
    let dir = scratch("annotations");
    let input = dir.join("shop.xml");
    std::fs::write(&input, CSDL).expect("write CSDL");
    let descriptions = dir.join("descriptions.xml");
    std::fs::write(
        &descriptions,
        r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="example.docs" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <Annotations Target="example.shop.product/id">
        <Annotation Term="Org.OData.Core.V1.Description" String="The product number."/>
      </Annotations>
      <Annotations Target="example.shop.product/price">
        <Annotation Term="Org.OData.Core.V1.Description" String="Not a property."/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#,
    )
    .expect("write descriptions");
    let out = dir.join("out");
    let path = |p: &PathBuf| p.to_str().expect("UTF-8 path").to_owned();
    let output = codegen(&[&path(&input), "--annotations", &path(&descriptions), "--out", &path(&out)]);
    assert_success(&output);
    let shop = std::fs::read_to_string(out.join("shop.rs")).expect("shop.rs written");
    assert!(shop.contains("    /// The product number.\n    #[odata(nullable = false)]\n    pub id:"), "{shop}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("descriptions.xml: 2 annotated elements"), "{stderr}");
    assert!(
        stderr.contains("`example.shop.product` has no property, navigation property or member `price`"),
        "{stderr}"
    );

    // A file without out-of-line annotations is a mistake worth naming.
    std::fs::write(&descriptions, CSDL).expect("write");
    let output = codegen(&[&path(&input), "--annotations", &path(&descriptions), "--out", &path(&out)]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("descriptions.xml: no <Annotations Target=\"...\"> elements"), "{stderr}");
}
