//! Parsed documents, kept by their text. Clients send the same few documents over and
//! over with different variables; parsing one is a good part of the CPU time of a small
//! mutation (measured: 7 % of `sanad serve` under the referral benchmark), copying the
//! parsed tree much less. Validation still runs on every request, since it depends on the
//! variables.

use std::sync::Mutex;

use async_graphql::parser::types::ExecutableDocument;
use hashlink::LruCache;

/// Distinct documents kept; a client's whole set of queries fits many times over.
const CAPACITY: usize = 512;
/// Longer documents are parsed each time, so that odd requests cannot fill memory.
const MAX_CACHED_CHARS: usize = 8 * 1024;

pub struct DocumentCache {
    documents: Mutex<LruCache<String, ExecutableDocument>>,
}

impl Default for DocumentCache {
    fn default() -> Self {
        Self {
            documents: Mutex::new(LruCache::new(CAPACITY)),
        }
    }
}

impl DocumentCache {
    /// Gives `request` its parsed document, from the cache or parsed now. A document that
    /// does not parse is left to the engine, which answers with the parser's error.
    pub fn prepare(&self, request: &mut async_graphql::Request) {
        if request.query.len() > MAX_CACHED_CHARS {
            return;
        }
        let cached = self.lock().get(&request.query).cloned();
        match cached {
            Some(document) => request.set_parsed_query(document),
            None => {
                if let Ok(document) = request.parsed_query() {
                    let document = document.clone();
                    self.lock().insert(request.query.clone(), document);
                }
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<String, ExecutableDocument>> {
        // Entries go in and out whole; a poisoned lock holds nothing half-done.
        self.documents.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_parsed_once_and_its_copy_is_the_same() {
        let cache = DocumentCache::default();
        let query = "query($id: ID!) { referral(id: $id) { id status } }";
        let mut first = async_graphql::Request::new(query);
        cache.prepare(&mut first);
        assert_eq!(cache.lock().len(), 1);
        let mut second = async_graphql::Request::new(query);
        cache.prepare(&mut second);
        assert_eq!(cache.lock().len(), 1);
        let parsed = format!("{:?}", first.parsed_query().expect("parsed"));
        let copied = format!("{:?}", second.parsed_query().expect("from the cache"));
        assert_eq!(parsed, copied);
    }

    #[test]
    fn broken_and_huge_documents_are_not_kept() {
        let cache = DocumentCache::default();
        let mut broken = async_graphql::Request::new("{ referral(id: ");
        cache.prepare(&mut broken);
        let huge = format!("{{ {} }}", "__typename ".repeat(MAX_CACHED_CHARS));
        let mut big = async_graphql::Request::new(huge);
        cache.prepare(&mut big);
        assert_eq!(cache.lock().len(), 0);
    }
}
