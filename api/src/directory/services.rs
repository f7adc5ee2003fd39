//! What the directory's reads share across requests.

use sqlx::PgPool;
use store::batch::Batched;
use store::HeldConnection;

use super::offered::ServicesLookup;
use crate::by_id::ById;
use projections::models::directory::{OrganizationRecord, ORGANIZATION_COLUMNS};

#[derive(Clone)]
pub struct DirectoryServices {
    /// Organisations' services, batched across concurrent requests (a directory page's
    /// twenty at once).
    pub services: Batched<ServicesLookup>,
    /// Organisations by id (boards' offices and providers, answers to organisation
    /// mutations), batched likewise.
    pub organizations: Batched<ById<OrganizationRecord>>,
}

impl DirectoryServices {
    pub fn new(pool: &PgPool) -> Self {
        Self {
            services: Batched::new(ServicesLookup {
                conn: HeldConnection::new(pool.clone()),
            }),
            organizations: Batched::new(ById::new(
                pool.clone(),
                "organizations",
                ORGANIZATION_COLUMNS,
                |row| Ok(OrganizationRecord::from_row(row)?),
                |o| o.id,
            )),
        }
    }
}
