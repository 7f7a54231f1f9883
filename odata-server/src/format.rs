//! Content negotiation: JSON with `odata.metadata=minimal|full|none` and `IEEE754Compatible`
//! from `$format` or `Accept`, XML or JSON for `$metadata`.

use http::{HeaderMap, HeaderValue, header};

use crate::error::ODataError;

/// How much control information a JSON response carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetadataLevel {
    /// `odata.metadata=minimal` (the default): context, next links, counts, ETags.
    Minimal,
    /// `odata.metadata=full`: also ids, edit links, types and navigation links.
    Full,
    /// `odata.metadata=none`: payload only (and next links, counts).
    None,
}

/// The negotiated JSON format of a data response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Format {
    pub(crate) metadata: MetadataLevel,
    /// `IEEE754Compatible=true`: Edm.Int64 and Edm.Decimal as strings.
    pub(crate) ieee754: bool,
}

impl Default for Format {
    fn default() -> Self {
        Format { metadata: MetadataLevel::Minimal, ieee754: false }
    }
}

impl Format {
    /// The `Content-Type` of a response in this format.
    pub(crate) fn content_type(self) -> HeaderValue {
        let metadata = match self.metadata {
            MetadataLevel::Minimal => "minimal",
            MetadataLevel::Full => "full",
            MetadataLevel::None => "none",
        };
        let ieee = if self.ieee754 { "true" } else { "false" };
        HeaderValue::from_str(&format!(
            "application/json;odata.metadata={metadata};odata.streaming=true;IEEE754Compatible={ieee}"
        ))
        .unwrap_or(HeaderValue::from_static("application/json"))
    }
}

/// One media range of an `Accept` header or a `$format` value: type and parameters.
struct MediaRange<'a> {
    essence: String,
    params: Vec<(String, &'a str)>,
}

fn media_ranges(text: &str) -> Vec<MediaRange<'_>> {
    text.split(',')
        .filter_map(|range| {
            let mut parts = range.split(';');
            let essence = parts.next()?.trim().to_ascii_lowercase();
            if essence.is_empty() {
                return None;
            }
            let params = parts
                .filter_map(|p| {
                    let (name, value) = p.split_once('=')?;
                    Some((name.trim().to_ascii_lowercase(), value.trim()))
                })
                .collect();
            Some(MediaRange { essence, params })
        })
        .collect()
}

fn apply_params(format: &mut Format, params: &[(String, &str)]) -> Result<(), ODataError> {
    for (name, value) in params {
        match name.as_str() {
            "odata.metadata" | "metadata" => {
                format.metadata = match value.to_ascii_lowercase().as_str() {
                    "minimal" => MetadataLevel::Minimal,
                    "full" => MetadataLevel::Full,
                    "none" => MetadataLevel::None,
                    _ => {
                        return Err(ODataError::new(
                            http::StatusCode::NOT_ACCEPTABLE,
                            "NotAcceptable",
                            format!("odata.metadata={value} is not one of minimal, full, none"),
                        ));
                    }
                }
            }
            "ieee754compatible" => format.ieee754 = value.eq_ignore_ascii_case("true"),
            _ => {}
        }
    }
    Ok(())
}

fn not_acceptable(what: &str) -> ODataError {
    ODataError::new(
        http::StatusCode::NOT_ACCEPTABLE,
        "NotAcceptable",
        format!("{what}: this service answers with application/json only"),
    )
}

/// The format of a data response, from `$format` (which wins) or `Accept`.
pub(crate) fn negotiate(headers: &HeaderMap, format_option: Option<&str>) -> Result<Format, ODataError> {
    let mut format = Format::default();
    if let Some(option) = format_option {
        let ranges = media_ranges(option);
        let range = ranges
            .first()
            .ok_or_else(|| ODataError::bad_request("InvalidFormat", "$format is empty").with_target("$format"))?;
        if !matches!(range.essence.as_str(), "json" | "application/json") {
            return Err(not_acceptable(&format!("$format={option}")));
        }
        apply_params(&mut format, &range.params)?;
        return Ok(format);
    }
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Ok(format);
    };
    let ranges = media_ranges(accept);
    if ranges.is_empty() {
        return Ok(format);
    }
    let chosen = ranges.iter().find(|r| {
        let acceptable = matches!(r.essence.as_str(), "application/json" | "application/*" | "*/*");
        let refused = r.params.iter().any(|(n, v)| n == "q" && v.parse::<f32>().is_ok_and(|q| q <= 0.0));
        acceptable && !refused
    });
    match chosen {
        Some(range) => {
            apply_params(&mut format, &range.params)?;
            Ok(format)
        }
        None => Err(not_acceptable(&format!("Accept: {accept}"))),
    }
}

/// The representation of `$metadata`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetadataFormat {
    Xml,
    Json,
}

/// `$metadata` is XML unless `$format` or `Accept` asks for JSON (and not XML).
pub(crate) fn negotiate_metadata(
    headers: &HeaderMap,
    format_option: Option<&str>,
) -> Result<MetadataFormat, ODataError> {
    if let Some(option) = format_option {
        let ranges = media_ranges(option);
        return match ranges.first().map(|r| r.essence.as_str()) {
            Some("json" | "application/json") => Ok(MetadataFormat::Json),
            Some("xml" | "application/xml") => Ok(MetadataFormat::Xml),
            _ => Err(ODataError::new(
                http::StatusCode::NOT_ACCEPTABLE,
                "NotAcceptable",
                format!("$format={option}: $metadata is application/xml or application/json"),
            )),
        };
    }
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Ok(MetadataFormat::Xml);
    };
    for range in media_ranges(accept) {
        match range.essence.as_str() {
            "application/xml" | "application/*" | "*/*" | "text/xml" => return Ok(MetadataFormat::Xml),
            "application/json" => return Ok(MetadataFormat::Json),
            _ => {}
        }
    }
    Err(ODataError::new(
        http::StatusCode::NOT_ACCEPTABLE,
        "NotAcceptable",
        format!("Accept: {accept}: $metadata is application/xml or application/json"),
    ))
}

/// Whether a request body is JSON (`Content-Type` absent counts as JSON; anything else is 415).
pub(crate) fn require_json_body(headers: &HeaderMap) -> Result<(), ODataError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let text = value.to_str().unwrap_or_default();
    let essence = text.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if essence == "application/json" {
        Ok(())
    } else {
        Err(ODataError::new(
            http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
            format!("Content-Type {text} is not supported: send application/json"),
        ))
    }
}

/// Whether the request asked for Int64 and Decimal values as strings in its body as well.
pub(crate) fn body_ieee754(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.to_ascii_lowercase().contains("ieee754compatible=true"))
}
