//! Referrals end to end through GraphQL: the walk-through of the README, the board, races,
//! refusals that append nothing, and who may see what. The helpers below are shared by the
//! topics' files.

/// Creation to closure, refusals, transfers, escalation, what each viewer may do.
mod lifecycle;

/// Who sees a referral on the board, and claims racing for it.
mod board;

/// The board as a graphql-ws subscription.
mod subscriptions;

/// The board's server-sent events for the web page.
mod board_events;

/// Statistics, the action-needed queue, the lists and the downloads.
mod lists;

/// The downloads as programs read them: typed counts, notes apart, CSV beside Excel.
mod downloads;

/// Monthly capacity and the claims and transfers that use it.
mod capacity;

/// Personal data: sealed in the log, read only by assigned case workers, erasable.
mod personal_data;

/// What the timeline tells of each step, and whose eyes the notes are for.
mod timeline;

use sanad_tests::*;
use serde_json::{json, Value};

pub const CREATE: &str = "mutation($c:String, $g:String!, $needs:[NeedInput!]!){ createReferral(commandId:$c, input:{
    beneficiaryType: RETURNEE_FROM_ABROAD, returnCountry: \"DE\", governorate: $g, district: \"الموصل\", sex: FEMALE,
    ageBand: FROM_25_TO_34, householdSize: 4, vulnerabilities: [FEMALE_HEADED_HOUSEHOLD], needs: $needs,
    consent: {givenBy: PERSON, givenOn: \"2026-11-01\", shareWithProviders: true, mayContact: true},
    personal: {fullName: \"مريم يوسف الجبوري\", phone: \"+964 770 555 0199\", idDocumentNumber: \"A12345678\"}
  }){ id caseNumber status } }";

async fn create(app: &TestApp, token: &str, gov: &str, needs: Value) -> Value {
    app.gql(Some(token), CREATE, json!({"g": gov, "needs": needs}))
        .await
}

fn psychosocial() -> Value {
    json!([{"category": "PSYCHOSOCIAL", "priority": "HIGH"}, {"category": "CIVIL_DOCUMENTATION"}])
}

async fn count(app: &TestApp, event_type: &str, id: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM events WHERE event_type = $1 AND aggregate_id = $2")
        .bind(event_type)
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn claim(app: &TestApp, token: &str, id: &str) -> Value {
    ok(app
        .gql(
            Some(token),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await)
}

/// A new referral in Ninewa that needs civil documentation (Al-Amal offers it there); its id.
async fn documents_referral(app: &TestApp, caseworker: &str) -> String {
    ok(create(
        app,
        caseworker,
        "IQ-NI",
        json!([{"category": "CIVIL_DOCUMENTATION"}]),
    )
    .await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// `claimReferral` as `token`, answered as it comes (data or a coded error).
async fn try_claim(app: &TestApp, token: &str, id: &str) -> Value {
    app.gql(
        Some(token),
        "mutation($id:ID!){ claimReferral(id:$id){ status } }",
        json!({"id": id}),
    )
    .await
}

/// The demo data's IO offers psychosocial support in Erbil only; this adds Ninewa.
async fn offer_psychosocial_in_ninewa(app: &TestApp, admin: &str, org: &str) {
    ok(app
        .gql(Some(admin), "mutation($o:ID!){ updateService(organizationId:$o, input:{category: PSYCHOSOCIAL, governorates:[\"IQ-AR\",\"IQ-NI\"], monthlyCapacity: 40}){ monthlyCapacity } }", json!({"o": org}))
        .await);
}
