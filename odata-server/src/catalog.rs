//! The served model, resolved once: for each entity set (and singleton) its table, columns, key,
//! ETag column, derived types and where its navigation properties lead.

use std::collections::HashMap;

use odata_core::container::{ContainerInfo, EntitySetInfo};
use odata_core::{NavigationPropertyInfo, PropertyInfo, TypeInfo, TypeKind};

use crate::error::ServiceError;

/// How a property's values are stored and written: one per primitive type, plus enumerations and
/// the JSON-text columns of complex and collection-valued properties.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ValueKind {
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    Date,
    TimeOfDay,
    Duration,
    Guid,
    Binary,
    /// An enumeration type: the member name as text.
    Enum(&'static TypeInfo),
    /// A complex or collection-valued property: its JSON as text.
    Json,
}

impl PartialEq for ValueKind {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ValueKind::Enum(a), ValueKind::Enum(b)) => a.qualified_name == b.qualified_name,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Eq for ValueKind {}

impl ValueKind {
    /// The kind of a property's type; `None` for types the server cannot store (geography, streams).
    pub(crate) fn of(property: &PropertyInfo) -> Option<ValueKind> {
        if property.ty.collection {
            return Some(ValueKind::Json);
        }
        if let Some(info) = property.ty.type_info() {
            return match info.kind {
                TypeKind::Enum => Some(ValueKind::Enum(info)),
                TypeKind::Complex => Some(ValueKind::Json),
                TypeKind::TypeDefinition => info.underlying_type.and_then(Self::primitive),
                _ => None,
            };
        }
        Self::primitive(property.ty.name)
    }

    fn primitive(name: &str) -> Option<ValueKind> {
        Some(match name {
            "Edm.String" => ValueKind::String,
            "Edm.Boolean" => ValueKind::Boolean,
            "Edm.Byte" => ValueKind::Byte,
            "Edm.SByte" => ValueKind::SByte,
            "Edm.Int16" => ValueKind::Int16,
            "Edm.Int32" => ValueKind::Int32,
            "Edm.Int64" => ValueKind::Int64,
            "Edm.Single" => ValueKind::Single,
            "Edm.Double" => ValueKind::Double,
            "Edm.Decimal" => ValueKind::Decimal,
            "Edm.DateTimeOffset" => ValueKind::DateTimeOffset,
            "Edm.Date" => ValueKind::Date,
            "Edm.TimeOfDay" => ValueKind::TimeOfDay,
            "Edm.Duration" => ValueKind::Duration,
            "Edm.Guid" => ValueKind::Guid,
            "Edm.Binary" => ValueKind::Binary,
            _ => return None,
        })
    }

    /// Whether the value is an integer type.
    pub(crate) fn is_integer(self) -> bool {
        matches!(self, ValueKind::Byte | ValueKind::SByte | ValueKind::Int16 | ValueKind::Int32 | ValueKind::Int64)
    }
}

/// One column of an entity set's table: a structural property of its type or of a derived type.
#[derive(Debug)]
pub(crate) struct Column {
    /// The property (its name is the column's).
    pub(crate) property: &'static PropertyInfo,
    /// How its values are stored.
    pub(crate) kind: ValueKind,
    /// The type that declares it.
    pub(crate) declared_by: &'static TypeInfo,
}

impl Column {
    pub(crate) fn name(&self) -> &'static str {
        self.property.name
    }
}

/// An entity set or singleton with its table.
#[derive(Debug)]
pub(crate) struct SetModel {
    /// The container's entry.
    pub(crate) info: &'static EntitySetInfo,
    /// A singleton (one row) rather than an entity set.
    pub(crate) singleton: bool,
    /// The declared entity type.
    pub(crate) ty: &'static TypeInfo,
    /// Every column: the type's properties (inherited first), then those of derived types.
    pub(crate) columns: Vec<Column>,
    /// The key columns, in key order (indices into `columns`).
    pub(crate) key: Vec<usize>,
    /// The types derived from `ty` in the model (with a discriminator column when not empty).
    pub(crate) derived: Vec<&'static TypeInfo>,
    /// The column whose value is the ETag: a concurrency property of the type (an integer named
    /// `RowVersion`, `Version` or `ETag`), else `None` and the hidden column [`ROW_VERSION`].
    /// Either way the server sets it to 1 on insert and adds 1 on every update.
    pub(crate) etag: Option<usize>,
}

/// The hidden row-version column of a table whose type has no concurrency property.
pub(crate) const ROW_VERSION: &str = "@odata.version";

impl SetModel {
    pub(crate) fn name(&self) -> &'static str {
        self.info.name
    }

    /// The column of property `name`.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.property.name == name)
    }

    /// Whether the table has an `@odata.type` column.
    pub(crate) fn has_discriminator(&self) -> bool {
        !self.derived.is_empty()
    }

    /// The name of the row-version column (a property's, or the hidden one).
    pub(crate) fn etag_column(&self) -> &'static str {
        self.etag.map_or(ROW_VERSION, |i| self.columns[i].name())
    }

    /// Whether column `index` is the server-maintained row version.
    pub(crate) fn is_etag(&self, index: usize) -> bool {
        self.etag == Some(index)
    }

    /// The first read-only property that a create in this set, kept in a table, could never fill:
    /// a key or a property that is not nullable. A client's value for it is ignored (it is
    /// `Core.Computed`), and a table computes only its row version and a generated key.
    pub(crate) fn uncomputable(&self) -> Option<&'static str> {
        let generated = crate::keys::generated_key(self);
        let never_filled = |index: usize, column: &Column| {
            column.property.read_only
                && !self.is_etag(index)
                && Some(index) != generated
                && (self.key.contains(&index) || !column.property.nullable)
        };
        let mut columns = self.columns.iter().enumerate();
        columns.find(|&(index, column)| never_filled(index, column)).map(|(_, column)| column.name())
    }

    /// The derived type (or the declared type) with this qualified name.
    pub(crate) fn type_named(&self, name: &str) -> Option<&'static TypeInfo> {
        let name = name.strip_prefix('#').unwrap_or(name);
        std::iter::once(self.ty).chain(self.derived.iter().copied()).find(|t| t.qualified_name == name)
    }

    /// Whether column `index` belongs to entities of type `ty` (declared by it or a base type).
    pub(crate) fn column_applies(&self, index: usize, ty: &'static TypeInfo) -> bool {
        ty.is_or_derives_from(self.columns[index].declared_by)
    }
}

/// The whole served model.
#[derive(Debug)]
pub(crate) struct Catalog {
    pub(crate) container: &'static ContainerInfo,
    pub(crate) sets: Vec<SetModel>,
    by_name: HashMap<&'static str, usize>,
}

/// The property names a concurrency token is taken from, when the type has one of them (an
/// integer or text column the service bumps on every write).
const ETAG_PROPERTIES: &[&str] = &["RowVersion", "rowVersion", "Version", "version", "ETag", "etag"];

impl Catalog {
    pub(crate) fn new(container: &'static ContainerInfo) -> Result<Catalog, ServiceError> {
        let mut sets = Vec::new();
        let members =
            container.entity_sets.iter().map(|s| (s, false)).chain(container.singletons.iter().map(|s| (s, true)));
        for (info, singleton) in members {
            sets.push(Self::set(info, singleton)?);
        }
        let by_name = sets.iter().enumerate().map(|(i, s)| (s.info.name, i)).collect();
        Ok(Catalog { container, sets, by_name })
    }

    fn set(info: &'static EntitySetInfo, singleton: bool) -> Result<SetModel, ServiceError> {
        let ty = info.entity_type;
        let mut derived: Vec<&'static TypeInfo> = odata_core::registry::all_types()
            .filter(|t| t.qualified_name != ty.qualified_name && t.kind == TypeKind::Entity && t.is_or_derives_from(ty))
            .collect();
        derived.sort_by_key(|t| t.qualified_name);
        let mut columns: Vec<Column> = Vec::new();
        let owners = std::iter::once(ty).chain(derived.iter().copied());
        for owner in owners {
            let props: Vec<&'static PropertyInfo> = if owner.qualified_name == ty.qualified_name {
                owner.all_properties().collect()
            } else {
                owner.properties.iter().collect()
            };
            for property in props {
                if columns.iter().any(|c| c.property.name == property.name) {
                    continue;
                }
                let kind = ValueKind::of(property).ok_or_else(|| {
                    ServiceError::Model(format!(
                        "{}.{} has type {}, which the server cannot store",
                        owner.qualified_name, property.name, property.ty
                    ))
                })?;
                let declared_by =
                    owner.ancestry().find(|t| t.properties.iter().any(|p| p.name == property.name)).unwrap_or(owner);
                columns.push(Column { property, kind, declared_by });
            }
        }
        let key_names = ty.key();
        if key_names.is_empty() {
            return Err(ServiceError::Model(format!(
                "the entity type {} of {} has no key",
                ty.qualified_name, info.name
            )));
        }
        let mut key = Vec::new();
        for name in key_names {
            let index = columns.iter().position(|c| c.property.name == *name).ok_or_else(|| {
                ServiceError::Model(format!(
                    "the key property {name} of {} is not a structural property",
                    ty.qualified_name
                ))
            })?;
            key.push(index);
        }
        let etag = ETAG_PROPERTIES.iter().find_map(|name| {
            columns.iter().position(|c| c.property.name == *name && ty.is_or_derives_from(c.declared_by))
        });
        let etag = etag.filter(|&i| columns[i].kind.is_integer());
        Ok(SetModel { info, singleton, ty, columns, key, derived, etag })
    }

    /// The same catalog without the sets `skip` names (for the tables of source-backed sets).
    pub(crate) fn without(mut self, skip: impl Fn(&str) -> bool) -> Catalog {
        self.sets.retain(|s| !skip(s.name()));
        self.by_name = self.sets.iter().enumerate().map(|(i, s)| (s.info.name, i)).collect();
        self
    }

    /// The entity set or singleton named `name`.
    pub(crate) fn set_named(&self, name: &str) -> Option<&SetModel> {
        self.by_name.get(name).map(|&i| &self.sets[i])
    }

    /// Where the entities reached through navigation property `path` of set `from` are: the
    /// set its binding names, else the only set of the target type.
    pub(crate) fn target_set(&self, from: &SetModel, navigation: &NavigationPropertyInfo) -> Option<&SetModel> {
        let bound = from.info.navigation_bindings.iter().find(|b| {
            b.path == navigation.name || b.path.rsplit_once('/').is_some_and(|(_, last)| last == navigation.name)
        });
        if let Some(binding) = bound {
            let target = binding.target.rsplit_once('/').map_or(binding.target, |(_, set)| set);
            return self.set_named(target);
        }
        let target_type = navigation.ty.type_info()?;
        let mut candidates = self.sets.iter().filter(|s| !s.singleton && target_type.is_or_derives_from(s.ty));
        let first = candidates.next()?;
        if candidates.next().is_some() { None } else { Some(first) }
    }
}
