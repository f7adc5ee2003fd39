use std::sync::Arc;

use crate::tests::fake::{get, ninewa, viewer, Fake, SESSION};
use crate::tests::xlsx::{first_sheet, quote_prefixed, right_to_left, sheets};

fn list(role: &str) -> serde_json::Value {
    serde_json::json!({
        "viewer": viewer(role),
        "governorates": [ninewa()],
        "referrals": {
            "totalCount": 27,
            "pageInfo": { "hasNextPage": true, "endCursor": "c/2" },
            "nodes": [{
                "id": "r-1",
                "caseNumber": "NRM-NI-2026-000123",
                "status": "IN_SERVICE",
                "ageBand": "UNDER_18",
                "sex": "MALE",
                "createdAt": "2026-01-05T09:30:00Z",
                "escalated": false,
                "erased": false,
                "governorate": ninewa(),
                "needs": [{ "category": "CIVIL_DOCUMENTATION", "priority": "HIGH", "delivered": false }],
                "holder": { "id": "org-7", "nameAr": "منظمة الأمل", "nameEn": "Hope Organisation" }
            }]
        }
    })
}

#[tokio::test]
async fn the_office_list_shows_the_referrals_with_their_facts() {
    let fake = Arc::new(Fake::new().data("referrals(", list("NRM_CASEWORKER")));
    let answer = get(
        &fake,
        "/referrals?status=IN_SERVICE&governorate=IQ-NI&case=000123",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    let body = &answer.body;
    assert!(body.contains("<h1>إحالات المكتب</h1>"));
    assert!(body.contains(r#"href="/referrals/r-1""#));
    assert!(body.contains("NRM-NI-2026-000123"));
    assert!(body.contains("قيد تقديم الخدمة"));
    assert!(body.contains("نينوى"));
    assert!(body.contains("الوثائق المدنية"));
    assert!(body.contains("أقل من 18 سنة"));
    assert!(body.contains("ذكر"));
    assert!(body.contains("منظمة الأمل"));
    // Shown as the time in Iraq (UTC+3), the zone named.
    assert!(body.contains("5 كانون الثاني 2026، 12:30 بتوقيت بغداد"));
    assert!(body.contains("27"));
    assert!(body.contains(
        r#"href="/referrals?status=IN_SERVICE&amp;governorate=IQ-NI&amp;case=000123&amp;after=c%2F2""#
    ));
    let call = fake.call_with("referrals(");
    assert_eq!(call.variables["first"], 20);
    assert_eq!(call.variables["status"], "IN_SERVICE");
    assert_eq!(call.variables["governorate"], "IQ-NI");
    assert_eq!(call.variables["caseNumber"], "000123");
}

#[tokio::test]
async fn a_provider_sees_the_list_as_my_cases() {
    let fake = Arc::new(Fake::new().data("referrals(", list("PROVIDER_STAFF")));
    let answer = get(&fake, "/referrals?status=BOGUS", Some(SESSION)).await;
    assert!(answer.body.contains("<h1>حالاتي</h1>"));
    assert!(fake.call_with("referrals(").variables["status"].is_null());
}

#[tokio::test]
async fn without_a_session_the_list_redirects_to_login() {
    let fake = Arc::new(Fake::new());
    let answer = get(&fake, "/referrals", None).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/login");
    assert!(fake.calls().is_empty());
}

fn export_page(nodes: Vec<serde_json::Value>, next: Option<&str>) -> serde_json::Value {
    serde_json::json!({ "referrals": {
        "pageInfo": { "hasNextPage": next.is_some(), "endCursor": next },
        "nodes": nodes
    }})
}

#[tokio::test]
async fn the_list_offers_its_download_with_the_same_filters() {
    let fake = Arc::new(Fake::new().data("referrals(", list("NRM_CASEWORKER")));
    let answer = get(
        &fake,
        "/referrals?status=IN_SERVICE&case=000123",
        Some(SESSION),
    )
    .await;
    assert!(answer
        .body
        .contains(r#"href="/referrals.xlsx?status=IN_SERVICE&amp;case=000123""#));
    assert!(answer.body.contains("تنزيل ملف Excel"));
    // The same table as CSV, beside it.
    assert!(answer
        .body
        .contains(r#"href="/referrals.csv?status=IN_SERVICE&amp;case=000123""#));
    assert!(answer.body.contains("تنزيل ملف CSV"));
}

#[tokio::test]
async fn the_list_downloads_as_csv_for_programs_and_excel_alike() {
    let mut node = list("NRM_CASEWORKER")["referrals"]["nodes"][0].clone();
    // An organisation's name as a spreadsheet would run it.
    node["holder"]["nameAr"] = "=HYPERLINK(\"http://x\",\"منظمة\")".into();
    let fake = Arc::new(Fake::new().data("referrals(", export_page(vec![node], None)));
    let answer = get(&fake, "/referrals.csv?status=IN_SERVICE", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.headers.get("content-type").unwrap(),
        "text/csv; charset=utf-8; header=present"
    );
    assert!(answer
        .headers
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("sanad-referrals.csv"));
    assert_eq!(answer.headers.get("cache-control").unwrap(), "no-store");
    // A byte-order mark first, so Excel reads the Arabic as UTF-8.
    assert!(answer.bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(answer.bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "رقم الحالة,الحالة,رمز المحافظة,المحافظة,الاحتياجات,الفئة العمرية,الجنس,مقدّم الخدمة,تاريخ الإنشاء (بتوقيت بغداد)"
    );
    assert_eq!(
        lines[1],
        "NRM-NI-2026-000123,قيد تقديم الخدمة,IQ-NI,نينوى,الوثائق المدنية,أقل من 18 سنة,ذكر,\"'=HYPERLINK(\"\"http://x\"\",\"\"منظمة\"\")\",2026-01-05 12:30"
    );
    assert_eq!(lines[2], "", "the last record ends with CRLF too");
    assert_eq!(
        fake.call_with("referrals(").variables["status"],
        "IN_SERVICE"
    );
}

#[tokio::test]
async fn the_list_downloads_every_page_under_the_same_filters() {
    let first = list("NRM_CASEWORKER")["referrals"]["nodes"][0].clone();
    let second = serde_json::json!({
        "id": "r-2", "caseNumber": "NRM-NI-2026-000099", "status": "OPEN",
        "ageBand": null, "sex": null, "createdAt": "2026-01-04T21:05:00Z",
        "governorate": ninewa(),
        "needs": [{ "category": "LEGAL" }, { "category": "HOUSING" }],
        "holder": null
    });
    let fake = Arc::new(Fake::new().pages(
        "referrals(",
        vec![
            export_page(vec![first], Some("c/50")),
            export_page(vec![second], None),
        ],
    ));
    let answer = get(
        &fake,
        "/referrals.xlsx?status=OPEN&case=NRM-NI",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.headers.get("cache-control").unwrap(), "no-store");
    assert!(right_to_left(&answer.bytes));
    let (name, rows) = first_sheet(&answer.bytes);
    assert_eq!(name, "الإحالات");
    assert_eq!(
        rows.len(),
        3,
        "a header and both pages' referrals: {rows:?}"
    );
    assert_eq!(rows[0][0], "رقم الحالة");
    assert_eq!(rows[0][8], "تاريخ الإنشاء (بتوقيت بغداد)");
    assert_eq!(
        rows[1],
        [
            "NRM-NI-2026-000123",
            "قيد تقديم الخدمة",
            "IQ-NI",
            "نينوى",
            "الوثائق المدنية",
            "أقل من 18 سنة",
            "ذكر",
            "منظمة الأمل",
            "2026-01-05 12:30",
        ]
    );
    assert_eq!(rows[2][0], "NRM-NI-2026-000099");
    assert_eq!(rows[2][4], "الدعم القانوني، الإسكان");
    assert_eq!(rows[2][7], "", "not claimed yet: an empty cell");
    let calls: Vec<_> = fake.calls();
    assert_eq!(calls.len(), 2);
    assert!(calls[0].variables["after"].is_null());
    assert_eq!(calls[1].variables["after"], "c/50");
    for call in &calls {
        assert_eq!(call.variables["status"], "OPEN");
        assert_eq!(call.variables["caseNumber"], "NRM-NI");
        assert!(call.variables["governorate"].is_null());
    }
}

#[tokio::test]
async fn a_download_past_its_limit_says_it_holds_only_the_newest() {
    let node = list("NRM_CASEWORKER")["referrals"]["nodes"][0].clone();
    // Every page full and another always after it.
    let fake = Arc::new(Fake::new().data("referrals(", export_page(vec![node; 50], Some("more"))));
    let answer = get(&fake, "/referrals.xlsx?lang=en", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    let (_, rows) = first_sheet(&answer.bytes);
    let referrals = rows.iter().filter(|r| r[0] == "NRM-NI-2026-000123").count();
    assert_eq!(referrals, crate::every_page::MAX_ROWS);
    assert_eq!(rows.len(), referrals + 1, "nothing but the table");
    let books = sheets(&answer.bytes);
    let (name, notes) = &books[1];
    assert_eq!(name, "Notes");
    assert!(
        notes[0][0]
            .to_string()
            .contains("only the first 10000 rows"),
        "{notes:?}"
    );
}

#[tokio::test]
async fn a_name_a_spreadsheet_would_run_stays_text_in_the_workbook() {
    let mut node = list("NRM_CASEWORKER")["referrals"]["nodes"][0].clone();
    node["holder"]["nameAr"] = "=1+2".into();
    let fake = Arc::new(Fake::new().data("referrals(", export_page(vec![node], None)));
    let answer = get(&fake, "/referrals.xlsx", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    let (_, rows) = first_sheet(&answer.bytes);
    assert_eq!(rows[1][7], "=1+2", "written as the text it is");
    // Marked as text, so editing the cell does not make it a formula.
    assert!(quote_prefixed(&answer.bytes, "H2"));
    assert!(!quote_prefixed(&answer.bytes, "A2"), "other text as it is");
}
