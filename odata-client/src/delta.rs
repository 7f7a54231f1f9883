//! Delta queries: a round follows `@odata.nextLink` to the page with `@odata.deltaLink`, and the
//! next round starts from that delta link.
//!
//! The pages are read by [`Pages`], so the guards against foreign origins, loops and runaway
//! paging apply to delta rounds too.

use odata_core::query::{Query, Resource};
use odata_core::request::Readable;
use odata_core::{DeltaItem, DeltaLink, Page};

use crate::client::Client;
use crate::error::Error;
use crate::paging::Pages;

/// The outcome of a delta round: every item of every page, and the delta link to read the next
/// round's changes from.
#[derive(Debug, Clone, PartialEq)]
pub struct DeltaRound<T> {
    /// The items of all pages, in the order the service sent them.
    pub items: Vec<DeltaItem<T>>,
    /// The delta link of the last page; store it to resume from later.
    pub delta_link: DeltaLink,
}

impl Client {
    /// The pages of a delta round over a delta resource (Graph's `users/delta`, an OData
    /// service's collection with `Prefer: odata.track-changes`), following `@odata.nextLink`; the
    /// last page carries `@odata.deltaLink` (see [`DeltaLink::of_page`]).
    pub fn delta_pages<T>(&self, resource: &Resource<Vec<T>>, query: &Query<T>) -> Pages<DeltaItem<T>>
    where
        Vec<DeltaItem<T>>: Readable<Item = DeltaItem<T>, Response = Page<DeltaItem<T>>>,
    {
        Pages::new(self.clone(), self.read_request(resource.url_with(query)))
    }

    /// The pages of the round that starts at a delta link kept from an earlier round.
    pub fn delta_pages_from<T>(&self, link: &DeltaLink) -> Pages<DeltaItem<T>>
    where
        Vec<DeltaItem<T>>: Readable<Item = DeltaItem<T>, Response = Page<DeltaItem<T>>>,
    {
        Pages::new(self.clone(), self.read_request(link.as_str().to_owned()))
    }

    /// Runs a whole delta round: every page up to the one with the delta link.
    pub async fn delta<T>(&self, resource: &Resource<Vec<T>>, query: &Query<T>) -> Result<DeltaRound<T>, Error>
    where
        Vec<DeltaItem<T>>: Readable<Item = DeltaItem<T>, Response = Page<DeltaItem<T>>>,
    {
        run_round(self.delta_pages(resource, query)).await
    }

    /// Runs the next delta round from a delta link kept from an earlier round.
    pub async fn delta_from<T>(&self, link: &DeltaLink) -> Result<DeltaRound<T>, Error>
    where
        Vec<DeltaItem<T>>: Readable<Item = DeltaItem<T>, Response = Page<DeltaItem<T>>>,
    {
        run_round(self.delta_pages_from(link)).await
    }
}

async fn run_round<T>(mut pages: Pages<DeltaItem<T>>) -> Result<DeltaRound<T>, Error>
where
    Vec<DeltaItem<T>>: Readable<Item = DeltaItem<T>, Response = Page<DeltaItem<T>>>,
{
    let mut items = Vec::new();
    while let Some(page) = pages.next_page().await {
        let mut page = page?;
        if let Some(delta_link) = DeltaLink::of_page(&page) {
            items.append(&mut page.value);
            return Ok(DeltaRound { items, delta_link });
        }
        items.append(&mut page.value);
    }
    // The last page came without a delta link: the round cannot be resumed.
    Err(Error::MissingDeltaLink)
}
