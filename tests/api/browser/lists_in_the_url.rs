//! A list's filters and page live in its address: the referral list, the board and the
//! directory, filtered through their forms and paged on, show the same filters (in their
//! fields) and the same rows when the address is reloaded or opened by someone else's
//! browser it was sent to.

use sanad_tests::browser::checks;
use sanad_tests::browser::{Chromium, Site, Tab};
use serde_json::{json, Value};

/// More referrals than one page holds (20).
const REFERRALS: usize = 22;

/// A GraphQL operation on the site as `token`; its data.
async fn gql(site: &Site, token: Option<&str>, query: &str, variables: Value) -> Value {
    let mut request = reqwest::Client::new()
        .post(format!("{}/graphql", site.base()))
        .json(&json!({"query": query, "variables": variables}));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let body: Value = request
        .send()
        .await
        .expect("request sent")
        .json()
        .await
        .expect("a JSON answer");
    assert!(body["errors"].is_null(), "{body}");
    body["data"].clone()
}

/// Ninewa's case worker opens [`REFERRALS`] referrals needing psychosocial support, which
/// Al-Amal offers there.
async fn open_referrals(site: &Site) {
    let login = gql(
        site,
        None,
        "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken } }",
        json!({"u": "nrm-ni-caseworker", "p": sanad_tests::DEMO_PASSWORD}),
    )
    .await;
    let token = login["login"]["sessionToken"].as_str().expect("a session");
    for _ in 0..REFERRALS {
        gql(
            site,
            Some(token),
            "mutation { createReferral(input:{
                beneficiaryType: RETURNING_IDP, governorate: \"IQ-NI\", district: \"سنجار\", sex: MALE,
                ageBand: FROM_35_TO_49, householdSize: 3, vulnerabilities: [],
                needs: [{category: PSYCHOSOCIAL, priority: MEDIUM}],
                consent: {givenBy: PERSON, givenOn: \"2026-11-01\", shareWithProviders: true, mayContact: true},
                personal: {fullName: \"سالم\"}
              }){ id } }",
            json!({}),
        )
        .await;
    }
}

/// The case numbers the page lists, in order.
async fn case_numbers(tab: &Tab) -> Vec<String> {
    tab.eval("[...document.querySelectorAll('tbody tr td:first-child bdi')].map(e => e.innerText)")
        .await
}

/// The value each of `fields` holds now.
async fn values(tab: &Tab, fields: &[&str]) -> Vec<String> {
    let mut all = Vec::new();
    for field in fields {
        all.push(tab.value(field).await);
    }
    all
}

/// Filters chosen in the form and the next page followed, then the address opened in a
/// second person's browser (`other`, of the same organisation) and reloaded in the
/// first: the same filters in the fields, the same rows.
async fn kept_across_reload_and_sharing(tab: &Tab, other: &Tab, fields: &[&str], asked: &[&str]) {
    tab.follow("الصفحة التالية").await;
    let path = tab.path().await;
    for part in asked.iter().chain(&["after="]) {
        assert!(path.contains(part), "{part} is not in {path}");
    }
    let shown = case_numbers(tab).await;
    assert!(!shown.is_empty(), "the second page of {path} is empty");
    let chosen = values(tab, fields).await;
    assert!(chosen.iter().all(|v| !v.is_empty()), "{chosen:?} on {path}");
    checks::page_reads_well(tab, "ar").await;

    tab.goto(&path).await;
    assert_eq!(values(tab, fields).await, chosen, "reloaded {path}");
    assert_eq!(case_numbers(tab).await, shown, "reloaded {path}");

    other.goto(&path).await;
    assert_eq!(values(other, fields).await, chosen, "shared {path}");
    assert_eq!(case_numbers(other).await, shown, "shared {path}");
}

#[tokio::test]
async fn filters_and_pages_stay_in_the_address_of_every_list() {
    let site = Site::start().await;
    open_referrals(&site).await;
    let chromium = Chromium::launch().await;

    // The Secretariat's list of referrals, open ones in Ninewa, page two.
    let admin = chromium.tab(site.base(), 1280).await;
    admin.sign_in("admin").await;
    let auditor = chromium.tab(site.base(), 1280).await;
    auditor.sign_in("auditor").await;
    admin.goto("/referrals").await;
    admin.choose("#f-status", "OPEN").await;
    admin.choose("#f-governorate", "IQ-NI").await;
    admin.press("تطبيق").await;
    kept_across_reload_and_sharing(
        &admin,
        &auditor,
        &["#f-status", "#f-governorate"],
        &["status=OPEN", "governorate=IQ-NI"],
    )
    .await;

    // Al-Amal's board, psychosocial needs in Ninewa by priority, page two.
    let amal = chromium.tab(site.base(), 1280).await;
    amal.sign_in("ngo-amal-coordinator").await;
    let staff = chromium.tab(site.base(), 1280).await;
    staff.sign_in("ngo-amal-staff").await;
    amal.goto("/referrals/board").await;
    amal.choose("#f-need", "PSYCHOSOCIAL").await;
    amal.choose("#f-governorate", "IQ-NI").await;
    amal.press("تطبيق").await;
    amal.follow("الأعلى أولوية أولاً").await;
    let ordered = amal.path().await;
    assert!(
        ordered.contains("need=PSYCHOSOCIAL") && ordered.contains("order=PRIORITY"),
        "{ordered}"
    );
    kept_across_reload_and_sharing(
        &amal,
        &staff,
        &["#f-need", "#f-governorate"],
        &["need=PSYCHOSOCIAL", "governorate=IQ-NI", "order=PRIORITY"],
    )
    .await;

    // The directory searched and filtered: what was typed into the search stays.
    admin.goto("/organizations").await;
    admin.choose("#f-kind", "NGO").await;
    admin.fill("#f-q", "الأمل").await;
    admin.press("تطبيق").await;
    let path = admin.path().await;
    assert!(path.contains("kind=NGO") && path.contains("q="), "{path}");
    let listed = admin.text_of("main").await;
    admin.goto(&path).await;
    assert_eq!(values(&admin, &["#f-kind", "#f-q"]).await, ["NGO", "الأمل"]);
    assert_eq!(admin.text_of("main").await, listed);
    auditor.goto(&path).await;
    assert_eq!(
        values(&auditor, &["#f-kind", "#f-q"]).await,
        ["NGO", "الأمل"]
    );
    checks::page_reads_well(&auditor, "ar").await;
}
