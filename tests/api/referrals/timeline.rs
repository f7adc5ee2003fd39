//! What a referral's timeline tells of each step: the needs, the outcomes, the provider,
//! who acted and who was assigned (by name), and the notes the provider wrote — their
//! text to the parties to the case, only their existence to the Secretariat.

use super::*;

const TIMELINE: &str = "query($id:ID!){ referral(id:$id){
    results { category outcome reason note hasNote }
    timeline { nodes { eventType actorName needs assigneeName hasAssignee note hasNote payload
      results { category outcome reason note hasNote } provider { nameEn } } } } }";

/// A referral the coordinator of Al-Amal claimed, handed to its staff member and served:
/// psychosocial support delivered with a note, civil documentation without, closed with a
/// note on the need not met. Its id.
async fn served_referral(app: &TestApp) -> String {
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let made = ok(create(app, &caseworker, "IQ-NI", psychosocial()).await);
    let id = made["createReferral"]["id"].as_str().unwrap().to_string();
    let staff_id = ok(app.gql(Some(&staff), "{ viewer { id } }", json!({})).await)["viewer"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let run = |token: &str, q: &'static str, vars: Value| {
        let token = token.to_string();
        async move { ok(app.gql(Some(&token), q, vars).await) }
    };
    let on = json!({"id": id});
    run(
        &coordinator,
        "mutation($id:ID!){ claimReferral(id:$id){ id } }",
        on.clone(),
    )
    .await;
    run(
        &coordinator,
        "mutation($id:ID!){ acceptReferral(id:$id){ id } }",
        on.clone(),
    )
    .await;
    run(
        &coordinator,
        "mutation($id:ID!,$u:ID!){ assignCaseworker(id:$id, userId:$u){ id } }",
        json!({"id": id, "u": staff_id}),
    )
    .await;
    run(
        &staff,
        "mutation($id:ID!){ startService(id:$id){ id } }",
        on.clone(),
    )
    .await;
    run(
        &staff,
        "mutation($id:ID!){ recordServiceDelivery(id:$id, category: PSYCHOSOCIAL, note: \"<b>زيارتان</b> للأسرة\"){ id } }",
        on.clone(),
    )
    .await;
    run(
        &staff,
        "mutation($id:ID!){ recordServiceDelivery(id:$id, category: CIVIL_DOCUMENTATION){ id } }",
        on.clone(),
    )
    .await;
    run(
        &staff,
        "mutation($id:ID!){ closeReferral(id:$id, results:[
            {category: PSYCHOSOCIAL, outcome: RESOLVED},
            {category: CIVIL_DOCUMENTATION, outcome: NOT_RESOLVED, reason: NO_CAPACITY, note: \"مكتب الجنسية مغلق\"}]){ id } }",
        on,
    )
    .await;
    id
}

/// The timeline's nodes of type `event_type`, as `token` reads them.
fn of_type<'a>(nodes: &'a [Value], event_type: &str) -> Vec<&'a Value> {
    nodes
        .iter()
        .filter(|n| n["eventType"] == event_type)
        .collect()
}

async fn read(app: &TestApp, token: &str, id: &str) -> Value {
    ok(app.gql(Some(token), TIMELINE, json!({"id": id})).await)["referral"].clone()
}

#[tokio::test]
async fn the_office_reads_what_each_step_recorded() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let id = served_referral(&app).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let referral = read(&app, &caseworker, &id).await;
    let nodes = referral["timeline"]["nodes"].as_array().unwrap().clone();

    let created = of_type(&nodes, "ReferralCreated");
    assert_eq!(
        created[0]["needs"],
        json!(["PSYCHOSOCIAL", "CIVIL_DOCUMENTATION"])
    );
    assert_eq!(created[0]["actorName"], "أخصائية الحالة - نينوى");

    let claimed = of_type(&nodes, "ReferralClaimed");
    assert_eq!(
        claimed[0]["provider"]["nameEn"],
        "Al-Amal Development Organisation"
    );
    assert_eq!(claimed[0]["actorName"], "منسقة منظمة الأمل");

    // The claimer is assigned first, then the colleague the coordinator chose.
    let assigned: Vec<&Value> = of_type(&nodes, "CaseworkerAssigned");
    let names: Vec<&Value> = assigned.iter().map(|n| &n["assigneeName"]).collect();
    assert_eq!(
        names.last().unwrap().as_str(),
        Some("موظف منظمة الأمل"),
        "{assigned:?}"
    );
    assert_eq!(assigned.last().unwrap()["actorName"], "منسقة منظمة الأمل");
    assert_eq!(assigned.last().unwrap()["hasAssignee"], true);

    let delivered = of_type(&nodes, "ServiceDelivered");
    assert_eq!(delivered.len(), 2);
    assert_eq!(delivered[0]["needs"], json!(["PSYCHOSOCIAL"]));
    assert_eq!(delivered[0]["note"], "<b>زيارتان</b> للأسرة");
    assert_eq!(delivered[0]["hasNote"], true);
    assert_eq!(delivered[0]["actorName"], "موظف منظمة الأمل");
    assert_eq!(delivered[1]["needs"], json!(["CIVIL_DOCUMENTATION"]));
    assert_eq!(delivered[1]["note"], Value::Null);
    assert_eq!(delivered[1]["hasNote"], false);

    let closed = of_type(&nodes, "ReferralClosed");
    assert_eq!(
        closed[0]["results"],
        json!([
            {"category": "PSYCHOSOCIAL", "outcome": "RESOLVED", "reason": null, "note": null, "hasNote": false},
            {"category": "CIVIL_DOCUMENTATION", "outcome": "NOT_RESOLVED", "reason": "NO_CAPACITY",
             "note": "مكتب الجنسية مغلق", "hasNote": true}
        ])
    );
    assert_eq!(referral["results"][1]["note"], "مكتب الجنسية مغلق");

    // Steps that record nothing more say nothing more.
    let opened = of_type(&nodes, "ReferralOpened");
    assert_eq!(opened[0]["needs"], json!([]));
    assert_eq!(opened[0]["hasNote"], false);
    assert_eq!(opened[0]["provider"], Value::Null);

    // The provider that wrote the notes reads them too.
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let held = read(&app, &staff, &id).await;
    let delivered = held["timeline"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["eventType"] == "ServiceDelivered")
        .cloned()
        .unwrap();
    assert_eq!(delivered["note"], "<b>زيارتان</b> للأسرة");
}

#[tokio::test]
async fn the_secretariat_learns_a_note_was_written_not_what_it_says() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let id = served_referral(&app).await;
    let auditor = app.login("auditor", DEMO_PASSWORD).await;
    let referral = read(&app, &auditor, &id).await;
    let nodes = referral["timeline"]["nodes"].as_array().unwrap().clone();

    let delivered = of_type(&nodes, "ServiceDelivered");
    assert_eq!(delivered[0]["needs"], json!(["PSYCHOSOCIAL"]));
    assert_eq!(delivered[0]["note"], Value::Null);
    assert_eq!(delivered[0]["hasNote"], true);
    // Nor does the raw event give it away.
    assert_eq!(
        delivered[0]["payload"]["ServiceDelivered"]["note"],
        "[note withheld]"
    );
    let closed = of_type(&nodes, "ReferralClosed");
    assert_eq!(closed[0]["results"][1]["note"], Value::Null);
    assert_eq!(closed[0]["results"][1]["hasNote"], true);
    assert_eq!(
        closed[0]["payload"]["Closed"]["results"][1]["note"],
        "[note withheld]"
    );
    assert_eq!(referral["results"][1]["note"], Value::Null);
    assert_eq!(referral["results"][1]["hasNote"], true);
    let everything = serde_json::to_string(&referral).unwrap();
    assert!(!everything.contains("زيارتان"), "{everything}");
    assert!(!everything.contains("مكتب الجنسية"), "{everything}");
    // The steps themselves are the Secretariat's to audit.
    assert_eq!(
        of_type(&nodes, "CaseworkerAssigned").last().unwrap()["assigneeName"],
        "موظف منظمة الأمل"
    );
}
