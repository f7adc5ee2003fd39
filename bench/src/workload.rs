//! Workloads: one mix of real GraphQL mutations each, driven over HTTP by many clients.
//!
//! [`ReferralCommands`] (a referral's life, from the NRM case worker's creation to the
//! provider's closure) comes first: it is the headline for the ratios and targets.
//! [`OrganisationCommands`] (the directory's administration) follows. Opportunities and
//! progress reports do not exist in Sanad yet; each will get a workload of its own here and
//! an entry in [`all`]; the driver, the lag measurement and the report need no change.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use tokio::sync::OnceCell;

use crate::sanad::{Gql, ADMIN_PASSWORD};
use crate::stats::Client;

/// What a workload gets to prepare its clients: a GraphQL client of the Sanad process under
/// test, a unique tag for this run (command ids and names must not collide across levels),
/// the most clients any level will run, and the signed-in Secretariat administrator
/// sessions the workload asked for (made one at a time before the run; a workload that
/// needs other roles creates its members with them).
pub struct WorkloadContext {
    pub gql: Gql,
    pub run_tag: String,
    pub max_clients: usize,
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
    /// How many administrator sessions to sign in before the run, for `max_clients`
    /// clients (sign-in is Argon2: slow and memory-hungry, so only as many as are used).
    fn admin_sessions(&self, max_clients: usize) -> usize {
        max_clients
    }
    /// One client's command stream (signs in, creates what it needs).
    async fn client(
        &self,
        ctx: &WorkloadContext,
        client_no: usize,
    ) -> Result<Box<dyn Client>, String>;
}

/// Every workload, in report order.
pub fn all() -> Vec<Box<dyn Workload>> {
    vec![
        Box::new(ReferralCommands::default()),
        Box::new(OrganisationCommands),
    ]
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

/// Each client is a pair of people: an NRM case worker who refers a person (opened to
/// providers at once) and a provider's staff member who then claims, accepts, starts,
/// records the delivery of one need and closes it; then the next referral. Every step is
/// one timed command with a fresh `commandId`.
///
/// Before the first level, through the GraphQL API only and as the Secretariat: up to 7
/// NRM offices and 7 NGOs (one of each per focus governorate) are registered and verified,
/// each NGO offers livelihoods and psychosocial support there, and every client gets a
/// case worker in an office and a staff member in the NGO of the same governorate
/// (`createMember`), each signed in once with a session of their own.
#[derive(Default)]
pub struct ReferralCommands {
    accounts: OnceCell<Arc<Vec<ReferralAccounts>>>,
}

/// The two signed-in people one client plays, and where their referrals live.
struct ReferralAccounts {
    caseworker: String,
    staff: String,
    governorate: &'static str,
}

const REGISTER_ORG: &str = "mutation($c:String!,$i:RegisterOrganizationInput!){ registerOrganization(commandId:$c, input:$i){ id } }";
const VERIFY_ORG: &str =
    "mutation($c:String!,$o:ID!){ verifyOrganization(commandId:$c, id:$o, note:\"checked\"){ status } }";
const CREATE_MEMBER: &str = "mutation($c:String!,$o:ID!,$m:NewMemberInput!){ createMember(commandId:$c, organizationId:$o, input:$m){ userId } }";
const CREATE_REFERRAL: &str = "mutation($c:String!,$i:CreateReferralInput!){ createReferral(commandId:$c, input:$i){ id status } }";
const CLAIM: &str = "mutation($c:String!,$id:ID!){ claimReferral(commandId:$c, id:$id){ status } }";
const ACCEPT: &str =
    "mutation($c:String!,$id:ID!){ acceptReferral(commandId:$c, id:$id){ status } }";
const START: &str = "mutation($c:String!,$id:ID!){ startService(commandId:$c, id:$id){ status } }";
const DELIVER: &str = "mutation($c:String!,$id:ID!){ recordServiceDelivery(commandId:$c, id:$id, category:LIVELIHOODS){ status } }";
const CLOSE: &str = "mutation($c:String!,$id:ID!){ closeReferral(commandId:$c, id:$id, results:[{category:LIVELIHOODS, outcome:RESOLVED},{category:PSYCHOSOCIAL, outcome:PARTLY_RESOLVED, reason:NO_CAPACITY}]){ status } }";

/// Each step of a referral's life the client takes in turn.
const REFERRAL_STEPS: [(&str, &str); 5] = [
    ("claimReferral", CLAIM),
    ("acceptReferral", ACCEPT),
    ("startService", START),
    ("recordServiceDelivery", DELIVER),
    ("closeReferral", CLOSE),
];

const FULL_NAMES: [&str; 6] = [
    "مريم يوسف الجبوري",
    "أحمد خليل العبيدي",
    "زينب حسن الدليمي",
    "علي كريم الشمري",
    "نور عادل الطائي",
    "حسين جاسم الزبيدي",
];

async fn register(
    gql: &Gql,
    token: &str,
    command_id: String,
    kind: &str,
    name_ar: String,
    name_en: String,
    governorate: &str,
) -> Result<String, String> {
    let data = gql
        .call(
            Some(token),
            REGISTER_ORG,
            json!({"c": command_id, "i": {
                "kind": kind, "nameAr": name_ar, "nameEn": name_en, "governorates": [governorate],
            }}),
        )
        .await
        .map_err(|e| format!("registering {kind} in {governorate}: {e}"))?;
    let id = data["registerOrganization"]["id"]
        .as_str()
        .ok_or("registerOrganization answered no id")?
        .to_string();
    gql.call(
        Some(token),
        VERIFY_ORG,
        json!({"c": format!("{command_id}-verify"), "o": id}),
    )
    .await
    .map_err(|e| format!("verifying {kind} in {governorate}: {e}"))?;
    Ok(id)
}

async fn create_member(
    gql: &Gql,
    token: &str,
    org: &str,
    username: &str,
    role: &str,
) -> Result<(), String> {
    gql.call(
        Some(token),
        CREATE_MEMBER,
        json!({"c": format!("setup-member-{username}"), "o": org, "m": {
            "username": username,
            "displayName": format!("Benchmark {role}"),
            "password": ADMIN_PASSWORD,
            "role": role,
        }}),
    )
    .await
    .map(|_| ())
    .map_err(|e| format!("creating member {username}: {e}"))
}

impl ReferralCommands {
    /// Offices, NGOs, services and one case worker and one staff member per client, made
    /// once for every level; the accounts sign in one after another.
    async fn prepare(ctx: &WorkloadContext) -> Result<Vec<ReferralAccounts>, String> {
        let admin = ctx.session(0)?;
        let gql = &ctx.gql;
        let pairs = ctx.max_clients.clamp(1, GOVERNORATES.len());
        let mut places = Vec::with_capacity(pairs);
        for (j, gov) in GOVERNORATES.iter().enumerate().take(pairs) {
            let office = register(
                gql,
                &admin,
                format!("setup-office-{j}"),
                "NRM_OFFICE",
                format!("مكتب الإحالة الوطني {j}"),
                format!("Benchmark NRM office {j} ({gov})"),
                gov,
            )
            .await?;
            let ngo = register(
                gql,
                &admin,
                format!("setup-ngo-{j}"),
                "NGO",
                format!("منظمة خدمات القياس {j}"),
                format!("Benchmark service NGO {j} ({gov})"),
                gov,
            )
            .await?;
            for category in ["LIVELIHOODS", "PSYCHOSOCIAL"] {
                gql.call(
                    Some(&admin),
                    OFFER,
                    json!({"c": format!("setup-offer-{j}-{category}"), "o": ngo, "s": {
                        "category": category, "governorates": [gov], "monthlyCapacity": 100000,
                    }}),
                )
                .await
                .map_err(|e| format!("offering {category} in {gov}: {e}"))?;
            }
            places.push((office, ngo, *gov));
        }
        let mut accounts = Vec::with_capacity(ctx.max_clients);
        for i in 0..ctx.max_clients {
            let (office, ngo, governorate) = &places[i % pairs];
            let caseworker = format!("bench.caseworker{i}");
            let staff = format!("bench.staff{i}");
            create_member(gql, &admin, office, &caseworker, "NRM_CASEWORKER").await?;
            create_member(gql, &admin, ngo, &staff, "PROVIDER_STAFF").await?;
            accounts.push(ReferralAccounts {
                caseworker: gql.login_as(&caseworker).await?,
                staff: gql.login_as(&staff).await?,
                governorate,
            });
        }
        Ok(accounts)
    }
}

struct ReferralClient {
    gql: Gql,
    accounts: Arc<Vec<ReferralAccounts>>,
    me: usize,
    tag: String,
    n: u64,
    /// The referral in hand and the next step of its life (an index into REFERRAL_STEPS).
    current: Option<(String, usize)>,
    rng: StdRng,
}

impl ReferralClient {
    fn referral_input(&mut self, governorate: &str, n: u64) -> Value {
        let today = chrono::Utc::now().date_naive();
        let given_on = today - chrono::Duration::days(self.rng.gen_range(0..14));
        let age_bands = [
            "FROM_18_TO_24",
            "FROM_25_TO_34",
            "FROM_35_TO_49",
            "FROM_50_TO_64",
        ];
        json!({
            "beneficiaryType": if n.is_multiple_of(3) { "RETURNEE_FROM_ABROAD" } else { "RETURNING_IDP" },
            "returnCountry": if n.is_multiple_of(3) { Value::from("DE") } else { Value::Null },
            "governorate": governorate,
            "district": "Centre",
            "sex": if n.is_multiple_of(2) { "FEMALE" } else { "MALE" },
            "ageBand": age_bands[self.rng.gen_range(0..age_bands.len())],
            "householdSize": self.rng.gen_range(1..=9),
            "vulnerabilities": if n.is_multiple_of(4) { json!(["FEMALE_HEADED_HOUSEHOLD"]) } else { json!([]) },
            "needs": [
                {"category": "LIVELIHOODS", "priority": "HIGH"},
                {"category": "PSYCHOSOCIAL", "priority": "MEDIUM"},
            ],
            "consent": {
                "givenBy": "PERSON",
                "givenOn": given_on.to_string(),
                "shareWithProviders": true,
                "mayContact": true,
                "expiresOn": (given_on + chrono::Duration::days(365)).to_string(),
            },
            "personal": {
                "fullName": FULL_NAMES[(n % FULL_NAMES.len() as u64) as usize],
                "phone": format!("+964 770 {:03} {:04}", self.rng.gen_range(100..1000), self.rng.gen_range(0..10000)),
                "dateOfBirth": "1990-01-01",
                "idDocumentType": "national_id",
                "idDocumentNumber": format!("A{:08}", self.rng.gen_range(0..100_000_000)),
                "address": "حي الزهور، الموصل",
            },
            "open": true,
        })
    }
}

#[async_trait::async_trait]
impl Client for ReferralClient {
    async fn step(&mut self) -> Result<(), String> {
        let n = self.n;
        self.n += 1;
        let command_id = format!("{}-{n}", self.tag);
        let accounts = self.accounts.clone();
        let me = accounts
            .get(self.me)
            .ok_or_else(|| format!("no accounts for client {}", self.me))?;
        match self.current.take() {
            None => {
                let input = self.referral_input(me.governorate, n);
                let data = self
                    .gql
                    .call(
                        Some(&me.caseworker),
                        CREATE_REFERRAL,
                        json!({"c": command_id, "i": input}),
                    )
                    .await
                    .map_err(|e| format!("createReferral: {e}"))?;
                let id = data["createReferral"]["id"]
                    .as_str()
                    .ok_or("createReferral answered no id")?;
                if data["createReferral"]["status"] != "OPEN" {
                    return Err(format!(
                        "createReferral left it {}, not OPEN",
                        data["createReferral"]["status"]
                    ));
                }
                self.current = Some((id.to_string(), 0));
                Ok(())
            }
            Some((id, step)) => {
                let (what, query) = REFERRAL_STEPS
                    .get(step)
                    .copied()
                    .ok_or_else(|| format!("no referral step {step}"))?;
                // On an error the referral is left as it is and the client starts a new one.
                self.gql
                    .call(Some(&me.staff), query, json!({"c": command_id, "id": id}))
                    .await
                    .map_err(|e| format!("{what}: {e}"))?;
                if step + 1 < REFERRAL_STEPS.len() {
                    self.current = Some((id, step + 1));
                }
                Ok(())
            }
        }
    }
}

#[async_trait::async_trait]
impl Workload for ReferralCommands {
    fn name(&self) -> &'static str {
        "referrals"
    }

    fn label(&self) -> &'static str {
        "sanad referral commands"
    }

    fn mix(&self) -> &'static str {
        "per client: createReferral (a case worker; opened at once), then as the provider's staff claimReferral, acceptReferral, startService, recordServiceDelivery, closeReferral; repeat (each a fresh commandId; one case worker and one staff account per client, in up to 7 office/NGO pairs)"
    }

    fn admin_sessions(&self, _max_clients: usize) -> usize {
        1
    }

    async fn client(
        &self,
        ctx: &WorkloadContext,
        client_no: usize,
    ) -> Result<Box<dyn Client>, String> {
        let accounts = self
            .accounts
            .get_or_try_init(|| async { Self::prepare(ctx).await.map(Arc::new) })
            .await?
            .clone();
        Ok(Box::new(ReferralClient {
            gql: ctx.gql.clone(),
            accounts,
            me: client_no,
            tag: format!("{}c{client_no}", ctx.run_tag),
            n: 0,
            current: None,
            rng: StdRng::seed_from_u64(client_no as u64 * 7919 + 3),
        }))
    }
}
