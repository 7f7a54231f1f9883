//! The runtime model: what each derived type says about itself, as static tables.
//!
//! Every `#[derive(ODataEntity)]`, `#[derive(ODataComplex)]` and `#[derive(ODataEnum)]` emits one
//! `&'static TypeInfo`, built at compile time, so reading it costs nothing at run time. CSDL,
//! typed query options and resource paths are built from these tables.

use crate::EdmType;
use crate::query::{Expr, Inherits, PropertyKind};

mod facets;
mod media;
mod type_definition;

pub use facets::{FacetInfo, MaxLength, Scale, Srid};
pub use media::MediaEntity;
pub use type_definition::ODataTypeDefinition;

/// Which kind of OData type a [`TypeInfo`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TypeKind {
    /// An entity type (`<EntityType>`): has a key, is addressable.
    Entity,
    /// A complex type (`<ComplexType>`): a structured value without identity.
    Complex,
    /// An enumeration type (`<EnumType>`).
    Enum,
    /// A primitive type of the `Edm` namespace (`Edm.String`, ...).
    Primitive,
    /// A type definition (`<TypeDefinition>`): a named primitive type with facets.
    TypeDefinition,
}

/// Everything the model knows about one OData type.
///
/// Obtain it with `<T as ODataType>::TYPE_INFO`. Properties and navigation properties list only
/// what the type itself declares; inherited ones live in [`base_type`](TypeInfo::base_type)
/// (see [`TypeInfo::all_properties`]).
#[derive(Debug)]
pub struct TypeInfo {
    /// The namespace, e.g. `microsoft.graph.callRecords`.
    pub namespace: &'static str,
    /// The simple name, e.g. `session`.
    pub name: &'static str,
    /// The namespace-qualified name, e.g. `microsoft.graph.callRecords.session`.
    pub qualified_name: &'static str,
    /// Entity, complex or enumeration type.
    pub kind: TypeKind,
    /// The base type this type derives from (`BaseType` in CSDL).
    pub base_type: Option<&'static TypeInfo>,
    /// `Abstract="true"`: no instance is of exactly this type.
    pub is_abstract: bool,
    /// `OpenType="true"`: instances may carry dynamic properties.
    pub is_open: bool,
    /// The key properties as declared on this type (wire names), empty when the key is inherited
    /// or the type has none; see [`TypeInfo::key`] for the effective key.
    pub key: &'static [&'static str],
    /// The structural properties this type declares.
    pub properties: &'static [PropertyInfo],
    /// The navigation properties this type declares.
    pub navigation_properties: &'static [NavigationPropertyInfo],
    /// The members of an enumeration type, in declaration order.
    pub members: &'static [EnumMemberInfo],
    /// `IsFlags="true"` on an enumeration type: values combine as `"a,b"`.
    pub is_flags: bool,
    /// `HasStream="true"` on an entity type: a media entity, whose instances have a stream
    /// (see [`MediaEntity`]).
    pub has_stream: bool,
    /// `UnderlyingType`: of an enumeration type, as declared (`None`: the default `Edm.Int32`);
    /// of a type definition, its primitive type.
    pub underlying_type: Option<&'static str>,
    /// The facets of a type definition's underlying type; [`FacetInfo::NONE`] for other types.
    pub facets: FacetInfo,
}

impl TypeInfo {
    /// A type of `kind` named `qualified_name` (`namespace.name`) that declares nothing else: no
    /// base type, key, properties or members, not abstract, open, flags or a media type, no
    /// underlying type or facets. The derives start every `TYPE_INFO` from it and set what the
    /// type declares (`TypeInfo { key: &["id"], ..TypeInfo::new(...) }`), so a new field of
    /// `TypeInfo` gets its default here, in one place.
    pub const fn new(
        kind: TypeKind,
        namespace: &'static str,
        name: &'static str,
        qualified_name: &'static str,
    ) -> Self {
        TypeInfo {
            namespace,
            name,
            qualified_name,
            kind,
            base_type: None,
            is_abstract: false,
            is_open: false,
            key: &[],
            properties: &[],
            navigation_properties: &[],
            members: &[],
            is_flags: false,
            has_stream: false,
            underlying_type: None,
            facets: FacetInfo::NONE,
        }
    }
}

/// A structural property of an entity or complex type.
#[derive(Debug)]
pub struct PropertyInfo {
    /// The name on the wire and in CSDL, e.g. `startDateTime`.
    pub name: &'static str,
    /// The Rust field that holds it, e.g. `start_date_time`.
    pub rust_name: &'static str,
    /// Its type, e.g. `Edm.DateTimeOffset` or `Collection(microsoft.graph.callRecords.modality)`.
    pub ty: TypeRef,
    /// `Nullable` in CSDL; for a collection it says whether items may be null.
    pub nullable: bool,
    /// Computed by the service (`#[odata(read_only)]`): updates never send it.
    pub read_only: bool,
    /// `MaxLength`, `Precision`, `Scale`, `SRID`, `Unicode`, `DefaultValue`.
    pub facets: FacetInfo,
}

/// A navigation property: a link to related entities.
#[derive(Debug)]
pub struct NavigationPropertyInfo {
    /// The name on the wire and in CSDL, e.g. `segments`.
    pub name: &'static str,
    /// The Rust field that holds it.
    pub rust_name: &'static str,
    /// The target entity type, as a collection for to-many navigation properties.
    pub ty: TypeRef,
    /// `Nullable` in CSDL (single-valued navigation properties only).
    pub nullable: bool,
    /// `ContainsTarget="true"`: the related entities are contained in this one.
    pub contains_target: bool,
    /// `Partner`: the navigation property of the target type that leads back here.
    pub partner: Option<&'static str>,
    /// `<ReferentialConstraint>`s: properties of this type that hold the key of the target.
    pub referential_constraints: &'static [ReferentialConstraintInfo],
}

/// A `<ReferentialConstraint Property ReferencedProperty>` of a navigation property: the value of
/// `property` (of the declaring type) equals that of `referenced_property` (of the target type).
#[derive(Debug)]
pub struct ReferentialConstraintInfo {
    /// The dependent property, of the type that declares the navigation property.
    pub property: &'static str,
    /// The principal property, of the navigation property's target type.
    pub referenced_property: &'static str,
}

/// A member of an enumeration type.
#[derive(Debug)]
pub struct EnumMemberInfo {
    /// The member name on the wire and in CSDL, e.g. `videoBasedScreenSharing`.
    pub name: &'static str,
    /// The Rust variant, e.g. `VideoBasedScreenSharing`.
    pub rust_name: &'static str,
    /// The member's value.
    pub value: i64,
}

/// A reference to a type from a property: its qualified name, whether it is a collection, and
/// (for types of the model) how to reach its [`TypeInfo`].
#[derive(Debug, Clone, Copy)]
pub struct TypeRef {
    /// Qualified name of the (item) type, e.g. `Edm.String`, `microsoft.graph.callRecords.media`.
    pub name: &'static str,
    /// `Collection(...)` of that type.
    pub collection: bool,
    /// The referenced type's description; `None` for primitive types. A function, not a
    /// reference, so that types can refer to each other in cycles.
    pub info: Option<fn() -> &'static TypeInfo>,
    /// For a polymorphic holder (`enum AnyEndpoint { Endpoint(..), ParticipantEndpoint(..) }`),
    /// the derived types its variants hold, beside the declared type: what a value of this
    /// property may be, and what a metadata document built from it must include. Empty otherwise.
    pub derived: &'static [TypeRef],
}

impl TypeRef {
    /// A primitive type of the `Edm` namespace, by name.
    pub const fn primitive(name: &'static str) -> TypeRef {
        TypeRef { name, collection: false, info: None, derived: &[] }
    }

    /// A type of the model (entity, complex or enumeration type).
    pub const fn of<T: ODataType>() -> TypeRef {
        TypeRef { name: T::QUALIFIED_NAME, collection: false, info: Some(type_info::<T>), derived: &[] }
    }

    /// The same type, held by a polymorphic holder whose other variants hold `derived`.
    pub const fn with_derived(self, derived: &'static [TypeRef]) -> TypeRef {
        TypeRef { derived, ..self }
    }

    /// The collection of this type.
    pub const fn into_collection(self) -> TypeRef {
        TypeRef { collection: true, ..self }
    }

    /// The referenced type's description, for types of the model.
    pub fn type_info(&self) -> Option<&'static TypeInfo> {
        self.info.map(|info| info())
    }
}

impl std::fmt::Display for TypeRef {
    /// The CSDL spelling: `Edm.String` or `Collection(ns.type)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.collection { write!(f, "Collection({})", self.name) } else { f.write_str(self.name) }
    }
}

fn type_info<T: ODataType>() -> &'static TypeInfo {
    T::TYPE_INFO
}

impl TypeInfo {
    /// The key of an entity type, inherited from its base types when not declared on it.
    pub fn key(&self) -> &'static [&'static str] {
        let mut ty = self;
        loop {
            if !ty.key.is_empty() {
                return ty.key;
            }
            match ty.base_type {
                Some(base) => ty = base,
                None => return &[],
            }
        }
    }

    /// This type and its base types, most derived first.
    pub fn ancestry(&'static self) -> impl Iterator<Item = &'static TypeInfo> {
        std::iter::successors(Some(self), |ty| ty.base_type)
    }

    /// All structural properties, inherited ones first (in the order a service writes them).
    pub fn all_properties(&'static self) -> impl Iterator<Item = &'static PropertyInfo> {
        let mut chain: Vec<&'static TypeInfo> = self.ancestry().collect();
        chain.reverse();
        chain.into_iter().flat_map(|ty| ty.properties.iter())
    }

    /// All navigation properties, inherited ones first.
    pub fn all_navigation_properties(&'static self) -> impl Iterator<Item = &'static NavigationPropertyInfo> {
        let mut chain: Vec<&'static TypeInfo> = self.ancestry().collect();
        chain.reverse();
        chain.into_iter().flat_map(|ty| ty.navigation_properties.iter())
    }

    /// The structural property with this wire name, declared here or inherited.
    pub fn property(&'static self, name: &str) -> Option<&'static PropertyInfo> {
        self.ancestry().find_map(|ty| ty.properties.iter().find(|p| p.name == name))
    }

    /// The navigation property with this wire name, declared here or inherited.
    pub fn navigation_property(&'static self, name: &str) -> Option<&'static NavigationPropertyInfo> {
        self.ancestry().find_map(|ty| ty.navigation_properties.iter().find(|p| p.name == name))
    }

    /// Whether this type is `other` or derives from it.
    pub fn is_or_derives_from(&'static self, other: &TypeInfo) -> bool {
        self.ancestry().any(|ty| ty.qualified_name == other.qualified_name)
    }

    /// The enumeration member with this name.
    pub fn member(&self, name: &str) -> Option<&'static EnumMemberInfo> {
        self.members.iter().find(|m| m.name == name)
    }
}

/// Whether an operation is a function (no side effects, called with GET) or an action (POST).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OperationKind {
    /// A `<Function>`.
    Function,
    /// An `<Action>`.
    Action,
}

/// Everything the model knows about one function or action.
#[derive(Debug)]
pub struct OperationInfo {
    /// The namespace, e.g. `microsoft.graph.callRecords`.
    pub namespace: &'static str,
    /// The simple name, e.g. `getPstnCalls`.
    pub name: &'static str,
    /// The namespace-qualified name.
    pub qualified_name: &'static str,
    /// Function or action.
    pub kind: OperationKind,
    /// For a bound operation, its binding parameter (the first parameter in CSDL).
    pub binding: Option<ParameterInfo>,
    /// The other parameters, in order.
    pub parameters: &'static [ParameterInfo],
    /// What it returns (functions always return something).
    pub return_type: Option<ReturnInfo>,
    /// `IsComposable="true"`: the result can be queried further.
    pub is_composable: bool,
}

/// A parameter of a function or action.
#[derive(Debug)]
pub struct ParameterInfo {
    /// The name in the URL or request body and in CSDL, e.g. `fromDateTime`.
    pub name: &'static str,
    /// The Rust field, e.g. `from_date_time`.
    pub rust_name: &'static str,
    /// Its type.
    pub ty: TypeRef,
    /// `Nullable` in CSDL.
    pub nullable: bool,
    /// Its facets.
    pub facets: FacetInfo,
}

/// The return type of a function or action.
#[derive(Debug)]
pub struct ReturnInfo {
    /// Its type, e.g. `Collection(microsoft.graph.callRecords.pstnCallLogRow)`.
    pub ty: TypeRef,
    /// `Nullable` in CSDL.
    pub nullable: bool,
    /// Its facets.
    pub facets: FacetInfo,
}

/// A function or action of the model, made with `#[derive(ODataFunction)]` or
/// `#[derive(ODataAction)]` on a struct whose fields are its parameters.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an OData function or action",
    label = "needs `#[derive(ODataFunction)]` or `#[derive(ODataAction)]`"
)]
pub trait ODataOperation {
    /// What the model knows about the operation.
    const OPERATION_INFO: &'static OperationInfo;

    /// The Rust type of the binding parameter (`Vec<CallRecord>` for an operation bound to the
    /// collection of call records); `()` for an unbound operation.
    type Binding;

    /// The Rust type of the result (`Vec<PstnCallLogRow>`); `()` for an action without one.
    type Output;
}

/// Compile-time checks the derive emits; `const fn` so that a mistake stops the build.
#[doc(hidden)]
pub mod checks {
    use super::{NavigationTarget, ODataComplex, ODataEntity, TypeInfo, TypeRef};
    use crate::EdmType;
    use crate::wire::de::StructuredWire;

    /// The base of an entity type is an entity type (a struct, not a polymorphic enum).
    pub const fn entity_base<T: ODataEntity + StructuredWire>() -> &'static TypeInfo {
        T::TYPE_INFO
    }

    /// The base of a complex type is a complex type (a struct, not a polymorphic enum).
    pub const fn complex_base<T: ODataComplex + StructuredWire>() -> &'static TypeInfo {
        T::TYPE_INFO
    }

    /// A variant of a polymorphic enum holds an entity or complex struct. Whether its kind is the
    /// enum's is asserted with [`Probe`] (on the declared type, whose derived types share its
    /// kind), so that the message can say which derive the enum needs.
    pub const fn holder_variant<T: super::ODataStructured + StructuredWire>() -> &'static TypeInfo {
        T::TYPE_INFO
    }

    /// `Probe::<T>::IS_ENTITY` and `Probe::<T>::IS_COMPLEX`: what kind of type `T` is, as
    /// constants, for assertions with a message of their own. Needs [`ProbeFallback`] in scope:
    /// its `false` is what remains when the `true` below does not apply. Only for concrete types,
    /// as the derives write them.
    pub struct Probe<T: ?Sized>(core::marker::PhantomData<T>);

    impl<T: ?Sized + HoldsEntity> Probe<T> {
        /// `T` is an entity type (a struct or a polymorphic enum), or a `Vec` of one.
        pub const IS_ENTITY: bool = true;
    }

    impl<T: ODataComplex> Probe<T> {
        /// `T` is a complex type (a struct or a polymorphic enum).
        pub const IS_COMPLEX: bool = true;
    }

    /// The fallback of [`Probe`]'s constants.
    pub trait ProbeFallback {
        /// `T` is not an entity type, nor a `Vec` of one.
        const IS_ENTITY: bool = false;
        /// `T` is not a complex type.
        const IS_COMPLEX: bool = false;
    }

    impl<T: ?Sized> ProbeFallback for Probe<T> {}

    /// An entity type, or a `Vec` of one: what a structural property cannot hold (the derive
    /// looks through `Box`, which cannot have an impl here next to the one for `T`).
    pub trait HoldsEntity {}

    impl<T: ODataEntity> HoldsEntity for T {}

    impl<T: HoldsEntity> HoldsEntity for Vec<T> {}

    /// Whether `ty` is the type named `name` or derives from it.
    pub const fn is_or_derives_from(ty: &TypeInfo, name: &str) -> bool {
        if str_eq(ty.qualified_name, name) {
            return true;
        }
        match ty.base_type {
            Some(base) => is_or_derives_from(base, name),
            None => false,
        }
    }

    /// A type definition wraps a primitive type (not a structured or enumeration type, not a
    /// collection); the underlying type's name.
    pub const fn primitive_underlying<T: EdmType>() -> &'static str {
        assert!(
            T::TYPE.info.is_none() && !T::TYPE.collection,
            "a type definition wraps a primitive type (`String`, `i32`, `Decimal`, ...), not a structured, enumeration or collection type"
        );
        T::TYPE.name
    }

    /// A navigation property leads to an entity type, or a collection of one.
    pub const fn navigation_target<T: NavigationTarget>() -> TypeRef {
        <T as EdmType>::TYPE
    }

    /// `a == b` for strings, usable in constants.
    pub const fn str_eq(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// An entity set or singleton holds entities: its type argument is an entity type.
    pub const fn container_entity<T: ODataEntity>() -> &'static TypeInfo {
        T::TYPE_INFO
    }

    /// Whether `ty` or one of its base types declares a navigation property named `name`.
    pub const fn has_navigation_property(ty: &TypeInfo, name: &str) -> bool {
        let mut i = 0;
        while i < ty.navigation_properties.len() {
            if str_eq(ty.navigation_properties[i].name, name) {
                return true;
            }
            i += 1;
        }
        match ty.base_type {
            Some(base) => has_navigation_property(base, name),
            None => false,
        }
    }

    /// Whether `operation` is unbound, and a function (`function`) or an action (`!function`):
    /// what a function import or action import imports.
    pub const fn unbound_operation(operation: &super::OperationInfo, function: bool) -> bool {
        let is_function = matches!(operation.kind, super::OperationKind::Function);
        operation.binding.is_none() && is_function == function
    }

    /// Whether key properties named on a derived entity type that inherits some of them are its
    /// base type's key. True as well where another check already fails (the base is not an entity
    /// type, a name is no property), so that one mistake gives one error.
    pub const fn inherited_key(ty: &TypeInfo, base: &TypeInfo, names: &[&str]) -> bool {
        if !matches!(base.kind, super::TypeKind::Entity) {
            return true;
        }
        let mut i = 0;
        while i < names.len() {
            if !has_property(ty, names[i]) {
                return true;
            }
            i += 1;
        }
        key_is(base, names)
    }

    /// The key type of a structured type, for the key of the entity types derived from it:
    /// `NoKey` for a complex type, so that an entity type whose base is (wrongly) a complex type
    /// reports that mistake once, not again for its key.
    pub trait StructuredKey {
        /// The key's Rust type.
        type Key: crate::query::EntityKey;
    }

    /// Whether the (effective, possibly inherited) key of `ty` is `names`, in that order.
    pub const fn key_is(ty: &TypeInfo, names: &[&str]) -> bool {
        let mut ty = ty;
        while ty.key.is_empty() {
            match ty.base_type {
                Some(base) => ty = base,
                None => break,
            }
        }
        if ty.key.len() != names.len() {
            return false;
        }
        let mut i = 0;
        while i < names.len() {
            if !str_eq(ty.key[i], names[i]) {
                return false;
            }
            i += 1;
        }
        true
    }

    /// Whether `ty` or one of its base types declares a structural property named `name`.
    pub const fn has_property(ty: &TypeInfo, name: &str) -> bool {
        let mut i = 0;
        while i < ty.properties.len() {
            if str_eq(ty.properties[i].name, name) {
                return true;
            }
            i += 1;
        }
        match ty.base_type {
            Some(base) => has_property(base, name),
            None => false,
        }
    }
}

/// A type of the OData model: entity, complex or enumeration type.
///
/// Implemented by the derives; the table is a constant, so reading it costs nothing.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an OData type of the model",
    label = "no `#[derive(ODataEntity)]`, `#[derive(ODataComplex)]` or `#[derive(ODataEnum)]` on this type",
    note = "add the derive that matches the CSDL element (`EntityType`, `ComplexType`, `EnumType`)"
)]
pub trait ODataType {
    /// The namespace-qualified name, e.g. `microsoft.graph.callRecords.session`.
    ///
    /// Separate from [`TYPE_INFO`](Self::TYPE_INFO) so that types may refer to each other in
    /// cycles (a property's [`TypeRef`] names its type without evaluating that type's table).
    const QUALIFIED_NAME: &'static str;

    /// The value of an `@odata.type` annotation naming this type: `#` + qualified name.
    const TYPE_ANNOTATION: &'static str;

    /// What the model knows about this type.
    const TYPE_INFO: &'static TypeInfo;
}

/// An entity or complex type: a Rust struct whose fields are OData properties.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an OData structured type",
    label = "needs `#[derive(ODataEntity)]` or `#[derive(ODataComplex)]`",
    note = "the base part of a derived type and every structured property must be an entity or complex type of the model"
)]
pub trait ODataStructured: ODataType + EdmType {
    /// The unknown properties and instance annotations kept for this value, if the type (or
    /// one of its base types) has an [`AdditionalData`](crate::AdditionalData) field.
    fn additional_data(&self) -> Option<&crate::AdditionalData>;

    /// Mutable access to the kept unknown data; see [`additional_data`](Self::additional_data).
    fn additional_data_mut(&mut self) -> Option<&mut crate::AdditionalData>;

    /// Whether a property is `null`, as opposed to absent: its field holds `None` either way.
    /// Takes the property's constant, of this type or of a base type:
    /// `session.is_null(&Session::FAILURE_INFO)`, `session.is_null(&Entity::ID)`.
    ///
    /// True when the property was sent as `null`, or [`set_null`](Self::set_null) asked for
    /// it. Always false for a type without an [`AdditionalData`](crate::AdditionalData) field
    /// (own or inherited), which is where the fact is kept.
    fn is_null<B, V, K, D>(&self, property: &Expr<B, V, K>) -> bool
    where
        Self: Inherits<B, D>,
        K: PropertyKind,
    {
        match (property.property_name(), self.additional_data()) {
            (Some(name), Some(data)) => data.is_null(name),
            _ => false,
        }
    }

    /// Asks for `"property": null` in what is encoded while the property's field holds `None`
    /// (a value in the field wins): a create that clears a default, a replace that empties a
    /// property. [`clear_null`](Self::clear_null) undoes it.
    ///
    /// Returns false, and changes nothing, when the type keeps no
    /// [`AdditionalData`](crate::AdditionalData) or `property` is a path into a complex property
    /// (mark the null on that complex value instead).
    #[must_use = "false means the null was not recorded"]
    fn set_null<B, V, K, D>(&mut self, property: &Expr<B, V, K>) -> bool
    where
        Self: Inherits<B, D>,
        K: PropertyKind,
    {
        match (property.property_name(), self.additional_data_mut()) {
            (Some(name), Some(data)) => {
                data.set_null(name);
                true
            }
            _ => false,
        }
    }

    /// Forgets that a property is `null`, so that a `None` field is left out of what is encoded
    /// again; returns whether it was marked.
    fn clear_null<B, V, K, D>(&mut self, property: &Expr<B, V, K>) -> bool
    where
        Self: Inherits<B, D>,
        K: PropertyKind,
    {
        match (property.property_name(), self.additional_data_mut()) {
            (Some(name), Some(data)) => data.clear_null(name),
            _ => false,
        }
    }
}

/// An entity type (`<EntityType>`), made with `#[derive(ODataEntity)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an OData entity type",
    label = "needs `#[derive(ODataEntity)]`",
    note = "navigation properties and the base part of an entity type must be entity types"
)]
pub trait ODataEntity: ODataStructured {
    /// The Rust type of the key: its key property's type (`i32`, `String`), a tuple of them in
    /// key order for a compound key (`(i32, i32)`), the base type's key for a derived type, and
    /// [`NoKey`](crate::query::NoKey) for an entity type without a key. `.key(..)` on a
    /// collection of this type takes it (see [`Resource::key`](crate::query::Resource::key)).
    type Key: crate::query::EntityKey;
}

/// A complex type (`<ComplexType>`), made with `#[derive(ODataComplex)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an OData complex type",
    label = "needs `#[derive(ODataComplex)]`",
    note = "the base part of a complex type must be a complex type"
)]
pub trait ODataComplex: ODataStructured {}

/// An enumeration type (`<EnumType>`), made with `#[derive(ODataEnum)]`.
///
/// A value is a known member, or (when the Rust enum has a catch-all variant such as
/// `Other(String)`) any other member name the service sends, kept verbatim.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an OData enumeration type",
    label = "needs `#[derive(ODataEnum)]`"
)]
pub trait ODataEnum: ODataType + Sized {
    /// The member name as written on the wire (for a kept unknown member, its raw text).
    fn member_name(&self) -> &str;

    /// The member's value, `None` for a kept unknown member.
    fn member_value(&self) -> Option<i64>;

    /// The known member with this name.
    fn from_member_name(name: &str) -> Option<Self>;

    /// The known member with this value.
    fn from_member_value(value: i64) -> Option<Self>;

    /// The catch-all value that keeps an unknown member's text, if the enum has one.
    fn from_unknown_member(raw: &str) -> Option<Self>;
}

/// Marks the Rust types a navigation property may hold: an entity type (single-valued) or a
/// `Vec` of one (collection-valued).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the target of a navigation property",
    label = "not an entity type or a `Vec` of entity types",
    note = "navigation properties lead to entities: use `Navigation<T>` or `Navigation<Vec<T>>` with `T: ODataEntity`, or drop `#[odata(navigation)]` for a structural property"
)]
pub trait NavigationTarget: EdmType {
    /// The entity type at the other end.
    type Entity: ODataEntity;
}

impl<T: ODataEntity> NavigationTarget for T {
    type Entity = T;
}

impl<T: ODataEntity> NavigationTarget for Vec<T> {
    type Entity = T;
}
