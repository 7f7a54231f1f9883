//! The typed expression: what `$filter` and `$orderby` mean against the model, ready for
//! translation to SQL.

use odata_core::{NavigationPropertyInfo, PropertyInfo, TypeInfo, TypeKind};

pub use super::syntax::BinaryOp;

/// The primitive types of the `Edm` namespace an expression can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Primitive {
    /// `Edm.Boolean`
    Boolean,
    /// `Edm.Byte`
    Byte,
    /// `Edm.SByte`
    SByte,
    /// `Edm.Int16`
    Int16,
    /// `Edm.Int32`
    Int32,
    /// `Edm.Int64`
    Int64,
    /// `Edm.Single`
    Single,
    /// `Edm.Double`
    Double,
    /// `Edm.Decimal`
    Decimal,
    /// `Edm.String`
    String,
    /// `Edm.Date`
    Date,
    /// `Edm.DateTimeOffset`
    DateTimeOffset,
    /// `Edm.TimeOfDay`
    TimeOfDay,
    /// `Edm.Duration`
    Duration,
    /// `Edm.Guid`
    Guid,
    /// `Edm.Binary`
    Binary,
    /// `Edm.Stream`, geography, geometry and other types expressions cannot compute with.
    Other,
}

impl Primitive {
    /// The primitive type named `name` (`Edm.Int32`); `None` for a name outside `Edm`.
    pub fn from_name(name: &str) -> Option<Primitive> {
        Some(match name {
            "Edm.Boolean" => Primitive::Boolean,
            "Edm.Byte" => Primitive::Byte,
            "Edm.SByte" => Primitive::SByte,
            "Edm.Int16" => Primitive::Int16,
            "Edm.Int32" => Primitive::Int32,
            "Edm.Int64" => Primitive::Int64,
            "Edm.Single" => Primitive::Single,
            "Edm.Double" => Primitive::Double,
            "Edm.Decimal" => Primitive::Decimal,
            "Edm.String" => Primitive::String,
            "Edm.Date" => Primitive::Date,
            "Edm.DateTimeOffset" => Primitive::DateTimeOffset,
            "Edm.TimeOfDay" => Primitive::TimeOfDay,
            "Edm.Duration" => Primitive::Duration,
            "Edm.Guid" => Primitive::Guid,
            "Edm.Binary" => Primitive::Binary,
            _ if name.starts_with("Edm.") => Primitive::Other,
            _ => return None,
        })
    }

    /// The qualified name (`Edm.Int32`); `Edm.Untyped` for [`Primitive::Other`].
    pub fn name(self) -> &'static str {
        match self {
            Primitive::Boolean => "Edm.Boolean",
            Primitive::Byte => "Edm.Byte",
            Primitive::SByte => "Edm.SByte",
            Primitive::Int16 => "Edm.Int16",
            Primitive::Int32 => "Edm.Int32",
            Primitive::Int64 => "Edm.Int64",
            Primitive::Single => "Edm.Single",
            Primitive::Double => "Edm.Double",
            Primitive::Decimal => "Edm.Decimal",
            Primitive::String => "Edm.String",
            Primitive::Date => "Edm.Date",
            Primitive::DateTimeOffset => "Edm.DateTimeOffset",
            Primitive::TimeOfDay => "Edm.TimeOfDay",
            Primitive::Duration => "Edm.Duration",
            Primitive::Guid => "Edm.Guid",
            Primitive::Binary => "Edm.Binary",
            Primitive::Other => "Edm.Untyped",
        }
    }

    /// An integer type.
    pub fn is_integer(self) -> bool {
        matches!(self, Primitive::Byte | Primitive::SByte | Primitive::Int16 | Primitive::Int32 | Primitive::Int64)
    }

    /// A numeric type (integer, decimal or floating point).
    pub fn is_numeric(self) -> bool {
        self.is_integer() || matches!(self, Primitive::Single | Primitive::Double | Primitive::Decimal)
    }
}

/// The type of an expression.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ValueType {
    /// The `null` literal, which fits any type.
    Null,
    /// A primitive type.
    Primitive(Primitive),
    /// An enumeration type of the model.
    Enum(&'static TypeInfo),
    /// A complex type of the model.
    Complex(&'static TypeInfo),
    /// An entity type of the model.
    Entity(&'static TypeInfo),
    /// A collection of the item type.
    Collection(Box<ValueType>),
}

/// Types are equal when they name the same type.
impl PartialEq for ValueType {
    fn eq(&self, other: &ValueType) -> bool {
        match (self, other) {
            (ValueType::Null, ValueType::Null) => true,
            (ValueType::Primitive(a), ValueType::Primitive(b)) => a == b,
            (ValueType::Enum(a), ValueType::Enum(b))
            | (ValueType::Complex(a), ValueType::Complex(b))
            | (ValueType::Entity(a), ValueType::Entity(b)) => a.qualified_name == b.qualified_name,
            (ValueType::Collection(a), ValueType::Collection(b)) => a == b,
            _ => false,
        }
    }
}

impl ValueType {
    /// `Edm.Boolean`.
    pub const BOOLEAN: ValueType = ValueType::Primitive(Primitive::Boolean);

    /// The type a property or parameter reference names (type definitions as their underlying
    /// primitive type).
    pub fn of_ref(ty: &odata_core::TypeRef) -> ValueType {
        let item = match ty.type_info() {
            Some(info) => match info.kind {
                TypeKind::Enum => ValueType::Enum(info),
                TypeKind::Complex => ValueType::Complex(info),
                TypeKind::Entity => ValueType::Entity(info),
                TypeKind::TypeDefinition => ValueType::Primitive(
                    info.underlying_type.and_then(Primitive::from_name).unwrap_or(Primitive::Other),
                ),
                _ => ValueType::Primitive(Primitive::from_name(ty.name).unwrap_or(Primitive::Other)),
            },
            None => ValueType::Primitive(Primitive::from_name(ty.name).unwrap_or(Primitive::Other)),
        };
        if ty.collection { ValueType::Collection(Box::new(item)) } else { item }
    }

    /// The primitive type, if this is one.
    pub fn primitive(&self) -> Option<Primitive> {
        match self {
            ValueType::Primitive(p) => Some(*p),
            _ => None,
        }
    }

    /// The type as OData names it: `Edm.String`, `Ns.Color`, `Collection(Ns.Item)`, `null`.
    pub fn name(&self) -> String {
        match self {
            ValueType::Null => "null".into(),
            ValueType::Primitive(p) => p.name().into(),
            ValueType::Enum(t) | ValueType::Complex(t) | ValueType::Entity(t) => t.qualified_name.into(),
            ValueType::Collection(item) => format!("Collection({})", item.name()),
        }
    }
}

/// A typed expression, with the byte position where it starts in its option's value.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Its type.
    pub ty: ValueType,
    /// Its position.
    pub pos: usize,
}

/// The kinds of typed expressions.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ExprKind {
    /// A literal.
    Literal(Literal),
    /// A value reached from the current entity (or a lambda variable) along a path.
    Member(Member),
    /// `collection/$count`.
    Count(Member),
    /// `collection/any(x:...)` or `collection/all(x:...)`.
    Lambda {
        /// `true` for `all`.
        all: bool,
        /// The collection.
        collection: Member,
        /// The variable's name.
        variable: String,
        /// The predicate, over the variable; `None` for `any()`.
        body: Option<Box<Expr>>,
    },
    /// `not`.
    Not(Box<Expr>),
    /// `-` (negation).
    Negate(Box<Expr>),
    /// `and` of all operands.
    And(Vec<Expr>),
    /// `or` of all operands.
    Or(Vec<Expr>),
    /// A comparison or arithmetic operator.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `operand in (values)`: the values are literals.
    In(Box<Expr>, Vec<Expr>),
    /// `operand has Ns.Flags'a,b'`.
    Has(Box<Expr>, Literal),
    /// A built-in function.
    Call(Function, Vec<Expr>),
    /// `isof(type)` or `isof(operand, type)`: whether the entity at `scope` is of the type or
    /// derived from it; `types` lists that type and every type of the model derived from it.
    IsOf {
        /// The entity tested.
        scope: Scope,
        /// The qualified names of the type and its derived types, sorted.
        types: Vec<&'static str>,
    },
    /// `cast(operand, Edm.Type)`: a primitive value converted to another primitive type.
    Cast(Box<Expr>, Primitive),
}

/// A member path: where it starts and the steps it takes.
#[derive(Debug, Clone)]
pub struct Member {
    /// Where the path starts.
    pub scope: Scope,
    /// The steps: navigations (to single entities, except for a collection the path ends
    /// with), casts, and structural properties.
    pub steps: Vec<Step>,
}

/// Where a member path starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scope {
    /// The entity the option applies to (`$it`).
    It,
    /// The variable of the lambda at this nesting (0: the outermost).
    Lambda(usize),
}

/// One step of a member path.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Step {
    /// A structural property.
    Property(&'static PropertyInfo),
    /// A navigation property.
    Navigation(&'static NavigationPropertyInfo),
    /// A cast to a derived type.
    Cast(&'static TypeInfo),
}

/// A typed literal, in the storage form the SQL translation binds.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Literal {
    /// `null`
    Null,
    /// `true` / `false`
    Boolean(bool),
    /// An integer.
    Int(i64),
    /// A decimal number, as written.
    Decimal(String),
    /// A floating-point number.
    Double(f64),
    /// A string.
    String(String),
    /// `YYYY-MM-DD`.
    Date(String),
    /// Normalised to UTC: `YYYY-MM-DDThh:mm:ss.fffffffZ`.
    DateTimeOffset(String),
    /// Normalised: `hh:mm:ss.fffffff`.
    TimeOfDay(String),
    /// ISO 8601 duration text as written (`P1DT2H`).
    Duration(String),
    /// A GUID, lower-case.
    Guid(String),
    /// Bytes.
    Binary(Vec<u8>),
    /// Members of an enumeration type (more than one for flags).
    Enum(&'static TypeInfo, Vec<&'static str>),
}

/// The built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[allow(missing_docs)] // each is the function of the same name in OData URL Conventions 5.1.1
pub enum Function {
    Contains,
    StartsWith,
    EndsWith,
    Length,
    IndexOf,
    Substring,
    ToLower,
    ToUpper,
    Trim,
    Concat,
    MatchesPattern,
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    FractionalSeconds,
    Date,
    Time,
    TotalOffsetMinutes,
    Now,
    MaxDateTime,
    MinDateTime,
    Round,
    Floor,
    Ceiling,
}

impl Function {
    /// The function by its canonical name.
    pub fn from_name(name: &str) -> Option<Function> {
        Some(match name {
            "contains" => Function::Contains,
            "startswith" => Function::StartsWith,
            "endswith" => Function::EndsWith,
            "length" => Function::Length,
            "indexof" => Function::IndexOf,
            "substring" => Function::Substring,
            "tolower" => Function::ToLower,
            "toupper" => Function::ToUpper,
            "trim" => Function::Trim,
            "concat" => Function::Concat,
            "matchesPattern" => Function::MatchesPattern,
            "year" => Function::Year,
            "month" => Function::Month,
            "day" => Function::Day,
            "hour" => Function::Hour,
            "minute" => Function::Minute,
            "second" => Function::Second,
            "fractionalseconds" => Function::FractionalSeconds,
            "date" => Function::Date,
            "time" => Function::Time,
            "totaloffsetminutes" => Function::TotalOffsetMinutes,
            "now" => Function::Now,
            "maxdatetime" => Function::MaxDateTime,
            "mindatetime" => Function::MinDateTime,
            "round" => Function::Round,
            "floor" => Function::Floor,
            "ceiling" => Function::Ceiling,
            _ => return None,
        })
    }
}
