//! Items without holding pages: every item of a collection as a `Stream` (memory bounded by one
//! page), or handed to a callback as each is decoded from the arriving body (memory bounded by
//! one item; see `page_stream`).

use std::collections::HashSet;

use futures_util::stream::Stream;
use odata_core::query::{Query, Resource};
use odata_core::request::{ReadRequest, Readable, ResponseError};
use odata_core::{EdmType, Page};

use crate::client::Client;
use crate::error::Error;
use crate::paging::resolve_next_link;

impl Client {
    /// Every item of the collection, across pages, as one stream: a page is requested when the
    /// items of the one before have been taken, so memory holds one page at a time.
    pub fn items<E>(&self, resource: &Resource<Vec<E>>, query: &Query<E>) -> impl Stream<Item = Result<E, Error>>
    where
        Vec<E>: Readable<Item = E, Response = Page<E>>,
    {
        self.pages(resource, query).items()
    }

    /// Hands every item of the collection, across pages, to `on_item` as soon as it is decoded;
    /// the last page's control information (`@odata.deltaLink`, `@odata.count`, ...) comes back
    /// with an empty `value`.
    ///
    /// A page's items are never collected, nor its body: each item is decoded as its bytes
    /// arrive, so memory holds one item and a few chunks of the body, whatever the page's size.
    /// The client's [`max_body_size`](crate::ClientBuilder::max_body_size) then bounds one
    /// item's share of the body, not the page's. Next links are followed with the same guards as
    /// [`Client::pages`].
    pub async fn for_each_item<E>(
        &self,
        resource: &Resource<Vec<E>>,
        query: &Query<E>,
        mut on_item: impl FnMut(E),
    ) -> Result<Page<E>, Error>
    where
        E: EdmType + Send + 'static,
        Vec<E>: Readable<Item = E, Response = Page<E>>,
    {
        let mut url = resource.url_with(query);
        let mut followed = HashSet::new();
        loop {
            if self.max_pages().is_some_and(|cap| followed.len() >= cap) {
                return Err(Error::PageLimit(followed.len()));
            }
            let page = self.page_items(&url, &mut on_item).await?;
            followed.insert(url.clone());
            let Some(link) = &page.next_link else { return Ok(page) };
            url = resolve_next_link(self, &followed, &url, page.context.as_deref(), link)?;
        }
    }

    /// One page at `url`, its items handed to `on_item` one by one as the body arrives.
    async fn page_items<E>(&self, url: &str, on_item: &mut impl FnMut(E)) -> Result<Page<E>, Error>
    where
        E: EdmType + Send + 'static,
        Vec<E>: Readable<Item = E, Response = Page<E>>,
    {
        let request: ReadRequest<Vec<E>> = self.read_request(url.to_owned());
        let response = self.execute_streaming(request.to_http()?).await?;
        if !response.status().is_success() {
            let response = self.read_body(response).await?;
            return Err(Error::Response(ResponseError::from_response(&response)));
        }
        self.stream_page_items(response, on_item).await
    }
}
