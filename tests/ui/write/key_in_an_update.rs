use odata_core::request::Changes;
use odata_graph::Entity;
use odata_graph::call_records::Session;

fn main() {
    let _ = Changes::<Session>::new().set(Entity::ID, "other".to_owned());
}
