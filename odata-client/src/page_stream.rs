//! A page read item by item while its body arrives: memory holds one item and a few chunks, not
//! the page's bytes.
//!
//! `odata_core::read_page_items` is a blocking reader over `io::Read` (serde_json parses from
//! readers, not from async streams), so it runs on tokio's blocking pool, fed the body's chunks
//! through a small channel; the items come back through another and reach the caller's callback
//! on the caller's task. Both channels are bounded, so a slow callback slows the download instead
//! of buffering the page.

use std::cell::Cell;
use std::io;
use std::rc::Rc;

use bytes::{Buf, Bytes};
use odata_core::request::{DecodeError, ResponseError};
use odata_core::{EdmType, ItemsError, Page, read_page_items};
use tokio::sync::mpsc;

use crate::client::Client;
use crate::error::Error;

/// Chunks in flight between the download and the parser.
const CHUNKS_IN_FLIGHT: usize = 4;
/// Decoded items in flight between the parser and the callback.
const ITEMS_IN_FLIGHT: usize = 16;

impl Client {
    /// Reads a successful response's page, handing each item to `on_item` as it is decoded.
    ///
    /// The client's [`max_body_size`](crate::ClientBuilder::max_body_size) bounds what one item
    /// may take of the body (the bytes read since the item before), since that is what memory
    /// holds; the page as a whole may be larger.
    pub(crate) async fn stream_page_items<E>(
        &self,
        mut response: reqwest::Response,
        on_item: &mut impl FnMut(E),
    ) -> Result<Page<E>, Error>
    where
        E: EdmType + Send + 'static,
    {
        let status = response.status();
        let headers = response.headers().clone();
        let limit = self.max_body_size();
        let (chunks, chunk_source) = mpsc::channel::<Bytes>(CHUNKS_IN_FLIGHT);
        let (items, mut item_source) = mpsc::channel::<E>(ITEMS_IN_FLIGHT);
        let parser = tokio::task::spawn_blocking(move || parse(chunk_source, items, limit));
        let download = async move {
            // Moved in, so that the parser sees the end of the body when the download ends.
            let chunks = chunks;
            while let Some(chunk) = response.chunk().await? {
                if chunks.send(chunk).await.is_err() {
                    break; // The parser stopped (its error is the one to report).
                }
            }
            Ok::<(), Error>(())
        };
        let deliver = async {
            while let Some(item) = item_source.recv().await {
                on_item(item);
            }
        };
        let (downloaded, ()) = tokio::join!(download, deliver);
        let parsed = parser.await;
        // A broken download explains a parser that met the end of its input too early.
        downloaded?;
        let decode_error =
            |error: DecodeError| Error::Response(ResponseError::decode(status, error).with_headers(&headers));
        match parsed {
            Ok(Parsed::Page(page)) => Ok(page),
            Ok(Parsed::TooLarge) => Err(Error::BodyTooLarge { limit }),
            Ok(Parsed::Failed(error)) => Err(decode_error(error)),
            Err(join) => Err(decode_error(DecodeError::message(format!("the page reader stopped: {join}")))),
        }
    }
}

enum Parsed<E> {
    Page(Page<E>),
    /// One item took more than the size limit of the body.
    TooLarge,
    Failed(DecodeError),
}

/// The blocking side: reads the page from the chunks, sending each item on.
fn parse<E: EdmType>(chunks: mpsc::Receiver<Bytes>, items: mpsc::Sender<E>, limit: u64) -> Parsed<E> {
    let since_item = Rc::new(Cell::new(0u64));
    let reader = ChunkReader { chunks, current: Bytes::new(), since_item: Rc::clone(&since_item), limit };
    let read = read_page_items(reader, |item| {
        since_item.set(0);
        // The receiver goes away only once this side has stopped sending.
        items.blocking_send(item).map_err(|_| ())
    });
    match read {
        Ok(page) => Parsed::Page(page),
        Err(ItemsError::Decode(_)) if since_item.get() > limit => Parsed::TooLarge,
        Err(ItemsError::Decode(error)) => Parsed::Failed(error),
        Err(ItemsError::Callback(())) => Parsed::Failed(DecodeError::message("the items' receiver went away")),
        // `ItemsError` may grow.
        Err(_) => Parsed::Failed(DecodeError::message("the page could not be read")),
    }
}

/// `io::Read` over the body's chunks as they arrive; counts the bytes read since the last item.
struct ChunkReader {
    chunks: mpsc::Receiver<Bytes>,
    current: Bytes,
    since_item: Rc<Cell<u64>>,
    limit: u64,
}

impl io::Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.chunks.blocking_recv() {
                Some(chunk) => self.current = chunk,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        self.current.advance(n);
        self.since_item.set(self.since_item.get() + n as u64);
        if self.since_item.get() > self.limit {
            return Err(io::Error::other("an item is larger than the body size limit"));
        }
        Ok(n)
    }
}
