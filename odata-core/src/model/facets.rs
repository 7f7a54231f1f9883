//! Facets: what CSDL says about the values of a property, parameter, return type or type
//! definition beyond its type (`MaxLength`, `Precision`, `Scale`, `SRID`, `Unicode`,
//! `DefaultValue`). The model keeps them so that the CSDL built from the derives says what the
//! service's does; decoding does not enforce them (the service does).

/// The facets of a property, parameter, return type or type definition, as declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetInfo {
    /// `MaxLength`: of a string, binary or stream value.
    pub max_length: Option<MaxLength>,
    /// `Precision`: significant digits of a decimal, fractional-second digits of a temporal value.
    pub precision: Option<u32>,
    /// `Scale`: digits right of the decimal point of a decimal.
    pub scale: Option<Scale>,
    /// `SRID`: the spatial reference system of a geography or geometry value.
    pub srid: Option<Srid>,
    /// `Unicode`: `false` when a string holds ASCII only (absent means `true`).
    pub unicode: Option<bool>,
    /// `DefaultValue`: the value the service uses when none is given, as a CSDL literal.
    pub default_value: Option<&'static str>,
}

impl FacetInfo {
    /// No facet declared.
    pub const NONE: FacetInfo =
        FacetInfo { max_length: None, precision: None, scale: None, srid: None, unicode: None, default_value: None };

    /// Whether no facet is declared.
    pub const fn is_none(&self) -> bool {
        self.max_length.is_none()
            && self.precision.is_none()
            && self.scale.is_none()
            && self.srid.is_none()
            && self.unicode.is_none()
            && self.default_value.is_none()
    }
}

impl Default for FacetInfo {
    fn default() -> Self {
        Self::NONE
    }
}

/// `MaxLength`: a number of characters (strings) or bytes (binary), or `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaxLength {
    /// `MaxLength="max"`: as long as the service allows.
    Max,
    /// `MaxLength="40"`.
    Length(u32),
}

/// `Scale` of a decimal: a number of digits, `variable` or `floating`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// `Scale="4"`.
    Digits(u32),
    /// `Scale="variable"`: any number of digits up to the precision.
    Variable,
    /// `Scale="floating"` (CSDL 4.01): a decimal floating-point number.
    Floating,
}

/// `SRID` of a geography or geometry value: a spatial reference system id, or `variable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Srid {
    /// `SRID="4326"`.
    Id(u32),
    /// `SRID="variable"`: each value names its own.
    Variable,
}

impl std::fmt::Display for MaxLength {
    /// The CSDL spelling: `max` or the number.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MaxLength::Max => f.write_str("max"),
            MaxLength::Length(n) => write!(f, "{n}"),
        }
    }
}

impl std::fmt::Display for Scale {
    /// The CSDL spelling: the number, `variable` or `floating`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scale::Digits(n) => write!(f, "{n}"),
            Scale::Variable => f.write_str("variable"),
            Scale::Floating => f.write_str("floating"),
        }
    }
}

impl std::fmt::Display for Srid {
    /// The CSDL spelling: the number or `variable`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Srid::Id(n) => write!(f, "{n}"),
            Srid::Variable => f.write_str("variable"),
        }
    }
}
