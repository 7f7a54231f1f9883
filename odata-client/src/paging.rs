//! Server-driven paging: follow `@odata.nextLink` to the end, as pages or as a stream of items.
//!
//! Relative next links are resolved as the OData JSON format says: against the context URL,
//! itself resolved against the request URL (CAP sends `../$metadata#Sessions` and
//! `Sessions?$skiptoken=4`). A link to another origin is refused (the bearer token would go
//! there), a link already followed is an error rather than an endless loop, and an optional cap
//! bounds the number of pages.

use std::collections::HashSet;

use futures_util::stream::{self, Stream, TryStreamExt};
use odata_core::Page;
use odata_core::request::{ReadRequest, Readable};
use tracing::Instrument;
use url::Url;

use crate::client::Client;
use crate::error::Error;

/// The pages of a collection, read one request at a time as they are asked for.
///
/// Relative next links resolve against the context URL, itself resolved against the request
/// URL. A link to another origin than the service root is refused (the bearer token would go
/// there), a link already followed is [`Error::RepeatedNextLink`], and the client's optional
/// page cap ends paging with [`Error::PageLimit`].
pub struct Pages<E> {
    client: Client,
    next: Option<ReadRequest<Vec<E>>>,
    followed: HashSet<String>,
    read: usize,
}

impl<E> Pages<E>
where
    Vec<E>: Readable<Item = E, Response = Page<E>>,
{
    pub(crate) fn new(client: Client, first: ReadRequest<Vec<E>>) -> Self {
        Pages { client, next: Some(first), followed: HashSet::new(), read: 0 }
    }

    /// The next page; `None` after the last.
    pub async fn next_page(&mut self) -> Option<Result<Page<E>, Error>> {
        let request = self.next.take()?;
        if self.client.max_pages().is_some_and(|cap| self.read >= cap) {
            return Some(Err(Error::PageLimit(self.read)));
        }
        // One span per page around the request's own span: which page of which paging.
        let span = tracing::info_span!("odata.page", page = self.read + 1, items = tracing::field::Empty);
        let page = match self.client.send(&request).instrument(span.clone()).await {
            Ok(page) => page,
            Err(error) => return Some(Err(error)),
        };
        self.read += 1;
        span.record("items", page.value.len());
        self.followed.insert(request.url().to_owned());
        if let Some(link) = &page.next_link {
            match self.resolve(request.url(), page.context.as_deref(), link) {
                Ok(url) => self.next = Some(self.client.read_request(url)),
                Err(error) => return Some(Err(error)),
            }
        }
        Some(Ok(page))
    }

    fn resolve(&self, request_url: &str, context: Option<&str>, link: &str) -> Result<String, Error> {
        resolve_next_link(&self.client, &self.followed, request_url, context, link)
    }

    /// The pages as a stream; it ends after the last page or the first error.
    pub fn into_stream(self) -> impl Stream<Item = Result<Page<E>, Error>> {
        stream::unfold(Some(self), |pages| async move {
            let mut pages = pages?;
            let page = pages.next_page().await?;
            let more = page.is_ok();
            Some((page, more.then_some(pages)))
        })
    }

    /// The items of every page, as one stream.
    pub fn items(self) -> impl Stream<Item = Result<E, Error>> {
        self.into_stream().map_ok(|page| stream::iter(page.value.into_iter().map(Ok))).try_flatten()
    }

    /// Every item of every page, collected.
    pub async fn collect_all(self) -> Result<Vec<E>, Error> {
        self.items().try_collect().await
    }

    /// The number of pages read so far.
    pub fn pages_read(&self) -> usize {
        self.read
    }
}

impl<E> std::fmt::Debug for Pages<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages").field("read", &self.read).field("next", &self.next.as_ref().map(|r| r.url())).finish()
    }
}

/// Resolves a next link against the context URL and the request URL, refusing another origin
/// and a link already followed (shared by [`Pages`] and the item-by-item reader).
pub(crate) fn resolve_next_link(
    client: &Client,
    followed: &HashSet<String>,
    request_url: &str,
    context: Option<&str>,
    link: &str,
) -> Result<String, Error> {
    let invalid = |reason| Error::InvalidNextLink { link: link.to_owned(), reason };
    let request = Url::parse(request_url).map_err(|_| invalid("the request URL is not absolute"))?;
    let base = match context {
        Some(context) => request.join(context).map_err(|_| invalid("the context URL does not resolve"))?,
        None => request,
    };
    let next = base.join(link).map_err(|_| invalid("not a URL"))?;
    if &next.origin() != client.origin() {
        return Err(invalid("it leads to another origin than the service root"));
    }
    let next = next.to_string();
    if followed.contains(&next) {
        return Err(Error::RepeatedNextLink(link.to_owned()));
    }
    Ok(next)
}
