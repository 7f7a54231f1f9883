//! Functions and actions: the service calls a handler the application registers per operation
//! ([`ServiceBuilder::operation`](crate::ServiceBuilder::operation)), unbound through a function
//! or action import (`GET TopProducts(count=5)`, `POST ResetData`) or bound to an entity or a
//! collection (`GET Products(1)/NS.Related()`, `POST Products/NS.Discount`). Parameters are
//! checked against the model; the handler's JSON result is answered in the OData format of the
//! operation's return type.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use http::{Method, StatusCode};
use odata_core::{OperationInfo, OperationKind, PropertyInfo};
use serde_json::{Map, Value};
use sqlx::AnyPool;

use crate::catalog::ValueKind;
use crate::error::ODataError;
use crate::format::{MetadataLevel, negotiate};
use crate::path::KeyPredicate;
use crate::request::{ODataRequest, Reply};
use crate::value::{Datum, from_json, from_literal};

/// One call of a function or action, as its handler receives it.
#[derive(Debug)]
#[non_exhaustive]
pub struct OperationCall {
    /// The operation called.
    pub operation: &'static OperationInfo,
    /// The parameters by name, checked against the model (a function's from the URL, an
    /// action's from the JSON body); absent optional parameters are left out.
    pub parameters: Map<String, Value>,
    /// For an operation bound to an entity: the key of that entity, by property name; bound to
    /// a collection: the entity set's name under `"@entitySet"`. Empty for an unbound call.
    pub binding: Map<String, Value>,
    /// The database, for handlers that read or write it.
    pub pool: AnyPool,
}

/// What a handler answers: the operation's result as JSON (an entity, a collection as an
/// array, a primitive or complex value; `Value::Null` for an action without a result), or an
/// error to send.
pub type OperationResult = Result<Value, ODataError>;

/// A registered handler of a function or action.
pub trait OperationHandler: Send + Sync + 'static {
    /// Runs one call.
    fn call(&self, call: OperationCall) -> Pin<Box<dyn Future<Output = OperationResult> + Send>>;
}

impl<F, Fut> OperationHandler for F
where
    F: Fn(OperationCall) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = OperationResult> + Send + 'static,
{
    fn call(&self, call: OperationCall) -> Pin<Box<dyn Future<Output = OperationResult> + Send>> {
        Box::pin(self(call))
    }
}

/// A registered operation.
#[derive(Clone)]
pub(crate) struct Registered {
    pub(crate) info: &'static OperationInfo,
    pub(crate) handler: Arc<dyn OperationHandler>,
}

impl std::fmt::Debug for Registered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Registered({})", self.info.qualified_name)
    }
}

/// What an operation segment binds to.
#[derive(Debug, Clone)]
pub(crate) enum Binding {
    None,
    /// An entity, by its key.
    Entity(Vec<(&'static str, ValueKind, Datum)>),
    /// The entity set's collection.
    Collection(&'static str),
}

fn parameter_kind(parameter: &odata_core::ParameterInfo) -> Option<ValueKind> {
    let property = PropertyInfo {
        name: parameter.name,
        rust_name: parameter.rust_name,
        ty: parameter.ty,
        nullable: parameter.nullable,
        read_only: false,
        facets: odata_core::FacetInfo::NONE,
    };
    ValueKind::of(&property)
}

fn bad(name: &str, message: String) -> ODataError {
    ODataError::bad_request("InvalidParameter", message).with_target(name.to_owned())
}

/// The parameters of a call: a function's from the URL's parentheses, an action's from the body.
fn parameters(
    info: &'static OperationInfo,
    request: &ODataRequest,
    args: Option<&KeyPredicate>,
) -> Result<Map<String, Value>, ODataError> {
    let mut given: Map<String, Value> = Map::new();
    match info.kind {
        OperationKind::Function => {
            let pairs = match args {
                None => Vec::new(),
                Some(KeyPredicate::Named(pairs)) => pairs.clone(),
                Some(KeyPredicate::Single(_)) => {
                    return Err(ODataError::bad_request(
                        "InvalidParameter",
                        format!("write the parameters of {} as name=value", info.name),
                    ));
                }
            };
            for (name, literal) in pairs {
                let parameter = info
                    .parameters
                    .iter()
                    .find(|p| p.name == name)
                    .ok_or_else(|| bad(&name, format!("{} has no parameter {name}", info.name)))?;
                let value = match parameter_kind(parameter) {
                    Some(ValueKind::Json) => {
                        serde_json::from_str(&literal).map_err(|e| bad(&name, format!("{name}: {e}")))?
                    }
                    Some(kind) => {
                        datum_json(kind, &from_literal(kind, &literal).map_err(|m| bad(&name, format!("{name}: {m}")))?)
                    }
                    None => {
                        return Err(bad(
                            &name,
                            format!("{name}: parameters of type {} are not supported", parameter.ty),
                        ));
                    }
                };
                given.insert(name, value);
            }
        }
        OperationKind::Action => {
            if !request.body.is_empty() {
                let Value::Object(body) = crate::body::parse_object(&request.body)? else {
                    return Err(not_an_object());
                };
                given = body;
            }
        }
        _ => return Err(ODataError::not_implemented("an unknown kind of operation")),
    }
    let mut checked = Map::new();
    for (name, value) in given {
        let parameter = info
            .parameters
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| bad(&name, format!("{} has no parameter {name}", info.name)))?;
        let kind = parameter_kind(parameter)
            .ok_or_else(|| bad(&name, format!("{name}: parameters of type {} are not supported", parameter.ty)))?;
        if kind != ValueKind::Json {
            let datum = from_json(kind, &value, true).map_err(|m| bad(&name, format!("{name}: {m}")))?;
            if datum == Datum::Null && !parameter.nullable {
                return Err(bad(&name, format!("{name} cannot be null")));
            }
        } else if !(value.is_object() || value.is_array() || value.is_null()) {
            return Err(bad(&name, format!("{name}: expected an object or an array")));
        }
        checked.insert(name, value);
    }
    for parameter in info.parameters {
        if !parameter.nullable && !checked.contains_key(parameter.name) {
            return Err(bad(parameter.name, format!("the parameter {} is missing", parameter.name)));
        }
    }
    Ok(checked)
}

fn not_an_object() -> ODataError {
    ODataError::bad_request("InvalidJson", "the request body is not a JSON object")
}

/// A datum as the JSON value of a parameter.
fn datum_json(kind: ValueKind, datum: &Datum) -> Value {
    match datum {
        Datum::Null => Value::Null,
        Datum::Bool(b) => Value::Bool(*b),
        Datum::Int(i) => Value::from(*i),
        Datum::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Datum::Text(t) if kind == ValueKind::Decimal => {
            t.parse::<serde_json::Number>().map_or_else(|_| Value::from(t.as_str()), Value::Number)
        }
        Datum::Text(t) => Value::from(t.as_str()),
        Datum::Bytes(b) => Value::from(odata_core::Binary::new(b.clone()).to_string()),
    }
}

/// Calls the operation and answers with its result.
pub(crate) async fn invoke(
    registered: &Registered,
    pool: &AnyPool,
    request: &ODataRequest,
    binding: Binding,
    args: Option<&KeyPredicate>,
    entity_set: Option<&str>,
) -> Result<Reply, ODataError> {
    let info = registered.info;
    let (allowed, what) = match info.kind {
        OperationKind::Function => (request.method == Method::GET || request.method == Method::HEAD, "a function"),
        _ => (request.method == Method::POST, "an action"),
    };
    if !allowed {
        return Err(ODataError::method_not_allowed(&request.method, &format!("{} ({what})", info.name)));
    }
    if info.kind == OperationKind::Action && args.is_some_and(|a| !matches!(a, KeyPredicate::Named(p) if p.is_empty()))
    {
        return Err(ODataError::bad_request(
            "InvalidParameter",
            format!("{} is an action: send its parameters in the body", info.name),
        ));
    }
    let format = negotiate(&request.headers, None)?;
    let parameters = parameters(info, request, args)?;
    let mut bound = Map::new();
    match binding {
        Binding::None => {}
        Binding::Entity(key) => {
            for (name, kind, datum) in key {
                bound.insert(name.to_owned(), datum_json(kind, &datum));
            }
        }
        Binding::Collection(set) => {
            bound.insert("@entitySet".into(), Value::from(set));
        }
    }
    let call = OperationCall { operation: info, parameters, binding: bound, pool: pool.clone() };
    let result = registered.handler.call(call).await?;
    let Some(returns) = &info.return_type else {
        return Ok(Reply::empty(StatusCode::NO_CONTENT));
    };
    if result.is_null() {
        return Ok(Reply::empty(StatusCode::NO_CONTENT));
    }
    let target = match (entity_set, returns.ty.collection) {
        (Some(set), _) => set.to_owned(),
        (None, true) => format!("Collection({})", returns.ty.name),
        (None, false) => returns.ty.name.to_owned(),
    };
    let is_entity = returns.ty.type_info().is_some_and(|t| t.kind == odata_core::TypeKind::Entity);
    let context = if is_entity && !returns.ty.collection && entity_set.is_some() {
        format!("{}/$metadata#{target}/$entity", request.root)
    } else {
        format!("{}/$metadata#{target}", request.root)
    };
    let mut body = Map::new();
    if format.metadata != MetadataLevel::None {
        body.insert("@odata.context".into(), Value::from(context));
    }
    match result {
        Value::Object(entity) if is_entity && !returns.ty.collection => body.extend(entity),
        value => {
            body.insert("value".into(), value);
        }
    }
    Ok(Reply::json(StatusCode::OK, format, Value::Object(body).to_string()))
}
