//! `#[derive(ODataEnum)]`: the members table, name/value `match`es, and serde impls that call the
//! generic enum code in `odata_core::__private`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::valid::EnumModel;

pub fn expand(model: &EnumModel) -> TokenStream {
    let krate = &model.container.krate;
    let ident = &model.container.ident;
    let namespace = &model.container.namespace;
    let name = &model.container.name;
    let qualified = &model.container.qualified_name;
    let is_flags = model.is_flags;
    let underlying_type = match &model.underlying_type {
        Some(name) => quote!(_odata::__private::Some(#name)),
        None => quote!(_odata::__private::None),
    };
    let annotation = format!("#{qualified}");

    let infos = model.members.iter().map(|m| {
        let (name, value) = (&m.name, m.value);
        let rust_name = m.variant.to_string();
        quote!(_odata::EnumMemberInfo { name: #name, rust_name: #rust_name, value: #value })
    });
    let to_name = model.members.iter().map(|m| {
        let (variant, name) = (&m.variant, &m.name);
        quote!(#ident::#variant => #name)
    });
    let to_value = model.members.iter().map(|m| {
        let (variant, value) = (&m.variant, m.value);
        quote!(#ident::#variant => _odata::__private::Some(#value))
    });
    let from_name = model.members.iter().map(|m| {
        let (variant, name) = (&m.variant, &m.name);
        quote!(#name => _odata::__private::Some(#ident::#variant))
    });
    let from_value = model.members.iter().map(|m| {
        let (variant, value) = (&m.variant, m.value);
        quote!(#value => _odata::__private::Some(#ident::#variant))
    });
    let (name_of_unknown, value_of_unknown, from_unknown) = match &model.catch_all {
        Some(variant) => (
            quote!(#ident::#variant(__odata_raw) => ::core::convert::AsRef::<str>::as_ref(__odata_raw),),
            quote!(#ident::#variant(_) => _odata::__private::None,),
            quote!(_odata::__private::Some(#ident::#variant(::core::convert::From::from(__odata_raw)))),
        ),
        None => (
            quote!(),
            quote!(),
            quote!({
                let _ = __odata_raw;
                _odata::__private::None
            }),
        ),
    };

    let wire = super::wire_impls(
        ident,
        quote!(_odata::TypeRef::of::<Self>()),
        quote!(_odata::__private::serialize_enum(self, __odata_serializer)),
        |_| quote!(_odata::__private::deserialize_enum(__odata_deserializer)),
    );
    let register = super::register(ident);
    quote! {
        #[allow(non_upper_case_globals, unused_qualifications, deprecated, clippy::all)]
        const _: () = {
            use #krate as _odata;

            #[automatically_derived]
            impl _odata::ODataType for #ident {
                const QUALIFIED_NAME: &'static str = #qualified;
                const TYPE_ANNOTATION: &'static str = #annotation;
                const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
                    members: &[#(#infos),*],
                    is_flags: #is_flags,
                    underlying_type: #underlying_type,
                    .._odata::TypeInfo::new(_odata::TypeKind::Enum, #namespace, #name, #qualified)
                };
            }

            #[automatically_derived]
            impl _odata::ODataEnum for #ident {
                fn member_name(&self) -> &str {
                    match self {
                        #(#to_name,)*
                        #name_of_unknown
                    }
                }

                fn member_value(&self) -> _odata::__private::Option<i64> {
                    match self {
                        #(#to_value,)*
                        #value_of_unknown
                    }
                }

                fn from_member_name(__odata_name: &str) -> _odata::__private::Option<Self> {
                    match __odata_name {
                        #(#from_name,)*
                        _ => _odata::__private::None,
                    }
                }

                fn from_member_value(__odata_value: i64) -> _odata::__private::Option<Self> {
                    match __odata_value {
                        #(#from_value,)*
                        _ => _odata::__private::None,
                    }
                }

                fn from_unknown_member(__odata_raw: &str) -> _odata::__private::Option<Self> {
                    #from_unknown
                }
            }

            #[automatically_derived]
            impl _odata::query::UrlLiteral for #ident {
                fn write_literal(&self, __odata_out: &mut _odata::__private::String) {
                    _odata::query::write_enum_literal(self, __odata_out)
                }
            }

            #wire
            #register
        };
    }
}
