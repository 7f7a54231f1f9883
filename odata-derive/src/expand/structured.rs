//! `#[derive(ODataEntity)]` and `#[derive(ODataComplex)]`: entity and complex types share their
//! shape (properties, a base part, unknown data), so they share this expansion; only the kind,
//! the marker trait and the key differ.
//!
//! Output per type: the static `TypeInfo` table, the small `StructuredWire` hooks (two `match`es
//! over wire names and field indexes, one line per field to write), thin `Serialize` /
//! `Deserialize` impls calling the generic code in `odata_core::__private`, `Deref` to the base
//! part, and constant assertions for what only the compiler can check.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::valid::{self, Kind, Role, StructModel};

pub fn expand(model: &StructModel) -> TokenStream {
    let krate = &model.container.krate;
    let ident = &model.container.ident;
    let type_info = type_info(model);
    let structured = structured_impls(model);
    let hooks = wire_impl(model);
    let serde = super::wire_impls_with(
        ident,
        quote!(_odata::TypeRef::of::<Self>()),
        quote!(_odata::__private::serialize_structured(self, __odata_serializer)),
        |root| quote!(_odata::__private::deserialize_structured(__odata_deserializer, #root)),
        super::in_place(
            quote!(_odata::__private::deserialize_structured_in),
            Some(quote!(_odata::__private::deserialize_structured_push)),
        ),
    );
    let parameter = super::json_parameter(ident);
    let register = super::register(ident);
    let base = base_impls(model);
    let checks = checks(model);
    let handles = property_handles(model);
    let marker = match model.kind {
        Kind::Entity => {
            let key = key_type(model);
            quote! {
                impl _odata::ODataEntity for #ident { type Key = #key; }
                #[automatically_derived]
                impl _odata::__private::checks::StructuredKey for #ident { type Key = #key; }
            }
        }
        _ => quote! {
            impl _odata::ODataComplex for #ident {}
            #[automatically_derived]
            impl _odata::__private::checks::StructuredKey for #ident { type Key = _odata::query::NoKey; }
        },
    };
    // A media entity reads its stream's control information through the provided methods.
    let media = model.has_stream.then(|| {
        quote! {
            #[automatically_derived]
            impl _odata::MediaEntity for #ident {}
        }
    });
    quote! {
        #[allow(non_upper_case_globals, unused_qualifications, deprecated, clippy::all)]
        const _: () = {
            use #krate as _odata;
            // For `Probe` in `TYPE_INFO` (unused when no property needs it).
            #[allow(unused_imports)]
            use _odata::__private::checks::ProbeFallback as _;

            #type_info
            #structured

            #[automatically_derived]
            #marker
            #media

            #serde
            #parameter
            #hooks
            #base
            #handles
            #checks
            #register
        };
    }
}

fn type_info(model: &StructModel) -> TokenStream {
    let ident = &model.container.ident;
    let namespace = &model.container.namespace;
    let name = &model.container.name;
    let qualified = &model.container.qualified_name;
    let annotation = format!("#{qualified}");
    let kind = match model.kind {
        Kind::Entity => quote!(Entity),
        _ => quote!(Complex),
    };
    let base_type = match &model.base {
        Some(base) => {
            let ty = &base.ty;
            // Spanned at the field type, so "is not an OData entity type" points at it.
            let check = match model.kind {
                Kind::Entity => quote_spanned!(ty.span()=> _odata::__private::checks::entity_base::<#ty>()),
                _ => quote_spanned!(ty.span()=> _odata::__private::checks::complex_base::<#ty>()),
            };
            quote!(_odata::__private::Some(#check))
        }
        None => quote!(_odata::__private::None),
    };
    let is_abstract = model.is_abstract;
    let is_open = model.is_open;
    let has_stream = model.has_stream;
    let keys = model.keys.iter().map(|k| &k.name);
    let mut properties = Vec::new();
    let mut navigations = Vec::new();
    for field in &model.fields {
        let rust_name = field.ident.to_string();
        let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name);
        match &field.role {
            Role::Property { inner, wire_name, nullable, read_only, facets } => {
                let facets = super::facet_info(facets);
                let ty = quote_spanned!(inner.span()=> <#inner as _odata::EdmType>::TYPE);
                let ty = match not_an_entity(&field.ident, inner) {
                    Some(check) => quote!({ #check #ty }),
                    None => ty,
                };
                properties.push(quote! {
                    _odata::PropertyInfo {
                        name: #wire_name,
                        rust_name: #rust_name,
                        ty: #ty,
                        nullable: #nullable,
                        read_only: #read_only,
                        facets: #facets,
                    }
                });
            }
            Role::Navigation { target, wire_name, nullable, contains_target, partner, constraints } => {
                let ty = quote_spanned!(target.span()=> _odata::__private::checks::navigation_target::<#target>());
                let partner = match partner {
                    Some(partner) => quote!(_odata::__private::Some(#partner)),
                    None => quote!(_odata::__private::None),
                };
                let constraints = constraints.iter().map(|c| {
                    let (property, referenced) = (&c.property, &c.referenced_property);
                    quote!(_odata::ReferentialConstraintInfo { property: #property, referenced_property: #referenced })
                });
                navigations.push(quote! {
                    _odata::NavigationPropertyInfo {
                        name: #wire_name,
                        rust_name: #rust_name,
                        ty: #ty,
                        nullable: #nullable,
                        contains_target: #contains_target,
                        partner: #partner,
                        referential_constraints: &[#(#constraints),*],
                    }
                });
            }
            Role::Base | Role::AdditionalData => {}
        }
    }
    quote! {
        #[automatically_derived]
        impl _odata::ODataType for #ident {
            const QUALIFIED_NAME: &'static str = #qualified;
            const TYPE_ANNOTATION: &'static str = #annotation;
            const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
                base_type: #base_type,
                is_abstract: #is_abstract,
                is_open: #is_open,
                key: &[#(#keys),*],
                properties: &[#(#properties),*],
                navigation_properties: &[#(#navigations),*],
                has_stream: #has_stream,
                .._odata::TypeInfo::new(_odata::TypeKind::#kind, #namespace, #name, #qualified)
            };
        }
    }
}

/// `ODataStructured`: where unknown data goes (own field, else the base's).
fn structured_impls(model: &StructModel) -> TokenStream {
    let ident = &model.container.ident;
    let own = model.fields.iter().find(|f| matches!(f.role, Role::AdditionalData)).map(|f| &f.ident);
    let (get, get_mut) = match (own, &model.base) {
        (Some(field), _) => {
            (quote!(_odata::__private::Some(&self.#field)), quote!(_odata::__private::Some(&mut self.#field)))
        }
        (None, Some(base)) => {
            let (field, ty) = (&base.field, &base.ty);
            (
                quote!(<#ty as _odata::ODataStructured>::additional_data(&self.#field)),
                quote!(<#ty as _odata::ODataStructured>::additional_data_mut(&mut self.#field)),
            )
        }
        (None, None) => (quote!(_odata::__private::None), quote!(_odata::__private::None)),
    };
    quote! {
        #[automatically_derived]
        impl _odata::ODataStructured for #ident {
            #[inline]
            fn additional_data(&self) -> _odata::__private::Option<&_odata::AdditionalData> {
                #get
            }

            #[inline]
            fn additional_data_mut(&mut self) -> _odata::__private::Option<&mut _odata::AdditionalData> {
                #get_mut
            }
        }
    }
}

/// The hooks the generic decoder and encoder call. Own properties and navigation properties
/// take indexes `0..own`; the base part's follow, shifted by `own`.
fn wire_impl(model: &StructModel) -> TokenStream {
    let ident = &model.container.ident;
    let mut empty = Vec::new();
    let mut index_arms = Vec::new();
    let mut name_arms = Vec::new();
    let mut visit_arms = Vec::new();
    let mut control_arms = Vec::new();
    let mut serialize = Vec::new();
    let mut own: u16 = 0;
    for field in &model.fields {
        let field_ident = &field.ident;
        match &field.role {
            Role::Base => {
                // A valid model has `base` whenever a field has the base role.
                if let Some(base) = &model.base {
                    let ty = &base.ty;
                    empty.push(quote!(#field_ident: <#ty as _odata::__private::StructuredWire>::__odata_empty()));
                }
            }
            Role::AdditionalData => empty.push(quote!(#field_ident: _odata::__private::Default::default())),
            Role::Property { wire_name, inner, .. } => {
                // Spanned at the field type, so a missing `EdmType` is reported there.
                let span = inner.span();
                empty.push(quote!(#field_ident: _odata::__private::None));
                index_arms.push(quote!(#wire_name => _odata::__private::Some(#own)));
                name_arms.push(quote!(#own => #wire_name));
                visit_arms.push(quote_spanned!(span=>
                    #own => _odata::__private::visit_property(&mut self.#field_ident, __odata_map, __odata_null)
                ));
                serialize.push(quote_spanned!(span=>
                    _odata::__private::serialize_property(__odata_map, #wire_name, #own, &self.#field_ident, __odata_nulls)?;
                ));
                own += 1;
            }
            Role::Navigation { wire_name, target, .. } => {
                let span = target.span();
                empty.push(quote!(#field_ident: _odata::__private::Default::default()));
                index_arms.push(quote!(#wire_name => _odata::__private::Some(#own)));
                name_arms.push(quote!(#own => #wire_name));
                visit_arms.push(quote_spanned!(span=>
                    #own => _odata::__private::visit_navigation(&mut self.#field_ident, __odata_map)
                ));
                control_arms.push(quote!(#own => _odata::__private::Some(&mut self.#field_ident)));
                serialize.push(quote_spanned!(span=>
                    _odata::__private::serialize_navigation(__odata_map, #wire_name, &self.#field_ident)?;
                ));
                own += 1;
            }
        }
    }
    let swap_ancestor = match &model.base {
        Some(base) => {
            let (field, ty) = (&base.field, &base.ty);
            quote! {
                match __odata_part.downcast_mut::<#ty>() {
                    _odata::__private::Some(__odata_ancestor) => {
                        ::core::mem::swap(&mut self.#field, __odata_ancestor);
                        true
                    }
                    _odata::__private::None => {
                        <#ty as _odata::__private::StructuredWire>::__odata_swap_ancestor(&mut self.#field, __odata_part)
                    }
                }
            }
        }
        None => quote!({
            let _ = __odata_part;
            false
        }),
    };
    // Whether a member `prop@term` can be a navigation property's control information: the
    // decoder skips looking for the `@` in every unknown member's name of a type without any.
    let own_navigation = !control_arms.is_empty();
    let has_navigation = match &model.base {
        Some(base) => {
            let ty = &base.ty;
            quote!(#own_navigation || <#ty as _odata::__private::StructuredWire>::__ODATA_HAS_NAVIGATION)
        }
        None => quote!(#own_navigation),
    };
    let (index_rest, name_rest, visit_rest, control_rest, serialize_base) = match &model.base {
        Some(base) => {
            let (field, ty) = (&base.field, &base.ty);
            let wire = quote!(<#ty as _odata::__private::StructuredWire>);
            (
                quote!(_ => match #wire::__odata_field_index(__odata_name) {
                    _odata::__private::Some(__odata_index) => _odata::__private::Some(__odata_index + #own),
                    _odata::__private::None => _odata::__private::None,
                }),
                quote!(__odata_index => #wire::__odata_field_name(__odata_index - #own)),
                quote!(__odata_index => #wire::__odata_visit_field(&mut self.#field, __odata_index - #own, __odata_map, __odata_null)),
                quote!(__odata_index if __odata_index >= #own => #wire::__odata_navigation_control(&mut self.#field, __odata_index - #own),),
                quote!(#wire::__odata_serialize_fields(&self.#field, __odata_map, __odata_nulls.base(#own))?;),
            )
        }
        None => (
            quote!(_ => _odata::__private::None),
            quote!(_ => "?"),
            quote!(_ => {
                let _ = __odata_null;
                _odata::__private::visit_nothing(__odata_map)
            }),
            quote!(),
            quote!(),
        ),
    };
    quote! {
        #[automatically_derived]
        impl _odata::__private::StructuredWire for #ident {
            const __ODATA_HAS_NAVIGATION: bool = #has_navigation;

            fn __odata_empty() -> Self {
                #ident { #(#empty),* }
            }

            // Always inlined into the key visitor: with several callers (the null bookkeeping of
            // polymorphic values is one) the compiler stopped inlining it, which cost 1% of a
            // session page's decode (callgrind).
            #[inline(always)]
            fn __odata_field_index(__odata_name: &str) -> _odata::__private::Option<u16> {
                match __odata_name {
                    #(#index_arms,)*
                    #index_rest
                }
            }

            // Never inlined, so that the function has one address: a value's `null`s are
            // recorded as field-index bits beside it, and the encoder trusts the bits when the
            // address is its own type's (small functions are otherwise copied into each unit).
            #[inline(never)]
            fn __odata_field_name(__odata_index: u16) -> &'static str {
                match __odata_index {
                    #(#name_arms,)*
                    #name_rest
                }
            }

            #[inline]
            fn __odata_visit_field<'de, __A: _odata::__private::serde::de::MapAccess<'de>>(
                &mut self,
                __odata_index: u16,
                __odata_map: &mut __A,
                __odata_null: &mut bool,
            ) -> _odata::__private::Result<(), __A::Error> {
                match __odata_index {
                    #(#visit_arms,)*
                    #visit_rest
                }
            }

            fn __odata_navigation_control(
                &mut self,
                __odata_index: u16,
            ) -> _odata::__private::Option<&mut dyn _odata::__private::NavigationControl> {
                match __odata_index {
                    #(#control_arms,)*
                    #control_rest
                    _ => _odata::__private::None,
                }
            }

            fn __odata_serialize_fields<__M: _odata::__private::serde::ser::SerializeMap>(
                &self,
                __odata_map: &mut __M,
                __odata_nulls: _odata::__private::Nulls<'_>,
            ) -> _odata::__private::Result<(), __M::Error> {
                #serialize_base
                #(#serialize)*
                _odata::__private::Ok(())
            }

            fn __odata_swap_ancestor(&mut self, __odata_part: &mut dyn ::core::any::Any) -> bool {
                #swap_ancestor
            }
        }
    }
}

/// `Deref`/`DerefMut` to the base part, so inherited properties read as `session.id`.
fn base_impls(model: &StructModel) -> TokenStream {
    let Some(base) = &model.base else { return quote!() };
    let ident = &model.container.ident;
    let (field, ty) = (&base.field, &base.ty);
    quote! {
        #[automatically_derived]
        impl _odata::__private::Deref for #ident {
            type Target = #ty;

            #[inline]
            fn deref(&self) -> &#ty {
                &self.#field
            }
        }

        #[automatically_derived]
        impl _odata::__private::DerefMut for #ident {
            #[inline]
            fn deref_mut(&mut self) -> &mut #ty {
                &mut self.#field
            }
        }
    }
}

/// One constant per property for typed queries (`Session::START_DATE_TIME`, `CallRecord::SESSIONS`),
/// and the base type for `query::Inherits`, so that queries take inherited properties too.
fn property_handles(model: &StructModel) -> TokenStream {
    let ident = &model.container.ident;
    let qualified = &model.container.qualified_name;
    let mut constants = Vec::new();
    for field in &model.fields {
        let constant = &field.constant;
        match &field.role {
            Role::Property { inner, wire_name, read_only, .. } => {
                // Keys and read-only properties have their own kinds: queries take them, updates
                // do not.
                let (kind, what) = if model.keys.iter().any(|k| k.own && k.name == *wire_name) {
                    (quote!(Key), "key property")
                } else if *read_only {
                    (quote!(ReadOnly), "read-only property")
                } else {
                    (quote!(Member), "property")
                };
                let doc = format!("The {what} `{wire_name}` of `{qualified}`, for typed queries.");
                constants.push(quote! {
                    #[doc = #doc]
                    pub const #constant: _odata::query::Expr<#ident, #inner, _odata::query::#kind> =
                        _odata::query::Expr::<#ident, #inner, _odata::query::#kind>::property(#wire_name);
                });
            }
            Role::Navigation { target, wire_name, .. } => {
                let doc =
                    format!("The navigation property `{wire_name}` of `{qualified}`, for typed queries and paths.");
                constants.push(quote! {
                    #[doc = #doc]
                    pub const #constant: _odata::query::NavigationProperty<#ident, #target> =
                        _odata::query::NavigationProperty::navigation(#wire_name);
                });
            }
            Role::Base | Role::AdditionalData => {}
        }
    }
    let base = model.base.as_ref().map(|base| {
        let ty = &base.ty;
        quote! {
            #[automatically_derived]
            impl _odata::query::HasBase for #ident {
                type Base = #ty;
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #ident {
            #(#constants)*
        }

        #base
    }
}

/// The Rust type of the key (`ODataEntity::Key`): the key property's type, a tuple of them for
/// a compound key, the base type's key when the key is inherited, `NoKey` without a key. Spanned
/// at the key fields' types, so a type that cannot be a key is reported there.
fn key_type(model: &StructModel) -> TokenStream {
    let own: Option<Vec<&syn::Type>> = model
        .keys
        .iter()
        .map(|key| {
            model.fields.iter().find_map(|field| match &field.role {
                Role::Property { inner, wire_name, .. } if key.own && *wire_name == key.name => Some(inner),
                _ => None,
            })
        })
        .collect();
    match (own, &model.base) {
        (Some(types), _) if types.len() == 1 => {
            let ty = types[0];
            quote_spanned!(ty.span()=> #ty)
        }
        (Some(types), _) if !types.is_empty() => quote!((#(#types),*)),
        (_, Some(base)) => {
            let ty = &base.ty;
            quote!(<#ty as _odata::__private::checks::StructuredKey>::Key)
        }
        _ => quote!(_odata::query::NoKey),
    }
}

/// What only the compiler can check: that `base_type` names the base field's type, and that an
/// inherited key property exists (that no property holds an entity type is checked in
/// `TYPE_INFO`, see [`not_an_entity`]). Each assertion is spanned at the attribute it checks.
fn checks(model: &StructModel) -> TokenStream {
    let ident = &model.container.ident;
    let mut out = Vec::new();
    if let Some(base) = &model.base {
        let ty = &base.ty;
        let declared = base.qualified_name.as_str();
        let message = format!(
            "`#[odata(base_type = {declared:?})]` does not match the type of the `#[odata(base)]` field; make them name the same OData type"
        );
        out.push(assertion(
            base.qualified_name.span(),
            quote!(_odata::__private::checks::str_eq(<#ty as _odata::ODataType>::QUALIFIED_NAME, #declared)),
            &message,
        ));
    }
    // An inherited key is the base type's key (its Rust type is the base's `Key`): the key
    // properties named here must be exactly the base type's.
    if let Some(base) = &model.base
        && model.kind == Kind::Entity
        && model.keys.iter().any(|k| !k.own)
    {
        let ty = &base.ty;
        let names: Vec<&String> = model.keys.iter().map(|k| &k.name).collect();
        let listed = names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ");
        let message = format!(
            "the key properties of `{ident}` ({listed}) are inherited, so they must be the key of its base type; name the base type's key properties, in its order, or none"
        );
        out.push(assertion(
            model.keys[0].span,
            quote!(_odata::__private::checks::inherited_key(
                <#ident as _odata::ODataType>::TYPE_INFO,
                <#ty as _odata::ODataType>::TYPE_INFO,
                &[#(#names),*],
            )),
            &message,
        ));
    }
    for key in model.keys.iter().filter(|k| !k.own) {
        let name = &key.name;
        let message = format!(
            "`#[odata(key_property = {name:?})]` names no property of `{ident}` or of its base types; name a key property the docs list"
        );
        out.push(assertion(
            key.span,
            quote!(_odata::__private::checks::has_property(<#ident as _odata::ODataType>::TYPE_INFO, #name)),
            &message,
        ));
    }
    quote!(#(#out)*)
}

/// An assertion that a structural property does not hold an entity type (CSDL has no
/// `<Property>` of one), or nothing for primitive types. A statement in the `TYPE_INFO` constant,
/// not a constant of its own: thousands of constants of their own cost Graph's model a third more
/// build time.
fn not_an_entity(field: &syn::Ident, inner: &syn::Type) -> Option<TokenStream> {
    if item_name(inner).is_some_and(|name| valid::is_primitive_name(&name)) {
        return None;
    }
    let written = inner.to_token_stream().to_string().replace(' ', "");
    let probed = without_box(inner);
    let target = probed.to_token_stream().to_string().replace(' ', "");
    let what = if valid::generic_argument(inner, "Vec").is_some() {
        format!("`{written}` holds entity types")
    } else if valid::generic_argument(inner, "Box").is_some() {
        format!("`{written}` holds an entity type")
    } else {
        format!("`{written}` is an entity type")
    };
    let message = format!(
        "{what}, so `{field}` cannot be a structural property (CSDL has no `<Property>` of an entity type); an entity is reached through a navigation property: write `#[odata(navigation)] pub {field}: Navigation<{target}>`"
    );
    // At the item type (`Calendar` in `Vec<Calendar>`): a span covers one token.
    Some(quote_spanned! {item_span(inner)=>
        ::core::assert!(!_odata::__private::checks::Probe::<#probed>::IS_ENTITY, #message);
    })
}

/// The name of the item type of a property type: `Calendar` for `Calendar`, `Vec<Calendar>`,
/// `Box<Calendar>`; `None` when it is not a plain path.
fn item_name(ty: &syn::Type) -> Option<String> {
    if let Some(inner) = valid::generic_argument(ty, "Vec").or_else(|| valid::generic_argument(ty, "Box")) {
        return item_name(inner);
    }
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => path.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// The span of the item type of a property type (see [`item_name`]).
fn item_span(ty: &syn::Type) -> Span {
    match valid::generic_argument(ty, "Vec").or_else(|| valid::generic_argument(ty, "Box")) {
        Some(inner) => item_span(inner),
        None => ty.span(),
    }
}

/// `ty` without `Box` (`Box<Calendar>` -> `Calendar`, `Vec<Box<Calendar>>` -> `Vec<Calendar>`):
/// the type a navigation property to its entities takes.
fn without_box(ty: &syn::Type) -> syn::Type {
    if let Some(inner) = valid::generic_argument(ty, "Box") {
        return without_box(inner);
    }
    let mut ty = ty.clone();
    if let syn::Type::Path(path) = &mut ty
        && let Some(segment) = path.path.segments.last_mut()
        && segment.ident == "Vec"
        && let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments
    {
        for arg in &mut args.args {
            if let syn::GenericArgument::Type(item) = arg {
                *item = without_box(item);
            }
        }
    }
    ty
}

fn assertion(span: Span, condition: TokenStream, message: &str) -> TokenStream {
    quote_spanned! {span=>
        const _: () = ::core::assert!(#condition, #message);
    }
}
