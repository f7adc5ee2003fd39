use std::sync::Arc;

use super::fake::{anbar, get, ninewa, viewer, Fake, SESSION};

#[tokio::test]
async fn suppressed_cells_read_fewer_than_five() {
    let fake = Arc::new(Fake::new().data(
        "referralStatistics",
        serde_json::json!({
            "viewer": viewer("SECRETARIAT_AUDITOR"),
            "referralStatistics": [
                { "status": "OPEN", "governorate": ninewa(), "need": "LEGAL", "count": 12, "suppressed": false },
                { "status": "CLOSED", "governorate": ninewa(), "need": "LEGAL", "count": null, "suppressed": true },
                { "status": "OPEN", "governorate": anbar(), "need": "HOUSING", "count": null, "suppressed": true }
            ]
        }),
    ));
    let answer = get(&fake, "/statistics", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    let body = &answer.body;
    assert!(body.contains("إحصاءات الإحالات"));
    assert_eq!(body.matches("أقل من 5").count(), 2);
    assert!(body.contains(">12<"));
    assert!(body.contains("نينوى"));
    assert!(body.contains("الأنبار"));
    assert!(body.contains("الدعم القانوني"));
    assert!(body.contains("الإسكان"));
    assert!(body.contains("مغلقة"));
    // No number leaks out of a suppressed cell.
    let suppressed_cells = body
        .matches(r#"<td class="suppressed">أقل من 5</td>"#)
        .count();
    assert_eq!(suppressed_cells, 2);
}

#[tokio::test]
async fn statistics_in_english_say_fewer_than_5() {
    let fake = Arc::new(Fake::new().data(
        "referralStatistics",
        serde_json::json!({
            "viewer": viewer("SECRETARIAT_ADMIN"),
            "referralStatistics": [
                { "status": "OPEN", "governorate": ninewa(), "need": "LEGAL", "count": null, "suppressed": true }
            ]
        }),
    ));
    let answer = get(&fake, "/statistics?lang=en", Some(SESSION)).await;
    assert!(answer.body.contains("Fewer than 5"));
}

#[tokio::test]
async fn statistics_refused_to_a_provider_show_the_api_message() {
    let fake = Arc::new(Fake::new().error(
        "referralStatistics",
        "FORBIDDEN",
        "الإحصاءات للأمانة العامة فقط",
    ));
    let answer = get(&fake, "/statistics", Some(SESSION)).await;
    assert_eq!(answer.status, 403);
    assert!(answer.body.contains("الإحصاءات للأمانة العامة فقط"));
}
