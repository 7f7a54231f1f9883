//! Facets as derive attributes: `MaxLength="40"` becomes `max_length = 40`. A facet the derive
//! would reject (`MaxLength="0"`, `Scale="wide"`, a scale above the precision) is left out with a
//! warning, so that a service's odd `$metadata` still generates code that builds.

use odata_core::csdl::Facets;

use super::Writer;

impl Writer<'_, '_> {
    /// The derive's facet keys for `facets` of `element`, warning about each one left out.
    pub(super) fn facet_args(&mut self, facets: &Facets, element: &str, line: Option<u32>) -> Vec<String> {
        let mut args = Vec::new();
        let mut left_out = Vec::new();
        if let Some(max_length) = &facets.max_length {
            match max_length.parse::<u32>() {
                Ok(0) | Err(_) if max_length != "max" => left_out.push(format!("MaxLength=\"{max_length}\"")),
                Ok(n) => args.push(format!("max_length = {n}")),
                Err(_) => args.push("max_length = \"max\"".to_owned()),
            }
        }
        if let Some(precision) = facets.precision {
            args.push(format!("precision = {precision}"));
        }
        if let Some(scale) = &facets.scale {
            match (scale.parse::<u32>(), facets.precision) {
                (Ok(n), Some(precision)) if n > precision => left_out.push(format!("Scale=\"{scale}\"")),
                (Ok(n), _) => args.push(format!("scale = {n}")),
                (Err(_), _) if scale == "variable" || scale == "floating" => args.push(format!("scale = {scale:?}")),
                (Err(_), _) => left_out.push(format!("Scale=\"{scale}\"")),
            }
        }
        if let Some(srid) = &facets.srid {
            match srid.parse::<u32>() {
                Ok(n) => args.push(format!("srid = {n}")),
                Err(_) if srid == "variable" => args.push("srid = \"variable\"".to_owned()),
                Err(_) => left_out.push(format!("SRID=\"{srid}\"")),
            }
        }
        if let Some(unicode) = facets.unicode {
            args.push(format!("unicode = {unicode}"));
        }
        if let Some(default_value) = &facets.default_value {
            args.push(format!("default_value = {default_value:?}"));
        }
        for facet in left_out {
            self.warn(
                element.to_owned(),
                line,
                format!(
                    "`{facet}` is not a valid facet value (a length is a positive number or `max`, a scale a \
                     number up to the precision, `variable` or `floating`, an SRID a number or `variable`); it is \
                     left out"
                ),
            );
        }
        args
    }
}
