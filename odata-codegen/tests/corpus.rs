use odata_codegen::{Options, generate};
use odata_core::csdl::Document;
#[test]
fn probe() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        match Document::parse_xml(&text) {
            Err(e) => println!("{}: PARSE {e}", path.display()),
            Ok(doc) => match generate(&doc, &Options::default()) {
                Err(e) => println!("{}: GEN {e}", path.display()),
                Ok(g) => println!(
                    "{}: OK {} ; {:#?}",
                    path.display(),
                    g.summary,
                    g.summary.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>()
                ),
            },
        }
    }
}
