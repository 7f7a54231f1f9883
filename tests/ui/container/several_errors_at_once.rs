use odata_core::ODataEntity;

// Every attribute error is reported in one build, not one per build.
#[derive(ODataEntity)]
#[odata(type = "session", open_type)]
pub struct Session {
    pub id: String,
    #[odata(rename = "is test")]
    pub is_test: Option<bool>,
    #[odata(contains_target)]
    pub segments: Option<i32>,
}

fn main() {}
