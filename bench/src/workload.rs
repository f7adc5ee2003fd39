//! Workloads: one mix of real GraphQL mutations each, driven over HTTP by many clients.
//!
//! Today Sanad's mutations are the organisation ones, so the only workload is
//! [`OrganisationCommands`]. When referrals, opportunities and progress reports exist, each
//! gets a workload of its own here (e.g. `ReferralCommands`: create a referral, claim it,
//! report progress) and an entry in [`all`]; the driver, the lag measurement and the report
//! need no change.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use crate::sanad::Gql;
use crate::stats::Client;

/// What a workload gets to prepare its clients: a GraphQL client of the Sanad process under
/// test, a unique tag for this run (command ids and names must not collide across levels),
/// and one signed-in Secretariat administrator session per client (made one at a time
/// before the run; a workload that needs other roles creates its members with them).
pub struct WorkloadContext {
    pub gql: Gql,
    pub run_tag: String,
    pub sessions: Vec<String>,
}

impl WorkloadContext {
    pub fn session(&self, client_no: usize) -> Result<String, String> {
        self.sessions
            .get(client_no)
            .cloned()
            .ok_or_else(|| format!("no session for client {client_no}"))
    }
}

#[async_trait::async_trait]
pub trait Workload: Send + Sync {
    /// Short name for flags and JSON keys.
    fn name(&self) -> &'static str;
    /// What the figures are, honestly: the table's and the README's label.
    fn label(&self) -> &'static str;
    /// The mutation mix, one line.
    fn mix(&self) -> &'static str;
    /// One client's command stream (signs in, creates what it needs).
    async fn client(
        &self,
        ctx: &WorkloadContext,
        client_no: usize,
    ) -> Result<Box<dyn Client>, String>;
}

/// Every workload, in report order.
pub fn all() -> Vec<Box<dyn Workload>> {
    vec![Box::new(OrganisationCommands)]
}

pub fn by_name(name: &str) -> Option<Box<dyn Workload>> {
    all().into_iter().find(|w| w.name() == name)
}

/// How many commands a client sends to one organisation before it registers the next:
/// the same shape as the raw postgres-es workload (one new aggregate, then updates to it).
pub const COMMANDS_PER_AGGREGATE: u64 = 10;

/// Each client, signed in as a Secretariat administrator with a session of its own:
/// registers an NGO, offers a service, then updates the service's capacity eight times;
/// then the next organisation. Every command carries a fresh `commandId`.
pub struct OrganisationCommands;

const REGISTER: &str = "mutation($c:String!,$i:RegisterOrganizationInput!){ registerOrganization(commandId:$c, input:$i){ id version } }";
const OFFER: &str = "mutation($c:String!,$o:ID!,$s:ServiceInput!){ offerService(commandId:$c, organizationId:$o, input:$s){ monthlyCapacity } }";
const UPDATE: &str = "mutation($c:String!,$o:ID!,$s:ServiceInput!){ updateService(commandId:$c, organizationId:$o, input:$s){ monthlyCapacity } }";

const GOVERNORATES: [&str; 7] = [
    "IQ-NI", "IQ-AR", "IQ-BG", "IQ-AN", "IQ-SD", "IQ-BA", "IQ-KI",
];

struct OrganisationClient {
    gql: Gql,
    token: String,
    tag: String,
    n: u64,
    org: Option<String>,
    rng: StdRng,
}

impl OrganisationClient {
    fn governorates(&mut self) -> Vec<&'static str> {
        let a = self.rng.gen_range(0..GOVERNORATES.len());
        let b = (a + 1 + self.rng.gen_range(0..GOVERNORATES.len() - 1)) % GOVERNORATES.len();
        vec![GOVERNORATES[a], GOVERNORATES[b]]
    }
}

#[async_trait::async_trait]
impl Client for OrganisationClient {
    async fn step(&mut self) -> Result<(), String> {
        let n = self.n;
        self.n += 1;
        let command_id = format!("{}-{n}", self.tag);
        let phase = n % COMMANDS_PER_AGGREGATE;
        match (phase, self.org.clone()) {
            (0, _) | (_, None) => {
                let govs = self.governorates();
                let data = self
                    .gql
                    .call(
                        Some(&self.token),
                        REGISTER,
                        json!({"c": command_id, "i": {
                            "kind": "NGO",
                            "nameAr": format!("منظمة القياس {} {n}", self.tag),
                            "nameEn": format!("Benchmark NGO {} {n}", self.tag),
                            "governorates": govs,
                        }}),
                    )
                    .await?;
                let id = data["registerOrganization"]["id"]
                    .as_str()
                    .ok_or("registerOrganization answered no id")?;
                self.org = Some(id.to_string());
                // The next command offers the service whatever `n` is now.
                self.n = n - phase + 1;
                Ok(())
            }
            (1, Some(org)) => {
                let govs = self.governorates();
                self.gql
                    .call(
                        Some(&self.token),
                        OFFER,
                        json!({"c": command_id, "o": org, "s": {
                            "category": "LIVELIHOODS", "governorates": govs, "monthlyCapacity": 50,
                        }}),
                    )
                    .await
                    .map(|_| ())
            }
            (_, Some(org)) => {
                let govs = self.governorates();
                let capacity = self.rng.gen_range(1..=5000);
                self.gql
                    .call(
                        Some(&self.token),
                        UPDATE,
                        json!({"c": command_id, "o": org, "s": {
                            "category": "LIVELIHOODS", "governorates": govs, "monthlyCapacity": capacity,
                        }}),
                    )
                    .await
                    .map(|_| ())
            }
        }
    }
}

#[async_trait::async_trait]
impl Workload for OrganisationCommands {
    fn name(&self) -> &'static str {
        "organisations"
    }

    fn label(&self) -> &'static str {
        "sanad organisation commands"
    }

    fn mix(&self) -> &'static str {
        "per client: registerOrganization, offerService, 8 × updateService, repeat (each a fresh commandId)"
    }

    async fn client(
        &self,
        ctx: &WorkloadContext,
        client_no: usize,
    ) -> Result<Box<dyn Client>, String> {
        let token = ctx.session(client_no)?;
        Ok(Box::new(OrganisationClient {
            gql: ctx.gql.clone(),
            token,
            tag: format!("{}c{client_no}", ctx.run_tag),
            n: 0,
            org: None,
            rng: StdRng::seed_from_u64(client_no as u64 * 7919 + 1),
        }))
    }
}
