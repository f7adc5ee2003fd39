//! Reads over HTTP/GraphQL at a large event log: the queries the web pages send.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::sanad::Gql;
use crate::stats::Client;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadKind {
    DirectoryPage,
    HistoryPage,
    Profile,
    ReadModels,
}

impl ReadKind {
    pub const ALL: [ReadKind; 4] = [
        Self::DirectoryPage,
        Self::HistoryPage,
        Self::Profile,
        Self::ReadModels,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::DirectoryPage => "directory_page",
            Self::HistoryPage => "audit_history_page",
            Self::Profile => "organisation_profile",
            Self::ReadModels => "read_models_status",
        }
    }

    /// What the figure is, honestly.
    pub fn label(self) -> &'static str {
        match self {
            Self::DirectoryPage => {
                "directory page: organizations(first:20), as /organizations asks"
            }
            Self::HistoryPage => "audit history page: organization(id){history(first:50)}",
            Self::Profile => "organisation profile: organization(id) with services and members",
            Self::ReadModels => {
                "cheap read: readModels (stands in for indicators, which do not exist yet)"
            }
        }
    }

    fn query(self) -> &'static str {
        match self {
            Self::DirectoryPage => "query($first:Int){ organizations(first:$first){ totalCount pageInfo{ hasNextPage endCursor } nodes{ id kind nameAr nameEn status governorates{ code nameAr nameEn } services{ category } } } }",
            Self::HistoryPage => "query($id:ID!,$first:Int){ organization(id:$id){ history(first:$first){ nodes{ position eventType occurredAt actorUser actorRole } pageInfo{ hasNextPage endCursor } } } }",
            Self::Profile => "query($id:ID!){ organization(id:$id){ id kind nameAr nameEn status version governorates{ code nameAr } services{ category monthlyCapacity governorates{ code } } members{ username role } } }",
            Self::ReadModels => "{ readModels { name position updatedAt } }",
        }
    }
}

pub struct Ids {
    pub long_histories: Vec<Uuid>,
    pub sample: Vec<Uuid>,
}

pub struct ReadClient {
    gql: Gql,
    token: String,
    kind: ReadKind,
    ids: Arc<Ids>,
    rng: StdRng,
}

impl ReadClient {
    pub fn new(gql: Gql, token: String, kind: ReadKind, ids: Arc<Ids>, seed: u64) -> Self {
        Self {
            gql,
            token,
            kind,
            ids,
            rng: StdRng::seed_from_u64(seed),
        }
    }

    fn pick(&mut self, from: &[Uuid]) -> String {
        if from.is_empty() {
            return Uuid::nil().to_string();
        }
        from[self.rng.gen_range(0..from.len())].to_string()
    }
}

#[async_trait::async_trait]
impl Client for ReadClient {
    async fn step(&mut self) -> Result<(), String> {
        let ids = self.ids.clone();
        let variables: Value = match self.kind {
            ReadKind::DirectoryPage => json!({ "first": 20 }),
            ReadKind::HistoryPage => json!({ "id": self.pick(&ids.long_histories), "first": 50 }),
            ReadKind::Profile => json!({ "id": self.pick(&ids.sample) }),
            ReadKind::ReadModels => json!({}),
        };
        let data = self
            .gql
            .call(Some(&self.token), self.kind.query(), variables)
            .await?;
        let fine = match self.kind {
            ReadKind::DirectoryPage => data["organizations"]["nodes"]
                .as_array()
                .is_some_and(|n| n.len() == 20),
            ReadKind::HistoryPage => data["organization"]["history"]["nodes"]
                .as_array()
                .is_some_and(|n| n.len() == 50),
            ReadKind::Profile => data["organization"]["id"].is_string(),
            ReadKind::ReadModels => data["readModels"].as_array().is_some_and(|m| !m.is_empty()),
        };
        if fine {
            Ok(())
        } else {
            Err(format!("{}: unexpected answer {data}", self.kind.key()))
        }
    }
}
