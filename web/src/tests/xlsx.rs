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

/// Whether the first worksheet opens right to left.
pub fn right_to_left(bytes: &[u8]) -> bool {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.contains(r#"rightToLeft="1""#)
}
