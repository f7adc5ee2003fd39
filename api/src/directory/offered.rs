//! Organisations' services, batched across concurrent resolutions (`store::batch`): a
//! directory page asks for the services of its twenty organisations at once, which took
//! twenty statements (and as many pool round trips) before.

use std::collections::HashMap;

use domain::values::{Governorate, ServiceCategory};
use store::batch::Lookup;
use store::HeldConnection;
use uuid::Uuid;

/// A service an organisation offers, as the directory read model keeps it.
#[derive(Clone, Debug)]
pub struct ServiceRecord {
    pub category: ServiceCategory,
    pub governorates: Vec<Governorate>,
    pub monthly_capacity: i32,
}

pub struct ServicesLookup {
    pub conn: HeldConnection,
}

impl Lookup for ServicesLookup {
    type Key = Uuid;
    type Value = Vec<ServiceRecord>;

    async fn fetch(
        &self,
        keys: Vec<Uuid>,
    ) -> Result<HashMap<Uuid, Vec<ServiceRecord>>, sqlx::Error> {
        let mut conn = self.conn.get().await?;
        let fetched = sqlx::query_as::<_, (Uuid, String, Vec<String>, i32)>(
            "SELECT organization_id, category, governorates, monthly_capacity
               FROM organization_services
              WHERE organization_id = ANY($1) ORDER BY organization_id, category",
        )
        .bind(&keys)
        .fetch_all(&mut *conn)
        .await;
        let rows = conn.settle(fetched)?;
        let mut out: HashMap<Uuid, Vec<ServiceRecord>> = HashMap::new();
        for (organization, category, governorates, monthly_capacity) in rows {
            let Some(category) = ServiceCategory::parse(&category) else {
                continue;
            };
            out.entry(organization).or_default().push(ServiceRecord {
                category,
                governorates: governorates
                    .iter()
                    .filter_map(|c| c.parse::<Governorate>().ok())
                    .collect(),
                monthly_capacity,
            });
        }
        Ok(out)
    }
}
