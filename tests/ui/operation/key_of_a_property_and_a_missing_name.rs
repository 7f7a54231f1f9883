use odata_core::ODataAction;

// darling rejects `read_only` on the parameter, and the rules still report the missing name: all
// errors at once.
#[derive(ODataAction)]
#[odata(bound_to = "String")]
pub struct Archive {
    #[odata(read_only)]
    pub reason: Option<String>,
}

fn main() {}
