//! Large lists of small objects resolved in one pass. async-graphql resolves every field
//! of every object as a future of its own; for the indicators (700 and more cells of eight
//! fields) that machinery was nine tenths of the request, and kept its latency above the
//! 10 ms target on a slow machine. A [`Projected`] list keeps the schema of its item type
//! but builds the response directly from the client's selection, read once up front.
//!
//! Only for plain data: every field a [`Projected`] type answers is computed already, with
//! no arguments, no errors and no access checks of its own.

use std::borrow::Cow;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::indexmap::IndexMap;
use async_graphql::parser::types::Field;
use async_graphql::registry::Registry;
use async_graphql::{
    ContextSelectionSet, Name, OutputType, Positioned, SelectionField, ServerResult, Value,
};

/// The fields a client selected on an object type, under their response keys (aliases
/// resolved, fragments expanded); nested objects carry their own selection.
#[derive(Debug, Default)]
pub struct Selection {
    fields: Vec<Selected>,
}

#[derive(Debug)]
struct Selected {
    key: Name,
    name: String,
    sub: Selection,
}

impl Selection {
    /// The selection under `field`.
    pub fn of(field: SelectionField<'_>) -> Self {
        Self {
            fields: field
                .selection_set()
                .map(|f| Selected {
                    key: Name::new(f.alias().unwrap_or(f.name())),
                    name: f.name().to_string(),
                    sub: Selection::of(f),
                })
                .collect(),
        }
    }

    /// `item` as the client asked for it.
    pub fn object<T: Projected>(&self, item: &T) -> Value {
        let mut out = IndexMap::with_capacity(self.fields.len());
        for f in &self.fields {
            let value = if f.name == "__typename" {
                Value::String(T::TYPE_NAME.to_string())
            } else {
                item.field(&f.name, &f.sub)
            };
            // The same response key twice: GraphQL merges the two selections.
            match (out.get_mut(&f.key), value) {
                (Some(Value::Object(earlier)), Value::Object(more)) => earlier.extend(more),
                (_, value) => {
                    out.insert(f.key.clone(), value);
                }
            }
        }
        Value::Object(out)
    }
}

/// An object type whose fields are all at hand.
pub trait Projected {
    /// The GraphQL type's name, for `__typename`.
    const TYPE_NAME: &'static str;

    /// The value of field `name`; `selection` is what the client selected under it when
    /// it is an object. Validation has checked that `name` is a field of the type.
    fn field(&self, name: &str, selection: &Selection) -> Value;
}

/// A list typed as `[S!]!` in the schema, resolved in one pass with `selection` from
/// items `T` (the schema's own type, or plain data the state keeps, which answers the
/// same fields).
pub struct ProjectedList<T, S = T> {
    items: Arc<Vec<T>>,
    selection: Selection,
    schema: PhantomData<fn() -> S>,
}

impl<T, S> ProjectedList<T, S> {
    /// `items` may be shared (kept between requests, see `at_checkpoint`).
    pub fn new(items: impl Into<Arc<Vec<T>>>, selection: Selection) -> Self {
        Self {
            items: items.into(),
            selection,
            schema: PhantomData,
        }
    }
}

impl<T: Projected + Send + Sync, S: OutputType> OutputType for ProjectedList<T, S> {
    fn type_name() -> Cow<'static, str> {
        <Vec<S> as OutputType>::type_name()
    }

    fn qualified_type_name() -> String {
        <Vec<S> as OutputType>::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        <Vec<S> as OutputType>::create_type_info(registry)
    }

    async fn resolve(
        &self,
        _ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        Ok(Value::List(
            self.items
                .iter()
                .map(|item| self.selection.object(item))
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::{
        Context, EmptyMutation, EmptySubscription, Enum, Object, Schema, SimpleObject,
    };

    #[derive(Enum, Copy, Clone, Eq, PartialEq)]
    enum Colour {
        DeepRed,
        Green,
    }

    #[derive(SimpleObject, Clone)]
    struct Place {
        code: String,
        name_ar: String,
    }

    #[derive(SimpleObject, Clone)]
    struct Cell {
        colour: Colour,
        place: Place,
        count: Option<i64>,
        hidden: bool,
    }

    impl Projected for Place {
        const TYPE_NAME: &'static str = "Place";
        fn field(&self, name: &str, _: &Selection) -> Value {
            match name {
                "code" => Value::String(self.code.clone()),
                "nameAr" => Value::String(self.name_ar.clone()),
                _ => Value::Null,
            }
        }
    }

    impl Projected for Cell {
        const TYPE_NAME: &'static str = "Cell";
        fn field(&self, name: &str, selection: &Selection) -> Value {
            use async_graphql::InputType;
            match name {
                "colour" => self.colour.to_value(),
                "place" => selection.object(&self.place),
                "count" => self.count.map_or(Value::Null, Value::from),
                "hidden" => Value::Boolean(self.hidden),
                _ => Value::Null,
            }
        }
    }

    fn cells() -> Vec<Cell> {
        (0..3)
            .map(|i| Cell {
                colour: if i % 2 == 0 {
                    Colour::DeepRed
                } else {
                    Colour::Green
                },
                place: Place {
                    code: format!("IQ-{i}"),
                    name_ar: "نينوى".into(),
                },
                count: (i > 0).then_some(i * 7),
                hidden: i == 0,
            })
            .collect()
    }

    struct Root;

    #[Object]
    impl Root {
        /// Resolved by async-graphql, field by field.
        async fn usual(&self) -> Vec<Cell> {
            cells()
        }

        /// Resolved in one pass.
        async fn projected(&self, ctx: &Context<'_>) -> ProjectedList<Cell> {
            ProjectedList::new(cells(), Selection::of(ctx.field()))
        }
    }

    /// Whatever the client selects, the one-pass list answers exactly what async-graphql
    /// would: aliases, fragments, `__typename`, repeated and skipped fields.
    #[tokio::test]
    async fn answers_exactly_as_field_by_field_resolution() {
        let schema = Schema::new(Root, EmptyMutation, EmptySubscription);
        for selection in [
            "{ colour count hidden place { code nameAr } }",
            "{ __typename c: count colour place { __typename code } }",
            "{ ...F place { nameAr } } fragment F on Cell { colour place { code } }",
            "{ ... on Cell { hidden } count @skip(if: true) colour @include(if: true) }",
            "{ place { code } place { nameAr code } count count }",
        ] {
            let run = |field: &str| {
                let (head, fragments) = selection
                    .split_once(" fragment")
                    .map_or((selection.to_string(), String::new()), |(h, f)| {
                        (h.to_string(), format!("fragment{f}"))
                    });
                format!("{{ list: {field} {head} }} {fragments}")
            };
            let usual = schema.execute(run("usual")).await;
            let projected = schema.execute(run("projected")).await;
            assert!(usual.errors.is_empty(), "{selection}: {:?}", usual.errors);
            assert!(
                projected.errors.is_empty(),
                "{selection}: {:?}",
                projected.errors
            );
            assert_eq!(
                serde_json::to_string(&projected.data).unwrap(),
                serde_json::to_string(&usual.data).unwrap(),
                "{selection}"
            );
        }
        // Both are the same type in the schema.
        let sdl = schema.sdl();
        assert!(
            sdl.contains("usual: [Cell!]!") && sdl.contains("projected: [Cell!]!"),
            "{sdl}"
        );
    }
}
