//! `#[derive(ODataEntity)]` / `#[derive(ODataComplex)]` on an enum: a polymorphic holder for
//! properties of a type that has derived types.
//!
//! ```ignore
//! #[derive(ODataComplex)]
//! #[odata(type = "microsoft.graph.callRecords.endpoint")]
//! pub enum AnyEndpoint {
//!     Endpoint(Endpoint),                       // the declared type itself, first
//!     ParticipantEndpoint(ParticipantEndpoint), // types derived from it, at any depth
//!     ServiceEndpoint(ServiceEndpoint),
//! }
//! ```
//!
//! The holder is the declared type for the model (its `TYPE_INFO`), derefs to the declared
//! type's struct, and decodes by `@odata.type` (see `odata_core`'s `wire/poly.rs`). Constant
//! assertions check that each variant's type fits the hierarchy.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::case;
use crate::valid::{HolderModel, Kind};

pub fn expand(model: &HolderModel) -> TokenStream {
    let krate = &model.container.krate;
    let ident = &model.container.ident;
    let qualified = &model.container.qualified_name;
    let annotation = format!("#{qualified}");
    let base = &model.variants[0];
    let base_ty = &base.ty;
    // The holder is addressed as its declared type: it has that type's key.
    let marker = match model.kind {
        Kind::Entity => quote! {
            impl _odata::ODataEntity for #ident { type Key = <#base_ty as _odata::__private::checks::StructuredKey>::Key; }
            #[automatically_derived]
            impl _odata::__private::checks::StructuredKey for #ident { type Key = <#base_ty as _odata::__private::checks::StructuredKey>::Key; }
        },
        _ => quote! {
            impl _odata::ODataComplex for #ident {}
            #[automatically_derived]
            impl _odata::__private::checks::StructuredKey for #ident { type Key = _odata::query::NoKey; }
        },
    };
    let base_info = {
        let span = base_ty.span();
        quote_spanned!(span=> _odata::__private::checks::holder_variant::<#base_ty>())
    };
    let variant_idents: Vec<&syn::Ident> = model.variants.iter().map(|v| &v.ident).collect();
    let variant_types: Vec<&syn::Type> = model.variants.iter().map(|v| &v.ty).collect();
    let indexes: Vec<u16> = (0..model.variants.len()).map(|i| i as u16).collect();
    let rest_types = &variant_types[1..];
    let rest_indexes = &indexes[1..];

    // Access to the held value: through the `Box` for boxed variants.
    let held = |v: &crate::valid::HolderVariant| if v.boxed { quote!(&**__odata_value) } else { quote!(__odata_value) };
    let held_mut =
        |v: &crate::valid::HolderVariant| if v.boxed { quote!(&mut **__odata_value) } else { quote!(__odata_value) };
    let wrap = |v: &crate::valid::HolderVariant| {
        let variant = &v.ident;
        if v.boxed {
            quote!(|__odata_value| #ident::#variant(::std::boxed::Box::new(__odata_value)))
        } else {
            quote!(#ident::#variant)
        }
    };
    let held_refs: Vec<TokenStream> = model.variants.iter().map(held).collect();
    // Only the first variant holds the declared type itself.
    let is_declared: Vec<bool> = (0..model.variants.len()).map(|i| i == 0).collect();
    let held_muts: Vec<TokenStream> = model.variants.iter().map(held_mut).collect();
    let wrappers: Vec<TokenStream> = model.variants.iter().map(wrap).collect();
    let rest_wrappers = &wrappers[1..];
    let base_wrapper = &wrappers[0];

    let accessors = model.variants.iter().map(|v| {
        let (variant, ty) = (&v.ident, &v.ty);
        let value = held(v);
        let name = format_ident!("as_{}", case::variant_to_snake(&variant.to_string()));
        let doc = format!("The value, if it is a `{variant}`.");
        quote! {
            #[doc = #doc]
            #[inline]
            pub fn #name(&self) -> _odata::__private::Option<&#ty> {
                match self {
                    #ident::#variant(__odata_value) => _odata::__private::Some(#value),
                    #[allow(unreachable_patterns)]
                    _ => _odata::__private::None,
                }
            }
        }
    });
    let checks = checks(model, qualified);
    let parameter = super::json_parameter(ident);
    let serde = super::wire_impls_with(
        ident,
        // The declared type, and the derived types a value may be (complete metadata).
        quote!(_odata::TypeRef::of::<Self>().with_derived(&[#(<#rest_types as _odata::EdmType>::TYPE),*])),
        quote! {
            match self {
                #(#ident::#variant_idents(__odata_value) => _odata::__private::serialize_variant(#held_refs, __odata_serializer, #is_declared),)*
            }
        },
        |root| quote!(_odata::__private::deserialize_polymorphic(__odata_deserializer, #root)),
        super::in_place(quote!(_odata::__private::deserialize_polymorphic_in), None),
    );
    // Reading a variant in place: the variant goes into the slot with an empty struct, and the
    // `match` hands back that struct (the other arm cannot be taken).
    let visit_in_arms = model.variants.iter().map(|v| {
        let (variant, ty) = (&v.ident, &v.ty);
        let value = held_mut(v);
        let empty = quote!(<#ty as _odata::__private::StructuredWire>::__odata_empty());
        let empty = if v.boxed { quote!(::std::boxed::Box::new(#empty)) } else { empty };
        quote! {
            match _odata::__private::Option::insert(__odata_slot, #ident::#variant(#empty)) {
                #ident::#variant(__odata_value) => _odata::__private::visit_variant_in::<#ty, __A>(#value, __odata_annotation, __odata_map),
                #[allow(unreachable_patterns)]
                _ => _odata::__private::Err(_odata::__private::variant_not_placed()),
            }
        }
    });
    let visit_in_arms: Vec<TokenStream> = visit_in_arms.collect();
    let rest_visit_in = &visit_in_arms[1..];
    let base_visit_in = &visit_in_arms[0];
    // Each arm is spanned at its variant's type: a type outside the hierarchy fails to deref to
    // the declared type, and that error belongs next to the constant assertion that explains it.
    let deref_arms = model.variants.iter().map(|v| {
        let (variant, span) = (&v.ident, v.ty.span());
        quote_spanned!(span=> #ident::#variant(__odata_value) => __odata_value)
    });
    let deref_mut_arms = deref_arms.clone();

    quote! {
        #[allow(non_upper_case_globals, unused_qualifications, deprecated, clippy::all)]
        const _: () = {
            use #krate as _odata;

            #[automatically_derived]
            impl _odata::ODataType for #ident {
                const QUALIFIED_NAME: &'static str = #qualified;
                const TYPE_ANNOTATION: &'static str = #annotation;
                const TYPE_INFO: &'static _odata::TypeInfo = #base_info;
            }

            #[automatically_derived]
            impl _odata::ODataStructured for #ident {
                #[inline]
                fn additional_data(&self) -> _odata::__private::Option<&_odata::AdditionalData> {
                    match self {
                        #(#ident::#variant_idents(__odata_value) => _odata::ODataStructured::additional_data(#held_refs),)*
                    }
                }

                #[inline]
                fn additional_data_mut(&mut self) -> _odata::__private::Option<&mut _odata::AdditionalData> {
                    match self {
                        #(#ident::#variant_idents(__odata_value) => _odata::ODataStructured::additional_data_mut(#held_muts),)*
                    }
                }
            }

            #[automatically_derived]
            #marker

            #serde
            #parameter

            #[automatically_derived]
            impl _odata::__private::PolymorphicWire for #ident {
                type Declared = #base_ty;

                #[inline]
                fn __odata_from_declared(__odata_value: #base_ty) -> Self {
                    (#base_wrapper)(__odata_value)
                }

                fn __odata_upgrade<'de, __A: _odata::__private::serde::de::MapAccess<'de>>(
                    __odata_index: u16,
                    __odata_declared: #base_ty,
                    __odata_annotation: _odata::__private::DispatchedAnnotation,
                    __odata_side: &_odata::__private::SideMembers,
                    __odata_map: &mut __A,
                ) -> _odata::__private::Result<Self, __A::Error> {
                    match __odata_index {
                        #(#rest_indexes => _odata::__private::upgrade_variant::<#rest_types, #base_ty, __A>(
                            __odata_declared, __odata_annotation, __odata_side, __odata_map,
                        ).map(#rest_wrappers),)*
                        _ => _odata::__private::finish_declared(
                            __odata_declared, __odata_annotation, __odata_side, __odata_map,
                        ).map(#base_wrapper),
                    }
                }

                fn __odata_variant(__odata_name: &str) -> _odata::__private::Option<u16> {
                    #(if __odata_name == <#variant_types as _odata::ODataType>::QUALIFIED_NAME {
                        return _odata::__private::Some(#indexes);
                    })*
                    _odata::__private::None
                }

                fn __odata_variant_property(__odata_name: &str) -> bool {
                    false #(|| <#rest_types as _odata::__private::StructuredWire>::__odata_field_index(__odata_name).is_some())*
                }

                fn __odata_variant_annotation(__odata_index: u16) -> &'static str {
                    match __odata_index {
                        #(#rest_indexes => <#rest_types as _odata::ODataType>::TYPE_ANNOTATION,)*
                        _ => <#base_ty as _odata::ODataType>::TYPE_ANNOTATION,
                    }
                }

                #[inline]
                fn __odata_visit_variant_in<'de, __A: _odata::__private::serde::de::MapAccess<'de>>(
                    __odata_index: u16,
                    __odata_annotation: _odata::__private::DispatchedAnnotation,
                    __odata_slot: &mut _odata::__private::Option<Self>,
                    __odata_map: &mut __A,
                ) -> _odata::__private::Result<(), __A::Error> {
                    match __odata_index {
                        #(#rest_indexes => #rest_visit_in,)*
                        _ => #base_visit_in,
                    }
                }
            }

            /// Every variant derives from the declared type, so the common part is one `Deref` away.
            #[automatically_derived]
            impl _odata::__private::Deref for #ident {
                type Target = #base_ty;

                #[inline]
                fn deref(&self) -> &#base_ty {
                    match self {
                        #(#deref_arms,)*
                    }
                }
            }

            #[automatically_derived]
            impl _odata::__private::DerefMut for #ident {
                #[inline]
                fn deref_mut(&mut self) -> &mut #base_ty {
                    match self {
                        #(#deref_mut_arms,)*
                    }
                }
            }

            #(
                #[automatically_derived]
                impl ::core::convert::From<#variant_types> for #ident {
                    #[inline]
                    fn from(__odata_value: #variant_types) -> Self {
                        (#wrappers)(__odata_value)
                    }
                }
            )*

            #[automatically_derived]
            impl #ident {
                #(#accessors)*

                /// The type of the value held (the declared type for a value of a type the model
                /// does not know; its name is then in the kept type annotation).
                pub fn instance_type(&self) -> &'static _odata::TypeInfo {
                    match self {
                        #(#ident::#variant_idents(_) => <#variant_types as _odata::ODataType>::TYPE_INFO,)*
                    }
                }
            }

            // A query on the holder takes the declared type's properties.
            #[automatically_derived]
            impl _odata::query::HasBase for #ident {
                type Base = #base_ty;
            }

            #checks
        };
    }
}

/// The first variant holds the declared type; the others hold types derived from it, each once.
fn checks(model: &HolderModel, qualified: &str) -> TokenStream {
    let mut out = Vec::new();
    // Every variant holds a struct (entity or complex type).
    for variant in &model.variants[1..] {
        let ty = &variant.ty;
        out.push(quote_spanned! {ty.span()=>
            const _: &'static _odata::TypeInfo = _odata::__private::checks::holder_variant::<#ty>();
        });
    }
    let base = &model.variants[0];
    let base_ty = &base.ty;
    // The enum has the kind of the declared type (its derived types share it, see
    // `is_or_derives_from` below), so one assertion on the declared type says which derive the
    // enum needs, at the derive.
    let ident = &model.container.ident;
    let written = base_ty.to_token_stream().to_string().replace(' ', "");
    let (other_kind, message) = match model.kind {
        Kind::Entity => (
            quote!(IS_COMPLEX),
            format!(
                "`{written}` is a complex type, so `{ident}` holds complex types: write `#[derive(ODataComplex)]` on `{ident}`, not `#[derive(ODataEntity)]`"
            ),
        ),
        _ => (
            quote!(IS_ENTITY),
            format!(
                "`{written}` is an entity type, so `{ident}` holds entity types: write `#[derive(ODataEntity)]` on `{ident}`, not `#[derive(ODataComplex)]`"
            ),
        ),
    };
    out.push(assertion(
        Span::call_site(),
        quote!({
            #[allow(unused_imports)]
            use _odata::__private::checks::ProbeFallback as _;
            !_odata::__private::checks::Probe::<#base_ty>::#other_kind
        }),
        &message,
    ));
    out.push(assertion(
        base_ty.span(),
        quote!(_odata::__private::checks::str_eq(<#base_ty as _odata::ODataType>::QUALIFIED_NAME, #qualified)),
        &format!(
            "the first variant `{}` must hold the declared type `{qualified}` itself; it keeps values of that type and of derived types the model does not know",
            base.ident
        ),
    ));
    for variant in &model.variants[1..] {
        let ty = &variant.ty;
        out.push(assertion(
            ty.span(),
            quote!(_odata::__private::checks::is_or_derives_from(<#ty as _odata::ODataType>::TYPE_INFO, #qualified)),
            &format!(
                "variant `{}` holds a type that does not derive from `{qualified}`; a variant holds the declared type or a type whose `base_type` chain leads to it",
                variant.ident
            ),
        ));
    }
    // Two variants of one type are rejected by `valid.rs`, from the tokens: a constant comparing
    // every pair is too slow for Graph's `AnyEntity` (over a thousand variants).
    quote!(#(#out)*)
}

fn assertion(span: Span, condition: TokenStream, message: &str) -> TokenStream {
    quote_spanned! {span=>
        const _: () = ::core::assert!(#condition, #message);
    }
}
