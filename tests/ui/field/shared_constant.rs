use odata_core::ODataComplex;

// Two fields whose upper-case names are the same constant; the way out is `constant = "..."`,
// and a `constant` that is taken is reported there.
#[derive(ODataComplex)]
#[odata(type = "ns.label")]
pub struct Label {
    pub ab: Option<String>,
    #[allow(non_snake_case)]
    pub aB: Option<String>,
    #[odata(constant = "AB")]
    pub other: Option<String>,
}

fn main() {}
