use odata_core::{ODataComplex, ODataEntity};

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.calendar", key_property = "id")]
pub struct Calendar {
    pub id: Option<String>,
}

// An entity is reached through a navigation property, not held as a value.
#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.event", key_property = "id")]
pub struct Event {
    pub id: Option<String>,
    pub calendar: Option<Calendar>,
}

// A collection of them: `Navigation<Vec<Calendar>>`.
#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.calendarGroup", key_property = "id")]
pub struct CalendarGroup {
    pub id: Option<String>,
    pub calendars: Option<Vec<Calendar>>,
}

// The same in a complex type, boxed.
#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.eventInfo")]
pub struct EventInfo {
    pub calendar: Option<Box<Calendar>>,
}

fn main() {}
