//! Counts, labels, errors, digits and dates as a reader sees them, in a real browser: the
//! directory's count reads right at 0, 1, 2, 3, 11 and 100 organisations in Arabic (its
//! six plural forms), Kurdish and English; a refusal of the API shows the catalogue's
//! words in the page's language; the digits switch writes counts and dates in
//! Arabic-Indic digits and back; the pages that show every status, need and event type
//! show them in words.

use futures::future::join_all;
use l10n::{error_message, t, Locale, Msg};
use sanad_tests::browser::checks;
use sanad_tests::browser::{Chromium, Site, Tab};
use sanad_tests::DEMO_PASSWORD;
use serde_json::{json, Value};

/// Groups of probe organisations, each found by searching its tag: 1, 2, 3, 11, and the
/// rest, for 100 in all (all found by searching "Probe").
const GROUPS: [(&str, usize); 5] = [("Q", 1), ("W", 2), ("X", 3), ("Y", 11), ("Z", 83)];

/// What the directory's count reads for each search, in Arabic, English and Kurdish.
const COUNTS: [(&str, [&str; 3]); 5] = [
    (
        "Probe%20Q",
        [
            "النتائج: مؤسسة واحدة",
            "Results: 1 organisation",
            "ئەنجامەکان: 1 ڕێکخراو",
        ],
    ),
    (
        "Probe%20W",
        [
            "النتائج: مؤسستان",
            "Results: 2 organisations",
            "ئەنجامەکان: 2 ڕێکخراو",
        ],
    ),
    (
        "Probe%20X",
        [
            "النتائج: 3 مؤسسات",
            "Results: 3 organisations",
            "ئەنجامەکان: 3 ڕێکخراو",
        ],
    ),
    (
        "Probe%20Y",
        [
            "النتائج: 11 مؤسسة",
            "Results: 11 organisations",
            "ئەنجامەکان: 11 ڕێکخراو",
        ],
    ),
    (
        "Probe",
        [
            "النتائج: 100 مؤسسة",
            "Results: 100 organisations",
            "ئەنجامەکان: 100 ڕێکخراو",
        ],
    ),
];

/// The API as a script speaks to it, for the data a walk needs before it starts.
struct Api {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Api {
    async fn sign_in(base: &str, username: &str) -> Api {
        let mut api = Api {
            http: reqwest::Client::new(),
            base: base.to_string(),
            token: String::new(),
        };
        let body = api
            .gql(
                "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken } }",
                json!({"u": username, "p": DEMO_PASSWORD}),
            )
            .await;
        api.token = body["login"]["sessionToken"]
            .as_str()
            .expect("signed in")
            .to_string();
        api
    }

    async fn gql(&self, query: &str, variables: Value) -> Value {
        let mut request = self
            .http
            .post(format!("{}/graphql", self.base))
            .json(&json!({"query": query, "variables": variables}));
        if !self.token.is_empty() {
            request = request.bearer_auth(&self.token);
        }
        let body: Value = request
            .send()
            .await
            .expect("request sent")
            .json()
            .await
            .expect("a JSON answer");
        assert!(body.get("errors").is_none(), "{body}");
        body["data"].clone()
    }

    /// Registers an NGO in Sulaymaniyah; its id.
    async fn register(&self, name_ar: &str, name_en: &str) -> String {
        let body = self
            .gql(
                "mutation($i: RegisterOrganizationInput!){ registerOrganization(input:$i){ id } }",
                json!({"i": {"kind": "NGO", "nameAr": name_ar, "nameEn": name_en, "governorates": ["IQ-SU"]}}),
            )
            .await;
        body["registerOrganization"]["id"]
            .as_str()
            .expect("an id")
            .to_string()
    }

    async fn verify(&self, id: &str) {
        self.gql(
            "mutation($id: ID!){ verifyOrganization(id:$id){ id } }",
            json!({"id": id}),
        )
        .await;
    }
}

/// The probe organisations, ten at a time; the ids of the first of each group.
async fn register_probes(api: &Api) -> Vec<String> {
    let mut names = Vec::new();
    for (tag, n) in GROUPS {
        for i in 1..=n {
            names.push((format!("مؤسسة الاختبار {tag}{i}"), format!("Probe {tag}{i}")));
        }
    }
    assert_eq!(names.len(), 100);
    let mut ids = Vec::new();
    for chunk in names.chunks(10) {
        ids.extend(join_all(chunk.iter().map(|(ar, en)| api.register(ar, en))).await);
    }
    ids
}

async fn caption(tab: &Tab) -> String {
    tab.text_of("table caption").await
}

#[tokio::test]
async fn counts_errors_digits_and_dates_read_as_a_person_reads_them() {
    let site = Site::start().await;
    let api = Api::sign_in(site.base(), "admin").await;
    let ids = register_probes(&api).await;
    let chromium = Chromium::launch().await;
    let admin = chromium.tab(site.base(), 1280).await;
    admin.sign_in("admin").await;

    // Every count in each language; Arabic first, the browser's own language.
    for (i, lang) in ["ar", "en", "ckb"].into_iter().enumerate() {
        admin
            .goto(&format!("/organizations?q=Probe%20V&lang={lang}"))
            .await;
        assert!(!admin.has("table caption").await, "no count for no rows");
        for (search, texts) in COUNTS {
            admin.goto(&format!("/organizations?q={search}")).await;
            assert_eq!(caption(&admin).await, texts[i], "{search} in {lang}");
        }
        checks::page_reads_well(&admin, lang).await;
    }
    admin.goto("/organizations?q=Probe%20V&lang=ar").await;
    admin.sees("لا توجد مؤسسات مطابقة لهذه التصفية.").await;

    // A refusal of the API reads as the catalogue says it, in the page's language: the
    // organisation was verified meanwhile, behind the administrator's back.
    for (id, locale) in [(&ids[0], Locale::Ar), (&ids[1], Locale::Ckb)] {
        admin
            .goto(&format!("/organizations/{id}?lang={}", locale.code()))
            .await;
        api.verify(id).await;
        admin.press(t(locale, Msg::Verify)).await;
        let refusal = error_message("organization.already_verified", locale, &[]);
        admin.wait_for_text(&refusal).await;
        checks::page_is_sound(&admin, locale.code()).await;
    }

    // Arabic-Indic digits, chosen in the header, for the counts and the dates; a case
    // number or a name keeps its own.
    admin.goto("/organizations?q=Probe%20Y&lang=ar").await;
    admin.follow("١٢٣").await;
    assert_eq!(caption(&admin).await, "النتائج: ١١ مؤسسة");
    admin.sees("مؤسسة الاختبار Y11").await;
    checks::page_is_sound(&admin, "ar").await;
    admin.goto(&format!("/organizations/{}", ids[0])).await;
    let (shown, machine): (String, String) = admin
        .eval("(() => { const t = document.querySelector('time'); return [t.innerText, t.getAttribute('datetime')]; })()")
        .await;
    assert!(shown.chars().any(|c| ('٠'..='٩').contains(&c)), "{shown}");
    assert!(!shown.chars().any(|c| c.is_ascii_digit()), "{shown}");
    assert!(shown.contains("بتوقيت بغداد"), "{shown}");
    assert!(
        machine.starts_with("20") && machine.ends_with('Z'),
        "{machine}"
    );
    checks::page_is_sound(&admin, "ar").await;
    // Kept for the next pages, and in Kurdish.
    admin.goto("/organizations?q=Probe%20X&lang=ckb").await;
    assert_eq!(caption(&admin).await, "ئەنجامەکان: ٣ ڕێکخراو");
    checks::page_reads_well(&admin, "ckb").await;
    // And back.
    admin.goto("/organizations?q=Probe%20Y&lang=ar").await;
    admin.follow("123").await;
    assert_eq!(caption(&admin).await, "النتائج: 11 مؤسسة");
    admin.goto(&format!("/organizations/{}", ids[0])).await;
    let shown = admin.text_of("time").await;
    assert!(shown.chars().any(|c| c.is_ascii_digit()), "{shown}");

    // Every status and need (the statistics), every event type of a referral's life and
    // of an organisation's (the histories) in words, in Arabic and in Kurdish.
    for lang in ["ar", "ckb"] {
        admin.goto(&format!("/statistics?lang={lang}")).await;
        checks::page_reads_well(&admin, lang).await;
        admin.goto(&format!("/organizations/{}", ids[0])).await;
        checks::page_reads_well(&admin, lang).await;
    }
}
