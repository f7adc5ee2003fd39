//! The specification's handling of field errors, which the engine does not follow.
//!
//! async-graphql 7.2 leaves a field that errors out of `data` (`do_resolve_container` adds
//! the error and drops the key), and an error in a non-null field does not null its
//! parent. Clients generated from the schema then read a missing key, or a non-null field
//! that is absent. Here, after execution, each field error's place is set to `null`, and
//! the `null` moves up to the nearest nullable ancestor (or `data` itself), as the
//! specification's "Handling Field Errors" says. The types come from the schema's own SDL,
//! read once; the response keys are matched to fields through the executed document.
//! (An engine defect worth reporting upstream: `do_resolve_container` in
//! `resolver_utils/container.rs`.)

use std::collections::HashMap;

use async_graphql::parser::types::{
    BaseType, ExecutableDocument, OperationType, Selection, SelectionSet, Type, TypeKind,
    TypeSystemDefinition,
};
use async_graphql::{PathSegment, Value};

use super::documents::chosen_operation;

/// Field types by object (and interface) type, from the SDL.
pub struct FieldTypes {
    fields: HashMap<String, HashMap<String, Type>>,
    roots: [String; 3],
}

impl FieldTypes {
    pub fn from_sdl(sdl: &str) -> Self {
        let mut fields: HashMap<String, HashMap<String, Type>> = HashMap::new();
        let mut roots = [
            "Query".to_string(),
            "Mutation".to_string(),
            "Subscription".to_string(),
        ];
        if let Ok(doc) = async_graphql::parser::parse_schema(sdl) {
            for def in doc.definitions {
                match def {
                    TypeSystemDefinition::Schema(s) => {
                        let s = s.node;
                        for (slot, name) in [s.query, s.mutation, s.subscription]
                            .into_iter()
                            .enumerate()
                        {
                            if let Some(name) = name {
                                roots[slot] = name.node.to_string();
                            }
                        }
                    }
                    TypeSystemDefinition::Type(t) => {
                        let t = t.node;
                        let defs = match t.kind {
                            TypeKind::Object(o) => o.fields,
                            TypeKind::Interface(i) => i.fields,
                            _ => continue,
                        };
                        let map = fields.entry(t.name.node.to_string()).or_default();
                        for f in defs {
                            map.insert(f.node.name.node.to_string(), f.node.ty.node);
                        }
                    }
                    TypeSystemDefinition::Directive(_) => {}
                }
            }
        }
        Self { fields, roots }
    }

    /// Nulls each errored field and carries the `null` up past non-null fields.
    pub fn apply(
        &self,
        doc: &ExecutableDocument,
        operation_name: Option<&str>,
        response: &mut async_graphql::Response,
    ) {
        if response.errors.iter().all(|e| e.path.is_empty()) {
            return;
        }
        let Some(op) = chosen_operation(doc, operation_name) else {
            return;
        };
        let (kind, set) = (op.ty, &op.selection_set.node);
        let root = &self.roots[match kind {
            OperationType::Query => 0,
            OperationType::Mutation => 1,
            OperationType::Subscription => 2,
        }];
        let paths: Vec<Vec<PathSegment>> = response
            .errors
            .iter()
            .filter(|e| !e.path.is_empty())
            .map(|e| e.path.clone())
            .collect();
        for path in paths {
            let nullable = self.nullability(doc, root, set, &path);
            // The deepest place on the path that may be null takes the null. When the engine
            // left out a place above it (a list whose item failed goes whole), the null goes
            // to the deepest nullable place above the gap.
            let mut upto = path.len();
            loop {
                match nullable[..upto].iter().rposition(|n| *n) {
                    Some(i) => match set_null(&mut response.data, &path[..=i]) {
                        Ok(()) => break,
                        Err(Gap::Missing(at)) => upto = at + 1,
                        Err(Gap::AlreadyNull) => break,
                    },
                    None => {
                        response.data = Value::Null;
                        break;
                    }
                }
            }
        }
    }

    /// Whether each place along `path` may be null; places the schema does not name
    /// (introspection) are taken as nullable.
    fn nullability(
        &self,
        doc: &ExecutableDocument,
        root: &str,
        set: &SelectionSet,
        path: &[PathSegment],
    ) -> Vec<bool> {
        let mut out = Vec::with_capacity(path.len());
        let mut type_name = root.to_string();
        let mut sets: Vec<&SelectionSet> = vec![set];
        let mut current: Option<Type> = None;
        for segment in path {
            match segment {
                PathSegment::Field(key) => {
                    let mut found = Vec::new();
                    for s in &sets {
                        collect_fields(doc, s, key, &mut found);
                    }
                    let Some(field) = found.first() else {
                        out.push(true);
                        current = None;
                        continue;
                    };
                    let ty = self
                        .fields
                        .get(&type_name)
                        .and_then(|f| f.get(field.0))
                        .cloned();
                    out.push(ty.as_ref().is_none_or(|t| t.nullable));
                    sets = found.iter().map(|(_, s)| *s).collect();
                    current = ty;
                }
                PathSegment::Index(_) => {
                    let inner = match current.as_ref().map(|t| &t.base) {
                        Some(BaseType::List(inner)) => Some((**inner).clone()),
                        _ => None,
                    };
                    out.push(inner.as_ref().is_none_or(|t| t.nullable));
                    current = inner;
                }
            }
            if let Some(Type {
                base: BaseType::Named(name),
                ..
            }) = &current
            {
                type_name = name.to_string();
            }
        }
        out
    }
}

/// The fields of `set` (through fragments) answered under the response key `key`: their
/// names and selection sets.
fn collect_fields<'a>(
    doc: &'a ExecutableDocument,
    set: &'a SelectionSet,
    key: &str,
    out: &mut Vec<(&'a str, &'a SelectionSet)>,
) {
    for item in &set.items {
        match &item.node {
            Selection::Field(f) => {
                if f.node.response_key().node.as_str() == key {
                    out.push((f.node.name.node.as_str(), &f.node.selection_set.node));
                }
            }
            Selection::InlineFragment(i) => {
                collect_fields(doc, &i.node.selection_set.node, key, out)
            }
            Selection::FragmentSpread(s) => {
                if let Some(f) = doc.fragments.get(&s.node.fragment_name.node) {
                    collect_fields(doc, &f.node.selection_set.node, key, out);
                }
            }
        }
    }
}

/// Why a null could not be put in its place.
enum Gap {
    /// The place at this index of the path is absent (the engine left it out).
    Missing(usize),
    /// An ancestor is null already (from another error): nothing to do.
    AlreadyNull,
}

/// Sets the value at `path` to null, inserting the key when the engine left the field
/// itself out.
fn set_null(data: &mut Value, path: &[PathSegment]) -> Result<(), Gap> {
    let Some((last, parents)) = path.split_last() else {
        *data = Value::Null;
        return Ok(());
    };
    let mut at = data;
    for (i, segment) in parents.iter().enumerate() {
        at = match (segment, at) {
            (_, Value::Null) => return Err(Gap::AlreadyNull),
            (PathSegment::Field(k), Value::Object(map)) => match map.get_mut(k.as_str()) {
                Some(v) => v,
                None => return Err(Gap::Missing(i)),
            },
            (PathSegment::Index(n), Value::List(list)) => match list.get_mut(*n) {
                Some(v) => v,
                None => return Err(Gap::Missing(i)),
            },
            _ => return Err(Gap::Missing(i)),
        };
    }
    match (last, at) {
        (_, Value::Null) => Err(Gap::AlreadyNull),
        (PathSegment::Field(k), Value::Object(map)) => {
            map.insert(async_graphql::Name::new(k), Value::Null);
            Ok(())
        }
        (PathSegment::Index(n), Value::List(list)) => match list.get_mut(*n) {
            Some(v) => {
                *v = Value::Null;
                Ok(())
            }
            None => Err(Gap::Missing(parents.len())),
        },
        _ => Err(Gap::Missing(parents.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::ServerError;

    const SDL: &str = "
        type Query { viewer: Viewer referral(id: ID!): Referral must: Viewer! list: [Item!] }
        type Viewer { username: String! }
        type Referral { id: ID! timeline: [String!]! note: String }
        type Item { name: String! }
        schema { query: Query }";

    fn run(query: &str, data: serde_json::Value, errors: &[&[PathSegment]]) -> serde_json::Value {
        let types = FieldTypes::from_sdl(SDL);
        let doc = async_graphql::parser::parse_query(query).expect("parses");
        let mut response =
            async_graphql::Response::new(Value::from_json(data).expect("json value"));
        for path in errors {
            let mut e = ServerError::new("failed", None);
            e.path = path.to_vec();
            response.errors.push(e);
        }
        types.apply(&doc, None, &mut response);
        response.data.into_json().expect("json")
    }

    fn f(k: &str) -> PathSegment {
        PathSegment::Field(k.into())
    }

    #[test]
    fn a_nullable_field_that_errors_is_null_beside_its_siblings() {
        let out = run(
            r#"{ viewer { username } referral(id: "x") { id } }"#,
            serde_json::json!({"viewer": {"username": "admin"}}),
            &[&[f("referral")]],
        );
        assert_eq!(
            out,
            serde_json::json!({"viewer": {"username": "admin"}, "referral": null})
        );
    }

    #[test]
    fn an_error_in_a_non_null_field_nulls_the_nearest_nullable_parent() {
        let out = run(
            r#"{ viewer { username } r: referral(id: "x") { id timeline } }"#,
            serde_json::json!({"viewer": {"username": "admin"}, "r": {"id": "x"}}),
            &[&[f("r"), f("timeline")]],
        );
        assert_eq!(
            out,
            serde_json::json!({"viewer": {"username": "admin"}, "r": null})
        );
        let out = run(
            "{ list { name } }",
            serde_json::json!({"list": [{"name": "a"}, {}]}),
            &[&[f("list"), PathSegment::Index(1), f("name")]],
        );
        assert_eq!(out, serde_json::json!({"list": null}));
        // The engine left the whole list out: the null lands on the list.
        let out = run(
            "{ viewer { username } list { name } }",
            serde_json::json!({"viewer": {"username": "admin"}}),
            &[&[f("list"), PathSegment::Index(1), f("name")]],
        );
        assert_eq!(
            out,
            serde_json::json!({"viewer": {"username": "admin"}, "list": null})
        );
    }

    #[test]
    fn an_error_in_a_non_null_root_field_nulls_data() {
        let out = run(
            "{ viewer { username } must { username } }",
            serde_json::json!({"viewer": {"username": "admin"}}),
            &[&[f("must")]],
        );
        assert_eq!(out, serde_json::Value::Null);
    }

    #[test]
    fn fields_reached_through_fragments_are_typed_too() {
        let out = run(
            r#"query { ...Q } fragment Q on Query { referral(id: "x") { ... on Referral { timeline } note } }"#,
            serde_json::json!({"referral": {"note": "n"}}),
            &[&[f("referral"), f("timeline")]],
        );
        assert_eq!(out, serde_json::json!({"referral": null}));
    }
}
