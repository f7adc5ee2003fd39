//! Parsed documents, kept by their text, and whether each has passed the full validation.
//!
//! Clients send the same few documents over and over with different variables; parsing one
//! is a good part of the CPU time of a small mutation (measured: 7 % of `sanad serve` under
//! the referral benchmark), copying the parsed tree much less. The full validation (every
//! rule of the GraphQL specification) then took another 7.5 %, though all but one of its
//! rules read only the document and the schema, which do not change while the process
//! runs. So a document that has passed it once runs with the engine's fast validation
//! (cycles, depth and complexity) from then on: 3–14 % less CPU of `sanad serve` per
//! referral command in four alternating runs at 32 clients. The one rule that reads the
//! variables, the types of the values they carry, is then checked where the engine parses
//! each argument, and its errors are still the request's fault (see `http::with_codes`).

use std::sync::Mutex;

use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, OperationDefinition};
use hashlink::LruCache;

/// Distinct documents kept; a client's whole set of queries fits many times over.
const CAPACITY: usize = 512;
/// Longer documents are parsed each time, so that odd requests cannot fill memory.
const MAX_CACHED_CHARS: usize = 8 * 1024;

struct Entry {
    document: ExecutableDocument,
    /// It passed the full validation once.
    validated: bool,
}

pub struct DocumentCache {
    documents: Mutex<LruCache<String, Entry>>,
}

impl Default for DocumentCache {
    fn default() -> Self {
        Self {
            documents: Mutex::new(LruCache::new(CAPACITY)),
        }
    }
}

/// What the cache knew of a request's document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// Passed the full validation before: the fast one suffices.
    Validated,
    /// Not yet validated (new, failed before, or too long to keep).
    Unvalidated,
}

impl DocumentCache {
    /// Gives `request` its parsed document, from the cache or parsed now, and tells
    /// whether the document has passed the full validation before. A document not kept yet
    /// is first shown to `admit_text` (before it is parsed) and then, parsed, to
    /// `admit_document`; one they refuse is not kept, and the refusal is the answer. A
    /// kept document passed both when it was kept, so they run once per distinct
    /// document. A document that does not parse is left to the engine, which answers with
    /// the parser's error.
    pub fn prepare<E>(
        &self,
        request: &mut async_graphql::Request,
        admit_text: impl FnOnce(&str) -> Result<(), E>,
        admit_document: impl FnOnce(&ExecutableDocument) -> Result<(), E>,
    ) -> Result<Known, E> {
        if request.query.len() > MAX_CACHED_CHARS {
            admit_text(&request.query)?;
            if let Ok(document) = request.parsed_query() {
                admit_document(document)?;
            }
            return Ok(Known::Unvalidated);
        }
        let cached = self
            .lock()
            .get(&request.query)
            .map(|e| (e.document.clone(), e.validated));
        if let Some((document, validated)) = cached {
            request.set_parsed_query(document);
            return Ok(if validated {
                Known::Validated
            } else {
                Known::Unvalidated
            });
        }
        admit_text(&request.query)?;
        if let Ok(document) = request.parsed_query() {
            admit_document(document)?;
            let document = document.clone();
            self.lock().insert(
                request.query.clone(),
                Entry {
                    document,
                    validated: false,
                },
            );
        }
        Ok(Known::Unvalidated)
    }

    /// Records that `query` passed the full validation (an answer of the strict schema
    /// without a request-level error).
    pub fn passed(&self, query: &str) {
        if let Some(entry) = self.lock().get_mut(query) {
            entry.validated = true;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<String, Entry>> {
        // Entries go in and out whole; a poisoned lock holds nothing half-done.
        self.documents.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The operation a request runs, if its document names one clearly.
pub fn chosen_operation<'a>(
    doc: &'a ExecutableDocument,
    name: Option<&str>,
) -> Option<&'a OperationDefinition> {
    match (&doc.operations, name) {
        (DocumentOperations::Single(op), _) => Some(&op.node),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name).map(|o| &o.node),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => {
            ops.values().next().map(|o| &o.node)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl DocumentCache {
        fn prepare_any(&self, request: &mut async_graphql::Request) -> Known {
            let admitted: Result<Known, ()> = self.prepare(request, |_| Ok(()), |_| Ok(()));
            admitted.expect("admitted")
        }
    }

    #[test]
    fn a_refused_document_is_not_kept_and_a_kept_one_is_not_checked_again() {
        let cache = DocumentCache::default();
        let query = "{ viewer { id } }";
        let refused: Result<Known, &str> = cache.prepare(
            &mut async_graphql::Request::new(query),
            |_| Err("no"),
            |_| Ok(()),
        );
        assert_eq!(refused, Err("no"));
        let refused: Result<Known, &str> = cache.prepare(
            &mut async_graphql::Request::new(query),
            |_| Ok(()),
            |_| Err("no"),
        );
        assert_eq!(refused, Err("no"));
        assert_eq!(cache.lock().len(), 0);
        assert_eq!(
            cache.prepare_any(&mut async_graphql::Request::new(query)),
            Known::Unvalidated
        );
        let again: Result<Known, &str> = cache.prepare(
            &mut async_graphql::Request::new(query),
            |_| Err("checked again"),
            |_| Err("checked again"),
        );
        assert_eq!(again, Ok(Known::Unvalidated));
    }

    #[test]
    fn a_document_is_parsed_once_and_its_copy_is_the_same() {
        let cache = DocumentCache::default();
        let query = "query($id: ID!) { referral(id: $id) { id status } }";
        let mut first = async_graphql::Request::new(query);
        cache.prepare_any(&mut first);
        assert_eq!(cache.lock().len(), 1);
        let mut second = async_graphql::Request::new(query);
        cache.prepare_any(&mut second);
        assert_eq!(cache.lock().len(), 1);
        let parsed = format!("{:?}", first.parsed_query().expect("parsed"));
        let copied = format!("{:?}", second.parsed_query().expect("from the cache"));
        assert_eq!(parsed, copied);
    }

    #[test]
    fn broken_and_huge_documents_are_not_kept() {
        let cache = DocumentCache::default();
        let mut broken = async_graphql::Request::new("{ referral(id: ");
        cache.prepare_any(&mut broken);
        let huge = format!("{{ {} }}", "__typename ".repeat(MAX_CACHED_CHARS));
        let mut big = async_graphql::Request::new(huge);
        cache.prepare_any(&mut big);
        assert_eq!(cache.lock().len(), 0);
    }

    #[test]
    fn a_document_is_known_valid_only_after_it_passed() {
        let cache = DocumentCache::default();
        let query = "query($id: ID!) { referral(id: $id) { id } }";
        let request = || async_graphql::Request::new(query);
        assert_eq!(cache.prepare_any(&mut request()), Known::Unvalidated);
        assert_eq!(cache.prepare_any(&mut request()), Known::Unvalidated);
        cache.passed(query);
        assert_eq!(cache.prepare_any(&mut request()), Known::Validated);
        // A document never kept cannot be marked.
        cache.passed("{ viewer { id } }");
        assert_eq!(
            cache.prepare_any(&mut async_graphql::Request::new("{ viewer { id } }")),
            Known::Unvalidated
        );
    }
}
