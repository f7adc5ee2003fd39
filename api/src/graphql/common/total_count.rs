//! The count every filtered connection carries beside its page.

use async_graphql::SimpleObject;

#[derive(SimpleObject)]
pub struct TotalCount {
    /// How many match the filters, on all pages.
    pub total_count: i64,
}
