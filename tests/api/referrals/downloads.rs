//! The downloads as a program reads them: counts typed as numbers (a withheld one empty,
//! with a true/false column saying so), notes on a sheet of their own, Baghdad's times
//! named in the headers, text a spreadsheet would run kept as text, and the same tables
//! as CSV beside the workbooks.

use std::io::{Cursor, Read};

use calamine::{Data, Reader};

use super::*;

/// Every worksheet of a workbook, by name, each cell typed as a spreadsheet reads it.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("a workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a worksheet");
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

/// A CSV download's header and records, after checking its byte-order mark.
fn csv_table(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark, so Excel reads UTF-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[tokio::test]
async fn the_statistics_download_types_every_count_and_flags_the_withheld() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let auditor = app.login("auditor", DEMO_PASSWORD).await;
    for _ in 0..6 {
        ok(create(&app, &caseworker, "IQ-NI", json!([{"category": "LEGAL"}])).await);
    }
    // One referral alone in its cell: withheld.
    ok(create(&app, &caseworker, "IQ-NI", json!([{"category": "HOUSING"}])).await);

    let (status, bytes) = app.page(Some(&auditor), "/statistics.xlsx").await;
    assert_eq!(status, 200);
    let books = sheets(&bytes);
    let (_, table) = &books[0];
    let header: Vec<String> = table[0].iter().map(|c| c.to_string()).collect();
    let open = header
        .iter()
        .position(|h| h == "مفتوحة لمقدّمي الخدمات")
        .unwrap();
    assert_eq!(header[open + 1], "مفتوحة لمقدّمي الخدمات (محجوب)");
    let row = |need: &str| {
        table
            .iter()
            .find(|r| r[0] == Data::String("IQ-NI".into()) && r[2] == Data::String(need.into()))
            .unwrap_or_else(|| panic!("no Ninewa × {need} row: {table:?}"))
    };
    let legal = row("الدعم القانوني");
    assert!(
        matches!(legal[open], Data::Float(n) if n >= 6.0),
        "{legal:?}"
    );
    assert_eq!(legal[open + 1], Data::Bool(false));
    let housing = row("الإسكان");
    assert_eq!(
        housing[open],
        Data::Empty,
        "withheld, and no text in its place"
    );
    assert_eq!(housing[open + 1], Data::Bool(true));
    // Every count column holds numbers or nothing; every flag a boolean.
    for r in &table[1..] {
        for (col, cell) in r.iter().enumerate().skip(3) {
            let flag = (col - 3) % 2 == 1;
            let typed = if flag {
                matches!(cell, Data::Bool(_))
            } else {
                matches!(cell, Data::Float(_) | Data::Empty)
            };
            assert!(typed, "{} holds {cell:?}", header[col]);
        }
    }
    // Nothing under the table; the rule for reading it is on its own sheet.
    assert!(table.iter().skip(1).all(|r| !r[0].to_string().is_empty()));
    let (notes_name, notes) = &books[1];
    assert_eq!(notes_name, "ملاحظات");
    assert!(notes[0][0].to_string().contains("تُحجب"), "{notes:?}");

    // The same table as CSV.
    let (status, bytes) = app.page(Some(&auditor), "/statistics.csv").await;
    assert_eq!(status, 200);
    let (header, rows) = csv_table(&bytes);
    let open = header
        .iter()
        .position(|h| h == "مفتوحة لمقدّمي الخدمات")
        .unwrap();
    let csv_row = |need: &str| {
        rows.iter()
            .find(|r| r[0] == "IQ-NI" && r[2] == need)
            .unwrap()
            .clone()
    };
    assert!(csv_row("الدعم القانوني")[open].parse::<i64>().unwrap() >= 6);
    assert_eq!(csv_row("الإسكان")[open], "");
    assert_eq!(csv_row("الإسكان")[open + 1], "true");
    // Refused as the workbook is.
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    assert_eq!(app.page(Some(&staff), "/statistics.csv").await.0, 403);
}

#[tokio::test]
async fn the_referral_list_downloads_in_baghdad_time_as_csv_too() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let made = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await);
    let number = made["createReferral"]["caseNumber"].as_str().unwrap();
    let id = made["createReferral"]["id"].as_str().unwrap();
    let at = ok(app
        .gql(
            Some(&caseworker),
            "query($id:ID!){ referral(id:$id){ createdAt } }",
            json!({"id": id}),
        )
        .await)["referral"]["createdAt"]
        .as_str()
        .unwrap()
        .to_string();
    let baghdad = chrono::DateTime::parse_from_rfc3339(&at)
        .unwrap()
        .naive_utc()
        + chrono::Duration::hours(3);
    let shown = baghdad.format("%Y-%m-%d %H:%M").to_string();

    let (status, bytes) = app.page(Some(&caseworker), "/referrals.csv").await;
    assert_eq!(status, 200);
    let (header, rows) = csv_table(&bytes);
    assert_eq!(header.last().unwrap(), "تاريخ الإنشاء (بتوقيت بغداد)");
    let row = rows.iter().find(|r| r[0] == number).unwrap();
    assert_eq!(row.last().unwrap(), &shown, "{row:?}");
    assert!(
        !String::from_utf8_lossy(&bytes).contains("مريم"),
        "no personal data"
    );

    let (_, bytes) = app.page(Some(&caseworker), "/referrals.xlsx").await;
    let books = sheets(&bytes);
    let (_, table) = &books[0];
    assert_eq!(
        table[0].last().unwrap().to_string(),
        "تاريخ الإنشاء (بتوقيت بغداد)"
    );
    let row = table
        .iter()
        .find(|r| r[0] == Data::String(number.into()))
        .unwrap();
    let Data::DateTime(cell) = row.last().unwrap() else {
        panic!("not a date-time: {row:?}");
    };
    assert_eq!(
        cell.as_datetime()
            .unwrap()
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        shown
    );
}

#[tokio::test]
async fn a_name_a_spreadsheet_would_run_is_downloaded_as_text() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let name = "=HYPERLINK(\"http://example.invalid\",\"Claim\")";
    ok(app
        .gql(
            Some(&admin),
            "mutation($i: RegisterOrganizationInput!){ registerOrganization(input:$i){ id } }",
            json!({"i": {"kind": "CHAMBER", "nameAr": "غرفة التجارة التجريبية", "nameEn": name, "governorates": ["IQ-AR"]}}),
        )
        .await);

    let (status, bytes) = app
        .page(Some(&admin), "/organizations.xlsx?kind=CHAMBER")
        .await;
    assert_eq!(status, 200);
    let books = sheets(&bytes);
    let (_, table) = &books[0];
    let row = table
        .iter()
        .position(|r| r[1] == Data::String(name.into()))
        .unwrap_or_else(|| panic!("the name as text: {table:?}"));
    // Marked as text (Excel's quote prefix), so editing the cell never runs it.
    let cell = format!("B{}", row + 1);
    assert!(
        quote_prefixed(&bytes, &cell),
        "{cell} is not marked as text"
    );
    assert!(!quote_prefixed(&bytes, &format!("A{}", row + 1)));

    let (status, bytes) = app
        .page(Some(&admin), "/organizations.csv?kind=CHAMBER")
        .await;
    assert_eq!(status, 200);
    let (_, rows) = csv_table(&bytes);
    assert!(
        rows.iter().any(|r| r[1] == format!("'{name}")),
        "an apostrophe first: {rows:?}"
    );
}

/// Whether `cell` (`B7`) of the first worksheet carries Excel's quote prefix.
fn quote_prefixed(bytes: &[u8], cell: &str) -> bool {
    let part = |name: &str| {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    };
    let sheet = part("xl/worksheets/sheet1.xml");
    let styles = part("xl/styles.xml");
    let style: Option<usize> = sheet
        .split(&format!(r#"<c r="{cell}""#))
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .and_then(|attrs| attrs.split(r#"s=""#).nth(1))
        .and_then(|rest| rest.split('"').next())
        .and_then(|s| s.parse().ok());
    let Some(style) = style else {
        return false;
    };
    styles
        .split("<cellXfs")
        .nth(1)
        .and_then(|xfs| xfs.split("<xf ").nth(style + 1))
        .is_some_and(|xf| {
            xf.split("</xf>")
                .next()
                .unwrap_or_default()
                .contains(r#"quotePrefix="1""#)
        })
}
