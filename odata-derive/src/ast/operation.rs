//! The receivers of `#[derive(ODataFunction)]` and `#[derive(ODataAction)]`: the operation's keys
//! and its parameter fields. Functions and actions share every key but `composable`.

use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromField, FromMeta};

use super::FacetAttrs;

/// `#[derive(ODataFunction)]`: `#[odata(name = "...", returns = "...", composable, ...)]`.
#[derive(FromDeriveInput)]
#[darling(attributes(odata))]
pub struct FunctionAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,

    /// The keys functions and actions share.
    #[darling(flatten)]
    pub operation: OperationKeys,

    /// `composable`: the function's result can be queried further (`IsComposable="true"`).
    pub composable: Flag,
}

/// `#[derive(ODataAction)]`: `#[odata(name = "...", bound_to = "...", ...)]`.
#[derive(FromDeriveInput)]
#[darling(attributes(odata))]
pub struct ActionAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,

    /// The keys functions and actions share (all an action has).
    #[darling(flatten)]
    pub operation: OperationKeys,
}

/// The keys of functions and actions alike.
#[derive(FromMeta)]
pub struct OperationKeys {
    /// `name = "namespace.name"`: the qualified name of a function or action (required on
    /// `#[derive(ODataFunction)]` and `#[derive(ODataAction)]`), e.g.
    /// `"microsoft.graph.callRecords.getPstnCalls"`.
    pub name: Option<SpannedValue<String>>,

    /// `bound_to = "Vec<CallRecord>"`: the Rust type of the binding parameter of a bound
    /// operation (`IsBound="true"`; here bound to the collection of call records).
    pub bound_to: Option<SpannedValue<String>>,

    /// `binding_parameter = "bindingParameter"`: the binding parameter's name (that is the default).
    pub binding_parameter: Option<SpannedValue<String>>,

    /// `binding_nullable = false`: the binding parameter is never null (`Nullable="false"` on
    /// the bound operation's first `<Parameter>`; the default is `true`, as in CSDL).
    pub binding_nullable: Option<SpannedValue<bool>>,

    /// `returns = "Vec<PstnCallLogRow>"`: the Rust type of the result (`<ReturnType>`; required
    /// on functions).
    pub returns: Option<SpannedValue<String>>,

    /// `return_nullable = false`: the result is never null (`Nullable="false"` on `<ReturnType>`).
    pub return_nullable: Option<SpannedValue<bool>>,

    /// `return_facets(precision = 19, scale = 4)`: facets of the result (`<ReturnType>`), with
    /// the keys of a property's facets.
    pub return_facets: Option<FacetAttrs>,

    /// `crate = "path"`: where odata-core is, for crates that re-export it
    /// (default `::odata_core`).
    #[darling(rename = "crate")]
    pub crate_path: Option<syn::Path>,
}

/// A parameter field: `#[odata(rename = "...", nullable = false, max_length = 40, ...)]`.
#[derive(FromField)]
#[darling(attributes(odata))]
pub struct ParameterAttrs {
    pub ident: Option<syn::Ident>,
    pub ty: syn::Type,

    /// `rename = "wireName"`: the parameter name on the wire, when it is not the field name in
    /// camelCase.
    pub rename: Option<SpannedValue<String>>,

    /// `nullable = false`: the parameter is never null (`Nullable="false"` on `<Parameter>`; the
    /// default is `true`, as in CSDL).
    pub nullable: Option<SpannedValue<bool>>,

    /// Facets of the parameter: `max_length = 40`, `precision = 19, scale = 4`, ...
    #[darling(flatten)]
    pub facets: FacetAttrs,
}
