use std::sync::Arc;

use crate::tests::fake::{anbar, get, ninewa, viewer, Fake, SESSION};
use calamine::Data;

use crate::tests::xlsx::{first_sheet, right_to_left, sheets};

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
    let header = &rows[0];
    let open = header
        .iter()
        .position(|h| h == "Open to providers")
        .unwrap();
    assert_eq!(header[open + 1], "Open to providers (suppressed)");
    assert_eq!(rows[1][open], "", "a withheld count is an empty cell");
    assert_eq!(rows[1][open + 1], "true");
    let books = sheets(&answer.bytes);
    assert_eq!(books[1].0, "Notes");
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
    // Each count has the column beside it that says whether it was withheld.
    assert_eq!(header[open + 1], "مفتوحة لمقدّمي الخدمات (محجوب)");
    assert_eq!(header[closed + 1], "مغلقة (محجوب)");
    assert_eq!(rows.len(), 3, "the table and nothing under it: {rows:?}");

    // As a table reader types the cells: numbers, empty and booleans, never text.
    let books = sheets(&answer.bytes);
    let table = &books[0].1;
    // Rows by governorate code: Anbar (IQ-AN) before Ninewa (IQ-NI).
    assert_eq!(table[1][0], Data::String("IQ-AN".into()));
    assert_eq!(table[1][2], Data::String("الإسكان".into()));
    assert_eq!(table[1][open], Data::Empty, "withheld: no number, no text");
    assert_eq!(table[1][open + 1], Data::Bool(true));
    assert_eq!(
        table[1][closed],
        Data::Float(0.0),
        "no referral there is a true zero"
    );
    assert_eq!(table[1][closed + 1], Data::Bool(false));
    assert_eq!(table[2][0], Data::String("IQ-NI".into()));
    assert_eq!(table[2][open], Data::Float(12.0));
    assert_eq!(table[2][open + 1], Data::Bool(false));
    assert_eq!(
        table[2][closed],
        Data::Empty,
        "a suppressed cell stays withheld"
    );
    assert_eq!(table[2][closed + 1], Data::Bool(true));
    for row in &table[1..] {
        for (i, cell) in row.iter().enumerate().skip(3) {
            assert!(
                matches!(cell, Data::Float(_) | Data::Empty | Data::Bool(_)),
                "column {i} holds {cell:?}"
            );
        }
    }
    // The note on suppression has a sheet of its own, right to left as the table.
    let (notes_name, notes) = &books[1];
    assert_eq!(notes_name, "ملاحظات");
    assert!(notes[0][0].to_string().contains("تُحجب الخلايا"));
}

#[tokio::test]
async fn the_statistics_download_as_csv_keeps_counts_numeric() {
    let fake = Arc::new(Fake::new().data("referralStatistics", three_cells()));
    let page = get(&fake, "/statistics", Some(SESSION)).await;
    assert!(page.body.contains(r#"href="/statistics.csv""#));
    assert!(page.body.contains("تنزيل ملف CSV"));

    let answer = get(&fake, "/statistics.csv", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    let text = String::from_utf8(answer.bytes.clone()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let col = |label: &str| header.iter().position(|h| h == label).unwrap();
    let (open, closed) = (col("مفتوحة لمقدّمي الخدمات"), col("مغلقة"));
    assert_eq!(header[open + 1], "مفتوحة لمقدّمي الخدمات (محجوب)");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "the table alone, no note under it");
    assert_eq!(&rows[0][open], "");
    assert_eq!(&rows[0][open + 1], "true");
    assert_eq!(&rows[0][closed], "0");
    assert_eq!(&rows[1][open], "12");
    assert_eq!(&rows[1][closed + 1], "true");
    // Every count parses as an integer or is empty.
    for row in &rows {
        for status in [open, closed] {
            assert!(row[status].is_empty() || row[status].parse::<i64>().is_ok());
        }
    }
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
