use odata_core::ODataAction;

#[derive(ODataAction)]
#[odata(name = "test.archive", returns = "Vec<String", composable)]
pub struct Archive {
    #[odata(navigation)]
    pub target: String,
}

fn main() {}
