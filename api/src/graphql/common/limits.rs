//! What a request may be before the engine parses, validates and runs it. Every request
//! over HTTP and graphql-ws passes here first, so that no document can make the server
//! recurse past its stack or spend more than a bounded time before it is refused.
//!
//! - **Parsing.** The engine's parser recurses on nested values with no limit of its own (a
//!   few kilobytes of `[[[[…` overflow the stack). The text is therefore first read by
//!   `apollo-parser`, a spec-conformant GraphQL parser built to face untrusted input, with a
//!   recursion limit (selection sets, values and types alike) and a token limit. Only a
//!   document it read whole, without a syntax error, reaches the engine; so the engine only
//!   parses what was proven shallow by the language's own lexical rules (`\r` ends a
//!   comment, as `\n` does), never by a tokenizer of ours.
//! - **Validation.** Some of the engine's rules walk fragments once per spread: thirty
//!   fragments that each spread the next twice make 2^30 steps from 1.3 KB. The selections
//!   a document stands for after its fragments are expanded are counted here once per
//!   fragment (memoised), and aliases are counted, before any rule runs.
//! - **Text.** Control characters have no place in any text a person types; NUL bytes are
//!   also refused by PostgreSQL. Every string in the variables and in the document's
//!   arguments is checked once here, for every field of every operation.

use std::collections::HashMap;

use async_graphql::parser::types::{
    ExecutableDocument, FragmentDefinition, Selection, SelectionSet,
};
use async_graphql::{Name, Positioned, Value as ConstValue};
use async_graphql_value::Value;

use crate::errors::{ApiError, Code};

/// The longest document accepted; the standard introspection query is about 3 KB.
pub const MAX_DOCUMENT_BYTES: usize = 32 * 1024;
/// Tokens of a document, whitespace and comments included.
pub const MAX_TOKENS: usize = 6_000;
/// Selection sets, lists, objects and wrapped types open at once.
pub const MAX_NESTING: usize = 64;
/// Selections after fragments are expanded; the introspection query stands for about 200.
pub const MAX_EXPANDED_SELECTIONS: usize = 2_000;
/// Aliased fields in one document.
pub const MAX_ALIASES: usize = 100;

/// Why a request is refused before it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    TooLarge,
    TooManyTokens,
    TooDeep,
    Syntax {
        detail: String,
    },
    TooManySelections,
    TooManyAliases,
    /// A fragment that spreads itself, directly or through others.
    FragmentCycle,
    /// A variable the operation requires (non-null, no default) that the request lacks.
    MissingVariable {
        name: String,
    },
    /// A control character in a text value; `field` names the argument or variable.
    ControlCharacter {
        field: String,
    },
}

impl Refusal {
    pub fn to_api_error(&self) -> ApiError {
        match self {
            Self::TooLarge => {
                ApiError::new(Code::Validation, "request.too_large").arg("max", MAX_DOCUMENT_BYTES)
            }
            Self::TooManyTokens => {
                ApiError::new(Code::Validation, "request.too_many_tokens").arg("max", MAX_TOKENS)
            }
            Self::TooDeep => {
                ApiError::new(Code::Validation, "request.too_deep").arg("max", MAX_NESTING)
            }
            Self::Syntax { detail } => {
                ApiError::new(Code::Validation, "request.syntax").arg("detail", detail)
            }
            Self::TooManySelections => ApiError::new(Code::Validation, "request.too_many_fields")
                .arg("max", MAX_EXPANDED_SELECTIONS),
            Self::TooManyAliases => {
                ApiError::new(Code::Validation, "request.too_many_aliases").arg("max", MAX_ALIASES)
            }
            Self::FragmentCycle => ApiError::new(Code::Validation, "request.fragment_cycle"),
            Self::MissingVariable { name } => {
                ApiError::validation("input.variable_missing", name).arg("name", name)
            }
            Self::ControlCharacter { field } => {
                ApiError::validation("input.control_character", field).arg("field", field)
            }
        }
    }
}

/// The text of a document: its size, tokens and nesting, read by the language's own rules.
pub fn admit_text(query: &str) -> Result<(), Refusal> {
    if query.len() > MAX_DOCUMENT_BYTES {
        return Err(Refusal::TooLarge);
    }
    let tree = apollo_parser::Parser::new(query)
        .recursion_limit(MAX_NESTING)
        .token_limit(MAX_TOKENS)
        .parse();
    let nesting = tree.recursion_limit();
    if nesting.high > nesting.limit {
        return Err(Refusal::TooDeep);
    }
    let tokens = tree.token_limit();
    if tokens.high > tokens.limit {
        return Err(Refusal::TooManyTokens);
    }
    if let Some(e) = tree.errors().next() {
        if e.is_limit() {
            return Err(if e.message().contains("token") {
                Refusal::TooManyTokens
            } else {
                Refusal::TooDeep
            });
        }
        let (line, column) = line_and_column(query, e.index());
        return Err(Refusal::Syntax {
            detail: format!("{} (line {line}, column {column})", e.message()),
        });
    }
    Ok(())
}

fn line_and_column(text: &str, index: usize) -> (usize, usize) {
    let before = text.get(..index).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The parsed document: what it stands for once fragments are expanded, its aliases, and
/// the text in its arguments.
pub fn admit_document(doc: &ExecutableDocument) -> Result<(), Refusal> {
    let mut counter = Expansion {
        fragments: &doc.fragments,
        sizes: HashMap::new(),
        aliases: 0,
        cycle: false,
    };
    let mut total = 0usize;
    for (_, op) in doc.operations.iter() {
        total = total.saturating_add(counter.selections(&op.node.selection_set.node));
        for var in &op.node.variable_definitions {
            if let Some(default) = &var.node.default_value {
                check_const(&default.node, var.node.name.node.as_str())?;
            }
        }
        texts_in(&op.node.selection_set.node)?;
    }
    for (name, fragment) in &doc.fragments {
        // Fragments no operation spreads are still validated by the engine.
        total = total.saturating_add(counter.fragment(name.as_str()));
        texts_in(&fragment.node.selection_set.node)?;
    }
    // The engine's own cycle rule runs too late: its directive count (`limit_directives`)
    // follows spreads with no memory of where it has been, and recursed until the stack
    // overflowed.
    if counter.cycle {
        return Err(Refusal::FragmentCycle);
    }
    if counter.aliases > MAX_ALIASES {
        return Err(Refusal::TooManyAliases);
    }
    if total > MAX_EXPANDED_SELECTIONS {
        return Err(Refusal::TooManySelections);
    }
    Ok(())
}

struct Expansion<'a> {
    fragments: &'a HashMap<Name, Positioned<FragmentDefinition>>,
    /// Selections each fragment stands for; `None` while it is being counted.
    sizes: HashMap<&'a str, Option<usize>>,
    aliases: usize,
    /// A fragment was reached again while it was being counted.
    cycle: bool,
}

impl<'a> Expansion<'a> {
    fn selections(&mut self, set: &'a SelectionSet) -> usize {
        let mut n = 0usize;
        for item in &set.items {
            let more = match &item.node {
                Selection::Field(field) => {
                    if field.node.alias.is_some() {
                        self.aliases += 1;
                    }
                    1usize.saturating_add(self.selections(&field.node.selection_set.node))
                }
                // A spread and an inline fragment are work of their own for the engine, whatever
                // they hold: a fragment of nothing but spreads (to itself, to fragments not
                // defined) must not count as nothing.
                Selection::InlineFragment(inline) => {
                    1usize.saturating_add(self.selections(&inline.node.selection_set.node))
                }
                Selection::FragmentSpread(spread) => {
                    1usize.saturating_add(self.fragment(spread.node.fragment_name.node.as_str()))
                }
            };
            n = n.saturating_add(more);
            if n > MAX_EXPANDED_SELECTIONS {
                return n;
            }
        }
        n
    }

    /// What the fragment `name` stands for, counted once however often it is spread.
    fn fragment(&mut self, name: &'a str) -> usize {
        match self.sizes.get(name) {
            Some(Some(size)) => return *size,
            Some(None) => {
                self.cycle = true;
                return 0;
            }
            None => {}
        }
        let Some(fragment) = self.fragments.get(name) else {
            return 0;
        };
        self.sizes.insert(name, None);
        let size = self.selections(&fragment.node.selection_set.node);
        self.sizes.insert(name, Some(size));
        size
    }
}

/// Strings written in the document's arguments and directives.
fn texts_in(set: &SelectionSet) -> Result<(), Refusal> {
    for item in &set.items {
        for directive in item.node.directives() {
            for (name, value) in &directive.node.arguments {
                check_value(&value.node, name.node.as_str())?;
            }
        }
        match &item.node {
            Selection::Field(field) => {
                for (name, value) in &field.node.arguments {
                    check_value(&value.node, name.node.as_str())?;
                }
                texts_in(&field.node.selection_set.node)?;
            }
            Selection::InlineFragment(inline) => texts_in(&inline.node.selection_set.node)?,
            Selection::FragmentSpread(_) => {}
        }
    }
    Ok(())
}

fn check_value(value: &Value, field: &str) -> Result<(), Refusal> {
    match value {
        Value::String(s) => check_text(s, field),
        Value::List(items) => items.iter().try_for_each(|v| check_value(v, field)),
        Value::Object(fields) => fields
            .iter()
            .try_for_each(|(name, v)| check_value(v, name.as_str())),
        _ => Ok(()),
    }
}

fn check_const(value: &ConstValue, field: &str) -> Result<(), Refusal> {
    use ConstValue as C;
    match value {
        C::String(s) => check_text(s, field),
        C::List(items) => items.iter().try_for_each(|v| check_const(v, field)),
        C::Object(fields) => fields
            .iter()
            .try_for_each(|(name, v)| check_const(v, name.as_str())),
        _ => Ok(()),
    }
}

/// Every string of the request's variables, at any depth.
pub fn admit_variables(variables: &async_graphql::Variables) -> Result<(), Refusal> {
    for (name, value) in variables.iter() {
        check_const(value, name.as_str())?;
    }
    Ok(())
}

/// Tab, line feed and carriage return belong in multi-line notes; no other control
/// character belongs in text a person enters.
pub fn is_refused_character(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn check_text(s: &str, field: &str) -> Result<(), Refusal> {
    if s.chars().any(is_refused_character) {
        return Err(Refusal::ControlCharacter {
            field: field.to_string(),
        });
    }
    Ok(())
}

/// Every variable the operation requires is given. The engine coerces variables as each
/// field runs, so an operation of several root fields would otherwise run the first before
/// the second finds its variable missing; the specification makes that a request error.
pub fn admit_required_variables(
    op: &async_graphql::parser::types::OperationDefinition,
    variables: &async_graphql::Variables,
) -> Result<(), Refusal> {
    for def in &op.variable_definitions {
        let def = &def.node;
        let given = variables
            .get(def.name.node.as_str())
            .is_some_and(|v| *v != ConstValue::Null);
        if !def.var_type.node.nullable && def.default_value.is_none() && !given {
            return Err(Refusal::MissingVariable {
                name: def.name.node.to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> ExecutableDocument {
        async_graphql::parser::parse_query(q).expect("parses")
    }

    #[test]
    fn ordinary_documents_pass() {
        for q in [
            "{ organizations(first: 5) { totalCount edges { node { id nameAr } } } }",
            "query($id: ID!) { referral(id: $id) { id status needs { category } } }",
            "mutation { login(username: \"admin\", password: \"x\") { sessionToken } }",
            "# a comment\r\n{ viewer { id } }",
            "{ a: viewer { id } b: viewer { id } }",
        ] {
            assert_eq!(admit_text(q), Ok(()), "{q}");
            assert_eq!(admit_document(&parse(q)), Ok(()), "{q}");
        }
    }

    #[test]
    fn a_deep_list_after_a_comment_ended_by_a_carriage_return_is_refused() {
        // `\r` ends a comment for the GraphQL grammar: the list is live, 5,000 deep.
        let q = format!(
            "{{ organizations(search: #\r{}\"x\"{}) {{ totalCount }} }}",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        assert_eq!(admit_text(&q), Err(Refusal::TooDeep));
        let q = format!("{}{}", "{ a ".repeat(200), "}".repeat(200));
        assert_eq!(admit_text(&q), Err(Refusal::TooDeep));
        let q = format!(
            "query($v: {}String{}) {{ a }}",
            "[".repeat(200),
            "]".repeat(200)
        );
        assert_eq!(admit_text(&q), Err(Refusal::TooDeep));
    }

    #[test]
    fn brackets_inside_strings_and_comments_are_not_nesting() {
        let q = format!(
            "{{ a(s: \"{}\") # {}\n b(s: \"\"\"{}\"\"\") }}",
            "[".repeat(500),
            "{".repeat(500),
            "(".repeat(500)
        );
        assert_eq!(admit_text(&q), Ok(()));
    }

    #[test]
    fn huge_and_token_heavy_documents_are_refused() {
        let q = format!("{{ a(s: \"{}\") }}", "x".repeat(MAX_DOCUMENT_BYTES));
        assert_eq!(admit_text(&q), Err(Refusal::TooLarge));
        let q = format!("{{ {} }}", "a ".repeat(MAX_TOKENS));
        assert_eq!(admit_text(&q), Err(Refusal::TooManyTokens));
    }

    #[test]
    fn syntax_errors_are_refused_with_their_place() {
        match admit_text("{ referral(id: ") {
            Err(Refusal::Syntax { detail }) => assert!(detail.contains("line 1"), "{detail}"),
            other => panic!("{other:?}"),
        }
    }

    /// `operation`, then the fragments F0 to F{n-1}, each spreading the next `spreads`
    /// times, and F{n}, which selects `last`.
    fn fragment_chain(operation: &str, n: usize, spreads: usize, last: &str) -> String {
        let mut q = format!("{operation}\n");
        for i in 0..n {
            let next = format!(" ...F{}", i + 1).repeat(spreads);
            q.push_str(&format!("fragment F{i} on QueryRoot {{{next} }}\n"));
        }
        q.push_str(&format!("fragment F{n} on QueryRoot {{ {last} }}\n"));
        q
    }

    #[test]
    fn fragments_spreading_each_other_twice_are_counted_once_each() {
        let q = fragment_chain("query { ...F0 }", 30, 2, "__typename");
        assert_eq!(admit_text(&q), Ok(()));
        let started = std::time::Instant::now();
        assert_eq!(admit_document(&parse(&q)), Err(Refusal::TooManySelections));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        // Seven levels stand for a few hundred selections: within the limit.
        let q = fragment_chain("query { ...F0 }", 7, 2, "__typename");
        assert_eq!(admit_document(&parse(&q)), Ok(()));
    }

    #[test]
    fn fragments_of_nothing_but_spreads_still_count() {
        // Each fragment spreads the next four times; the last spreads one never defined.
        let q = fragment_chain("{ ...F0 }", 14, 4, "...Nope");
        assert_eq!(admit_document(&parse(&q)), Err(Refusal::TooManySelections));
    }

    #[test]
    fn fragment_cycles_are_refused_without_looping() {
        for q in [
            "fragment A on QueryRoot { ...B } fragment B on QueryRoot { ...A } { ...A }",
            "fragment A on QueryRoot { x { ...A } } { ...A }",
            "fragment A on QueryRoot { ...A } { __typename }",
        ] {
            assert_eq!(
                admit_document(&parse(q)),
                Err(Refusal::FragmentCycle),
                "{q}"
            );
        }
    }

    #[test]
    fn too_many_aliases_are_refused() {
        let q = format!(
            "{{ {} }}",
            (0..=MAX_ALIASES)
                .map(|i| format!("a{i}: __typename"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert_eq!(admit_document(&parse(&q)), Err(Refusal::TooManyAliases));
    }

    #[test]
    fn control_characters_are_refused_in_arguments_and_variables_but_not_tabs_or_newlines() {
        let q = "{ organizations(search: \"a\\u0000b\") { totalCount } }";
        assert_eq!(
            admit_document(&parse(q)),
            Err(Refusal::ControlCharacter {
                field: "search".into()
            })
        );
        let q = "mutation { createReferral(input: { district: \"x\\u0007\" }) { id } }";
        assert_eq!(
            admit_document(&parse(q)),
            Err(Refusal::ControlCharacter {
                field: "district".into()
            })
        );
        let vars = async_graphql::Variables::from_json(serde_json::json!({
            "input": { "notes": "line one\nline two\tand a tab" }
        }));
        assert_eq!(admit_variables(&vars), Ok(()));
        let vars = async_graphql::Variables::from_json(serde_json::json!({
            "input": { "personal": { "fullName": ["ok", "nul\u{0}"] } }
        }));
        assert_eq!(
            admit_variables(&vars),
            Err(Refusal::ControlCharacter {
                field: "fullName".into()
            })
        );
    }
}
