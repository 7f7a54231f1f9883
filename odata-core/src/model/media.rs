//! Media entities (`HasStream="true"`): typed access to the stream's control information.

use std::borrow::Cow;

use super::ODataEntity;

/// An entity type with a stream (`HasStream="true"`, `#[odata(has_stream)]`): a photo, a
/// document, a recording. The entity's JSON describes the stream with control annotations, kept in
/// the value's [`AdditionalData`](crate::AdditionalData); these methods read them. The stream
/// itself is at [`media_read_link`](Self::media_read_link), or else at the entity's URL followed by
/// `/$value` (see [`Resource::media_stream`](crate::query::Resource::media_stream)).
///
/// ```
/// use odata_core::{AdditionalData, MediaEntity, ODataEntity};
///
/// #[derive(ODataEntity, Debug, Default)]
/// #[odata(type = "example.photos.photo", key_property = "id", has_stream)]
/// pub struct Photo {
///     #[odata(nullable = false)]
///     pub id: Option<i32>,
///     pub additional_data: AdditionalData,
/// }
///
/// let photo: Photo = serde_json::from_str(r#"{"id":1,"@odata.mediaContentType":"image/png"}"#)?;
/// assert_eq!(photo.media_content_type().as_deref(), Some("image/png"));
/// let root = odata_core::query::ServiceRoot::new("https://host/svc").expect("a root");
/// let stream = root.entity_set::<Photo>("Photos").key(1).media_stream();
/// assert_eq!(stream.url(), "https://host/svc/Photos(1)/$value");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait MediaEntity: ODataEntity {
    /// `@odata.mediaReadLink`: where to read the stream, when the service says.
    fn media_read_link(&self) -> Option<Cow<'_, str>> {
        self.additional_data()?.media_read_link()
    }

    /// `@odata.mediaEditLink`: where to replace the stream, when it differs from the read link.
    fn media_edit_link(&self) -> Option<Cow<'_, str>> {
        self.additional_data()?.media_edit_link()
    }

    /// `@odata.mediaContentType`: the stream's media type, e.g. `image/jpeg`.
    fn media_content_type(&self) -> Option<Cow<'_, str>> {
        self.additional_data()?.media_content_type()
    }

    /// `@odata.mediaEtag`: the stream's ETag, for conditional reads and replacements.
    fn media_etag(&self) -> Option<Cow<'_, str>> {
        self.additional_data()?.media_etag()
    }
}
