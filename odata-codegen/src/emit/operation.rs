//! Functions and actions: a struct of each one's parameters.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use odata_core::csdl::Operation;

use super::{Writer, attribute, claim};
use crate::model::{self, Mapped};
use crate::names;

impl Writer<'_, '_> {
    pub(super) fn operation(&mut self, operation: &Operation, is_action: bool, name: &str) {
        let namespace = &self.module.schema.namespace;
        let element = model::operation_element(operation, is_action, namespace);
        let module = self.module.name.clone();
        let map = |ty: &str| self.model.map(ty, &module);
        let mut parameters = Vec::new();
        for parameter in &operation.parameters {
            match map(&parameter.ty) {
                Mapped::Type(t) => parameters.push((parameter, t)),
                Mapped::Unsupported(reason) => {
                    let element = format!("<Parameter Name=\"{}\"> of {element}", parameter.name);
                    self.warn(element, operation.line, format!("{reason}; the operation is left out"));
                    return;
                }
            }
        }
        let returns = match operation.return_type.as_ref().map(|r| map(&r.ty)) {
            Some(Mapped::Unsupported(reason)) => {
                let element = format!("<ReturnType> of {element}");
                self.warn(element, operation.line, format!("{reason}; the operation is left out"));
                return;
            }
            Some(Mapped::Type(t)) => Some(t),
            None => None,
        };
        self.uses_uuid |= parameters.iter().any(|(_, t)| t.contains("uuid::"));
        if is_action {
            self.summary.actions += 1
        } else {
            self.summary.functions += 1
        }
        self.out.push('\n');
        let qualified = format!("{namespace}.{}", operation.name);
        let annotations = self.model.annotations(&operation.annotations, &qualified);
        let what = if is_action { "action" } else { "function" };
        self.docs("", &annotations, &format!("The {what} `{qualified}`; the fields are its parameters."));
        let mut args = vec![format!("name = {qualified:?}")];
        let mut own = parameters.as_slice();
        if operation.is_bound
            && let Some(((binding, ty), rest)) = parameters.split_first()
        {
            args.push(format!("bound_to = {ty:?}"));
            if binding.name != "bindingParameter" {
                args.push(format!("binding_parameter = {:?}", binding.name));
            }
            if !binding.nullable {
                args.push("binding_nullable = false".into());
            }
            own = rest;
        }
        if let (Some(returns), Some(return_type)) = (&returns, &operation.return_type) {
            args.push(format!("returns = {returns:?}"));
            if !return_type.nullable {
                args.push("return_nullable = false".into());
            }
            let facets = self.facet_args(&return_type.facets, &format!("<ReturnType> of {element}"), operation.line);
            if !facets.is_empty() {
                args.push(format!("return_facets({})", facets.join(", ")));
            }
        }
        if operation.is_composable && !is_action {
            args.push("composable".into());
        }
        let derive = if is_action { "ODataAction" } else { "ODataFunction" };
        let _ = writeln!(self.out, "#[derive(odata_core::{derive}, Debug, Clone, PartialEq)]");
        self.out.push_str(&attribute("", "odata", &args));
        if own.is_empty() {
            let _ = writeln!(self.out, "pub struct {name};");
            return;
        }
        let _ = writeln!(self.out, "pub struct {name} {{");
        let mut taken = BTreeSet::new();
        for (parameter, ty) in own {
            let ident = claim(&mut taken, names::field_ident(&parameter.name));
            let target = format!("{qualified}/{}", parameter.name);
            let annotations = self.model.annotations(&parameter.annotations, &target);
            self.docs("    ", &annotations, &format!("`{}` (`{}`).", parameter.name, parameter.ty));
            let mut args = Vec::new();
            if !parameter.nullable {
                args.push("nullable = false".to_owned());
            }
            let at = format!("<Parameter Name=\"{}\"> of {element}", parameter.name);
            args.extend(self.facet_args(&parameter.facets, &at, operation.line));
            if names::field_to_wire(&ident) != parameter.name {
                args.push(format!("rename = {:?}", parameter.name));
            }
            if !args.is_empty() {
                self.out.push_str(&attribute("    ", "odata", &args));
            }
            let _ = writeln!(self.out, "    pub {ident}: {ty},");
        }
        self.out.push_str("}\n");
    }
}
