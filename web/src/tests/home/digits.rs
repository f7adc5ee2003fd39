//! The digits switch: Arabic-Indic digits for the figures, counts and dates of Arabic and
//! Kurdish pages when the reader asks, remembered in a cookie; never for codes, case
//! numbers or what was typed; never on English pages.

use std::sync::Arc;

use crate::tests::fake::{get, ninewa, viewer, Fake, SESSION};

fn list() -> serde_json::Value {
    serde_json::json!({
        "viewer": viewer("NRM_CASEWORKER"),
        "governorates": [ninewa()],
        "referrals": {
            "totalCount": 12,
            "pageInfo": { "hasNextPage": false, "endCursor": null },
            "nodes": [{
                "id": "r-1",
                "caseNumber": "NRM-NI-2026-000123",
                "status": "OPEN",
                "ageBand": "UNDER_18",
                "sex": "MALE",
                "createdAt": "2026-01-05T09:30:00Z",
                "escalated": false,
                "erased": false,
                "governorate": ninewa(),
                "needs": [{ "category": "HOUSING", "priority": "HIGH", "delivered": false }],
                "holder": null
            }]
        }
    })
}

#[tokio::test]
async fn arabic_indic_digits_are_chosen_by_a_link_and_kept_in_a_cookie() {
    let fake = Arc::new(Fake::new().data("referrals(", list()));
    let answer = get(&fake, "/referrals?case=000123", Some(SESSION)).await;
    assert!(answer.body.contains("12 إحالة"), "Latin by default");
    assert!(answer
        .body
        .contains(r#"href="/referrals?case=000123&amp;digits=arab""#));

    let answer = get(&fake, "/referrals?case=000123&digits=arab", Some(SESSION)).await;
    let body = &answer.body;
    assert!(body.contains("١٢ إحالة"), "the count");
    assert!(
        body.contains("٥ كانون الثاني ٢٠٢٦، ١٢:٣٠ بتوقيت بغداد"),
        "the date"
    );
    assert!(
        body.contains(r#"datetime="2026-01-05T09:30:00Z""#),
        "the machine's time"
    );
    assert!(
        body.contains("NRM-NI-2026-000123"),
        "a case number is a code"
    );
    assert!(body.contains(r#"value="000123""#), "what was typed stays");
    assert!(!body.contains("12 إحالة"));
    let cookie = answer.cookie("sanad_digits").expect("digits cookie");
    assert!(cookie.starts_with("sanad_digits=arab;"), "{cookie}");

    let cookies = format!("{SESSION}; sanad_digits=arab");
    let answer = get(&fake, "/referrals", Some(&cookies)).await;
    assert!(answer.body.contains("١٢ إحالة"), "remembered");
    assert!(answer.cookie("sanad_digits").is_none());

    let answer = get(&fake, "/referrals?lang=ckb", Some(&cookies)).await;
    assert!(answer.body.contains("١٢ ئاڕاستەکردن"), "Kurdish too");

    let answer = get(&fake, "/referrals?lang=en", Some(&cookies)).await;
    assert!(
        answer.body.contains("12 referrals"),
        "English keeps Latin digits"
    );
    assert!(!answer.body.contains("digits=arab"), "and offers no switch");

    let answer = get(&fake, "/referrals?digits=latn", Some(&cookies)).await;
    assert!(answer.body.contains("12 إحالة"), "switched back");
    let cookie = answer.cookie("sanad_digits").expect("digits cookie");
    assert!(cookie.starts_with("sanad_digits=latn;"), "{cookie}");
}
