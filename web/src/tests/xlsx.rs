//! Reads a downloaded workbook back the way a spreadsheet program would.

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

/// The first worksheet: its name and every row, each cell as text (a date-time as
/// `2026-01-05 09:30`).
pub fn first_sheet(bytes: &[u8]) -> (String, Vec<Vec<String>>) {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::DateTime(at) => at
                        .as_datetime()
                        .unwrap()
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    (name, rows)
}

/// Every worksheet, by name, each cell as the spreadsheet program types it.
pub fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// Whether the cell at `row`, `col` of the first worksheet is marked as text that must
/// stay text (Excel's quote prefix), as the workbook's XML says.
pub fn quote_prefixed(bytes: &[u8], cell: &str) -> bool {
    let sheet = xml(bytes, "xl/worksheets/sheet1.xml");
    let styles = xml(bytes, "xl/styles.xml");
    // The cell's style index, then that style's `quotePrefix`.
    let Some(style) = sheet
        .split(&format!(r#"<c r="{cell}""#))
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .and_then(|attrs| attrs.split(r#"s=""#).nth(1))
        .and_then(|rest| rest.split('"').next())
        .and_then(|s| s.parse::<usize>().ok())
    else {
        return false;
    };
    styles
        .split("<cellXfs")
        .nth(1)
        .map(|xfs| {
            xfs.split("<xf ")
                .skip(1)
                .nth(style)
                .unwrap_or_default()
                .to_string()
        })
        .is_some_and(|xf| xf.contains(r#"quotePrefix="1""#))
}

fn xml(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// Whether the first worksheet opens right to left.
pub fn right_to_left(bytes: &[u8]) -> bool {
    xml(bytes, "xl/worksheets/sheet1.xml").contains(r#"rightToLeft="1""#)
}
