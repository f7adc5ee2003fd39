//! Reads over HTTP/GraphQL at a large event log: the queries the web pages send, each by
//! someone the platform lets see it.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::sanad::Gql;
use crate::stats::Client;

/// Who sends a kind of read: each is an account the reads database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reader {
    /// A Secretariat administrator.
    Secretariat,
    /// A staff member of the large provider (it sees the board).
    ProviderStaff,
    /// A staff member of the provider holding the most referrals (its caseload is read).
    CaseloadStaff,
    /// A case worker of the Ninewa NRM office (it sees the office's referrals).
    Caseworker,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadKind {
    BoardPage,
    ReferralHistoryPage,
    Indicators,
    ReferralListPage,
    OfficeListPage,
    CaseloadPage,
    DirectoryPage,
    OrganisationHistoryPage,
    Profile,
}

impl ReadKind {
    /// Report order: the referral pages first.
    pub const ALL: [ReadKind; 9] = [
        Self::BoardPage,
        Self::ReferralHistoryPage,
        Self::Indicators,
        Self::ReferralListPage,
        Self::OfficeListPage,
        Self::CaseloadPage,
        Self::DirectoryPage,
        Self::OrganisationHistoryPage,
        Self::Profile,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::BoardPage => "referral_board_page",
            Self::ReferralHistoryPage => "referral_history_page",
            Self::Indicators => "indicators",
            Self::ReferralListPage => "referral_list_page",
            Self::OfficeListPage => "office_list_page",
            Self::CaseloadPage => "caseload_page",
            Self::DirectoryPage => "directory_page",
            Self::OrganisationHistoryPage => "organisation_history_page",
            Self::Profile => "organisation_profile",
        }
    }

    /// What the figure is, honestly.
    pub fn label(self) -> &'static str {
        match self {
            Self::BoardPage => {
                "referral board page: referralBoard(first:20, order:WAITING) as /board asks, by a provider's staff member"
            }
            Self::ReferralHistoryPage => {
                "referral audit history page: referral(id){timeline(first:50)} as /referrals/{id} asks, by a case worker of its office"
            }
            Self::Indicators => {
                "indicators: referralStatistics (status × governorate × need) as /statistics asks, by the Secretariat"
            }
            Self::ReferralListPage => {
                "referral list page: referrals(first:20) with its total, as /referrals asks, by the Secretariat (every referral)"
            }
            Self::OfficeListPage => {
                "office list page: referrals(first:20, status:IN_SERVICE) with its total, as /referrals?status= asks, by a case worker (the office's referrals)"
            }
            Self::CaseloadPage => {
                "caseload page: referrals(first:20) with its total, as /referrals asks, by a staff member of the provider holding the most referrals (held or handed on)"
            }
            Self::DirectoryPage => {
                "directory page: organizations(first:20), as /organizations asks, by the Secretariat"
            }
            Self::OrganisationHistoryPage => {
                "organisation audit history page: organization(id){history(first:50)}, by the Secretariat"
            }
            Self::Profile => {
                "organisation profile: organization(id) with services and members, by the Secretariat"
            }
        }
    }

    pub fn reader(self) -> Reader {
        match self {
            Self::BoardPage => Reader::ProviderStaff,
            Self::CaseloadPage => Reader::CaseloadStaff,
            Self::ReferralHistoryPage | Self::OfficeListPage => Reader::Caseworker,
            Self::ReferralListPage
            | Self::Indicators
            | Self::DirectoryPage
            | Self::OrganisationHistoryPage
            | Self::Profile => Reader::Secretariat,
        }
    }

    fn query(self) -> &'static str {
        match self {
            // The fields of web/src/pages/board.rs, without the viewer and governorate list
            // the page asks in the same request.
            Self::BoardPage => "query($first:Int,$order:BoardOrder!){ referralBoard(first:$first, order:$order){ totalCount pageInfo{ hasNextPage endCursor } nodes{ id caseNumber status beneficiaryType ageBand sex householdSize vulnerabilities waitingHours escalated openedAt governorate{ code nameAr nameEn } needs{ category priority } } } }",
            // web/src/pages/referral.rs's TIMELINE.
            Self::ReferralHistoryPage => "query($id:ID!,$first:Int){ referral(id:$id){ id timeline(first:$first){ nodes{ position eventType occurredAt actorUser actorLabel actorRole } pageInfo{ hasNextPage endCursor } } } }",
            // web/src/pages/statistics.rs, without the viewer.
            Self::Indicators => "{ referralStatistics { status need count suppressed governorate{ code nameAr nameEn } } }",
            // web/src/pages/referrals.rs's QUERY, without the viewer and governorate list.
            Self::ReferralListPage | Self::OfficeListPage | Self::CaseloadPage => "query($first:Int,$status:ReferralStatus){ referrals(first:$first, status:$status){ totalCount pageInfo{ hasNextPage endCursor } nodes{ id caseNumber status ageBand sex createdAt escalated erased governorate{ code nameAr nameEn } needs{ category priority delivered } holder{ id nameAr nameEn } } } }",
            Self::DirectoryPage => "query($first:Int){ organizations(first:$first){ totalCount pageInfo{ hasNextPage endCursor } nodes{ id kind nameAr nameEn status governorates{ code nameAr nameEn } services{ category } } } }",
            Self::OrganisationHistoryPage => "query($id:ID!,$first:Int){ organization(id:$id){ history(first:$first){ nodes{ position eventType occurredAt actorUser actorRole } pageInfo{ hasNextPage endCursor } } } }",
            Self::Profile => "query($id:ID!){ organization(id:$id){ id kind nameAr nameEn status version governorates{ code nameAr } services{ category monthlyCapacity governorates{ code } } members{ username role } } }",
        }
    }
}

pub struct Ids {
    /// Organisations with ≥ 50 events.
    pub long_histories: Vec<Uuid>,
    pub sample: Vec<Uuid>,
    /// Referrals of the case worker's office with ≥ 50 events.
    pub long_referrals: Vec<Uuid>,
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

fn len_of(v: &Value) -> Option<usize> {
    v.as_array().map(Vec::len)
}

#[async_trait::async_trait]
impl Client for ReadClient {
    async fn step(&mut self) -> Result<(), String> {
        let ids = self.ids.clone();
        let variables: Value = match self.kind {
            ReadKind::BoardPage => json!({ "first": 20, "order": "WAITING" }),
            ReadKind::ReferralHistoryPage => {
                json!({ "id": self.pick(&ids.long_referrals), "first": 50 })
            }
            ReadKind::Indicators => json!({}),
            ReadKind::ReferralListPage | ReadKind::CaseloadPage => json!({ "first": 20 }),
            ReadKind::OfficeListPage => json!({ "first": 20, "status": "IN_SERVICE" }),
            ReadKind::DirectoryPage => json!({ "first": 20 }),
            ReadKind::OrganisationHistoryPage => {
                json!({ "id": self.pick(&ids.long_histories), "first": 50 })
            }
            ReadKind::Profile => json!({ "id": self.pick(&ids.sample) }),
        };
        let data = self
            .gql
            .call(Some(&self.token), self.kind.query(), variables)
            .await?;
        // A page that answers but is not full would measure less work than the page does.
        let fine = match self.kind {
            ReadKind::BoardPage => {
                let board = &data["referralBoard"];
                let total = board["totalCount"].as_u64().unwrap_or(0) as usize;
                total > 0 && len_of(&board["nodes"]) == Some(total.min(20))
            }
            ReadKind::ReferralHistoryPage => {
                len_of(&data["referral"]["timeline"]["nodes"]) == Some(50)
            }
            ReadKind::Indicators => len_of(&data["referralStatistics"]).is_some_and(|n| n > 0),
            ReadKind::ReferralListPage | ReadKind::OfficeListPage | ReadKind::CaseloadPage => {
                let list = &data["referrals"];
                let total = list["totalCount"].as_u64().unwrap_or(0) as usize;
                total > 0 && len_of(&list["nodes"]) == Some(total.min(20))
            }
            ReadKind::DirectoryPage => len_of(&data["organizations"]["nodes"]) == Some(20),
            ReadKind::OrganisationHistoryPage => {
                len_of(&data["organization"]["history"]["nodes"]) == Some(50)
            }
            ReadKind::Profile => data["organization"]["id"].is_string(),
        };
        if fine {
            Ok(())
        } else {
            let text: String = data.to_string().chars().take(300).collect();
            Err(format!("{}: unexpected answer {text}", self.kind.key()))
        }
    }
}
