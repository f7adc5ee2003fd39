use std::sync::Arc;

use crate::tests::fake::{anbar, get, ninewa, viewer, Fake, SESSION};
use crate::tests::xlsx::{first_sheet, right_to_left};

/// Ninewa × legal support: 12 open, closed suppressed; Anbar × housing: open suppressed.
fn three_cells() -> serde_json::Value {
    serde_json::json!({
        "viewer": viewer("SECRETARIAT_AUDITOR"),
        "referralStatistics": [
            { "status": "OPEN", "governorate": ninewa(), "need": "LEGAL", "count": 12, "suppressed": false },
            { "status": "CLOSED", "governorate": ninewa(), "need": "LEGAL", "count": null, "suppressed": true },
            { "status": "OPEN", "governorate": anbar(), "need": "HOUSING", "count": null, "suppressed": true }
        ]
    })
}

#[tokio::test]
async fn suppressed_cells_read_fewer_than_five() {
    let fake = Arc::new(Fake::new().data("referralStatistics", three_cells()));
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
    // The download too, left to right.
    let answer = get(&fake, "/statistics.xlsx?lang=en", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(!right_to_left(&answer.bytes));
    let (_, rows) = first_sheet(&answer.bytes);
    assert_eq!(&rows[1][..3], ["IQ-NI", "Ninewa", "Legal support"]);
    assert!(rows[1].contains(&"Fewer than 5".to_string()));
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

#[tokio::test]
async fn the_statistics_download_opens_as_the_same_table_right_to_left() {
    let fake = Arc::new(Fake::new().data("referralStatistics", three_cells()));
    let page = get(&fake, "/statistics", Some(SESSION)).await;
    assert!(page.body.contains(r#"href="/statistics.xlsx""#));
    assert!(page.body.contains("تنزيل ملف Excel"));

    let answer = get(&fake, "/statistics.xlsx", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.headers.get("content-type").unwrap(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(answer
        .headers
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    assert_eq!(answer.headers.get("cache-control").unwrap(), "no-store");
    assert!(right_to_left(&answer.bytes));
    let (name, rows) = first_sheet(&answer.bytes);
    assert_eq!(name, "إحصاءات الإحالات");
    let header = &rows[0];
    assert_eq!(&header[..3], ["رمز المحافظة", "المحافظة", "الاحتياج"]);
    let col = |label: &str| header.iter().position(|h| h == label).unwrap();
    let (open, closed) = (col("مفتوحة لمقدّمي الخدمات"), col("مغلقة"));
    // Rows by governorate code: Anbar (IQ-AN) before Ninewa (IQ-NI).
    assert_eq!(&rows[1][..3], ["IQ-AN", "الأنبار", "الإسكان"]);
    assert_eq!(rows[1][open], "أقل من 5");
    assert_eq!(rows[1][closed], "0", "no referral there is a true zero");
    assert_eq!(&rows[2][..3], ["IQ-NI", "نينوى", "الدعم القانوني"]);
    assert_eq!(rows[2][open], "12");
    assert_eq!(
        rows[2][closed], "أقل من 5",
        "a suppressed cell stays withheld"
    );
    // The note on suppression sits under the table.
    assert!(rows.iter().skip(3).any(|r| r[0].contains("تُحجب الخلايا")));
}

#[tokio::test]
async fn the_statistics_download_is_refused_as_the_page_is() {
    let fake = Arc::new(Fake::new().error(
        "referralStatistics",
        "FORBIDDEN",
        "الإحصاءات للأمانة العامة فقط",
    ));
    let answer = get(&fake, "/statistics.xlsx", Some(SESSION)).await;
    assert_eq!(answer.status, 403);
    assert!(answer.body.contains("الإحصاءات للأمانة العامة فقط"));
    let anonymous = get(&fake, "/statistics.xlsx", None).await;
    assert_eq!(anonymous.status, 303);
    assert_eq!(anonymous.location(), "/login");
}
