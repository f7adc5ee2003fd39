//! Refuses documents nested deeper than any real query before the GraphQL parser sees
//! them. The parser limits selection depth only after parsing, and parsing itself recurses
//! on nested values: a few kilobytes of `[[[[…` would otherwise overflow the stack.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{ServerError, ServerResult, Variables};

/// Brackets, braces and parentheses open at once; real queries stay far below this.
pub const MAX_NESTING: usize = 64;

/// The deepest nesting of `{`, `[` and `(` outside strings and comments.
pub fn nesting_depth(document: &str) -> usize {
    let bytes = document.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' | b'(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    deepest
}

/// The refusal of a document nested deeper than [`MAX_NESTING`], before it is parsed
/// (the parser recurses per level and overflows the stack some thousands deep).
pub fn refuse_deep(query: &str) -> Option<async_graphql::Response> {
    (nesting_depth(query) > MAX_NESTING)
        .then(|| async_graphql::Response::from_errors(vec![ServerError::new(too_deep(), None)]))
}

fn too_deep() -> String {
    format!("The document is nested more than {MAX_NESTING} levels deep.")
}

pub struct NestingLimit;

impl ExtensionFactory for NestingLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(NestingLimitExtension)
    }
}

struct NestingLimitExtension;

#[async_trait::async_trait]
impl Extension for NestingLimitExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        if nesting_depth(query) > MAX_NESTING {
            return Err(ServerError::new(too_deep(), None));
        }
        next.run(ctx, query, variables).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_brackets_outside_strings_and_comments() {
        assert_eq!(nesting_depth("{ a { b(x: [1, [2]]) } }"), 5);
        assert_eq!(nesting_depth("{ a(s: \"[[[[[[\") }"), 2);
        assert_eq!(nesting_depth("# {{{{{{{{\n{ a }"), 1);
        assert_eq!(nesting_depth("{ a(s: \"\"\" {{{{ \"\"\") }"), 2);
        assert_eq!(nesting_depth(&"[".repeat(5000)), 5000);
    }

    #[test]
    fn deep_documents_are_refused_with_an_error_and_shallow_ones_pass() {
        assert!(refuse_deep("{ organizations { totalCount } }").is_none());
        let deep = format!("{{ a(x: {}1{}) }}", "[".repeat(100), "]".repeat(100));
        let refused = refuse_deep(&deep).expect("refused");
        assert_eq!(refused.errors.len(), 1);
        assert!(refused.errors[0].message.contains("64"));
    }
}
