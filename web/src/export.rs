//! Downloads people open in Excel or LibreOffice: one worksheet of a table the page
//! shows, right to left when the page is, with a bold frozen header row and a filter on
//! every column. Built as `.xlsx` rather than CSV because Excel opens a CSV with Arabic
//! in the wrong encoding and left to right, and loses dates as text.

use axum::http::header::{HeaderValue, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use crate::failure::Failure;
use crate::gql::GqlError;
use crate::i18n::Locale;
use crate::messages::{t, Msg};

/// The MIME type of an Office Open XML workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    /// An RFC 3339 time, written as a date-time in UTC that Excel sorts and filters.
    Time(String),
    Empty,
}

/// A table to download.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The worksheet's tab (at most 31 characters; `[]:*?/\` are replaced).
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Lines written under the table, one blank row below it: what a reader must
    /// know to read it right (suppressed cells, a truncated list).
    pub notes: Vec<String>,
}

/// A sheet's header row: the `texts` columns' labels, then the `times` columns', each
/// marked as read in UTC (as [`Cell::Time`] writes them).
pub fn headers(locale: Locale, texts: &[Msg], times: &[Msg]) -> Vec<String> {
    let texts = texts.iter().map(|m| t(locale, *m).to_string());
    let times = times.iter().map(|m| format!("{} (UTC)", t(locale, *m)));
    texts.chain(times).collect()
}

/// Excel's limit on a worksheet name.
const MAX_SHEET_NAME: usize = 31;

/// The workbook's bytes.
pub fn workbook(locale: Locale, sheet: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold();
    let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&sheet.name))?;
    ws.set_right_to_left(locale.dir() == "rtl");
    for (col, title) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, col_num(col), title, &header)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = row_num(i + 1);
        for (col, cell) in row.iter().enumerate() {
            let c = col_num(col);
            match cell {
                Cell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Number(n) => {
                    // Counts and the like: exact well within f64's 2^53.
                    ws.write_number(r, c, *n as f64)?;
                }
                Cell::Time(s) => match utc_time(s) {
                    Some(at) => {
                        ws.write_datetime_with_format(r, c, &at, &time)?;
                    }
                    None => {
                        ws.write_string(r, c, s)?;
                    }
                },
                Cell::Empty => {}
            }
        }
    }
    if !sheet.headers.is_empty() {
        let last_col = col_num(sheet.headers.len() - 1);
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, row_num(sheet.rows.len()), last_col)?;
    }
    // Fit the columns to the table before the notes are written: autofit reads only
    // the cells present when called, and a note's long line would widen its column.
    ws.autofit();
    let notes_from = sheet.rows.len() + 2;
    for (i, note) in sheet.notes.iter().enumerate() {
        ws.write_string(row_num(notes_from + i), 0, note)?;
    }
    book.save_to_buffer()
}

/// The download: the workbook as an attachment named `filename`, never cached (it is
/// what one signed-in person may see).
pub fn download(locale: Locale, sheet: &Sheet, filename: &str) -> Result<Response, Failure> {
    let bytes = workbook(locale, sheet).map_err(|error| {
        tracing::error!(%error, "the workbook could not be written");
        Failure::Api(GqlError::internal())
    })?;
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .map_err(|_| Failure::Api(GqlError::internal()))?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(XLSX));
    headers.insert(CONTENT_DISPOSITION, disposition);
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(MAX_SHEET_NAME)
        .collect();
    // Excel refuses a name that starts or ends with an apostrophe, or is empty.
    let trimmed = cleaned.trim_matches('\'').trim();
    if trimmed.is_empty() {
        "Sanad".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `2026-12-04T03:25:52.123Z` (or with an offset) as the same instant in UTC.
fn utc_time(value: &str) -> Option<ExcelDateTime> {
    let at = chrono::DateTime::parse_from_rfc3339(value)
        .ok()?
        .naive_utc();
    ExcelDateTime::from_timestamp(at.and_utc().timestamp()).ok()
}

// Sheets here hold thousands of rows and a dozen columns, far below Excel's limits
// (1,048,576 × 16,384); saturating keeps the conversion total.
fn row_num(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn col_num(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_drop_what_excel_refuses() {
        assert_eq!(sheet_name("a/b:c"), "a-b-c");
        assert_eq!(sheet_name("'"), "Sanad");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
    }

    #[test]
    fn a_long_note_does_not_widen_the_first_column() {
        let sheet = Sheet {
            name: "t".into(),
            headers: vec!["رمز المحافظة".into(), "المحافظة".into()],
            rows: vec![vec![Cell::Text("IQ-NI".into()), Cell::Number(7)]],
            notes: vec!["ن".repeat(300)],
        };
        let bytes = workbook(Locale::Ar, &sheet).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut xml,
        )
        .unwrap();
        let width: f64 = xml
            .split(r#"<col min="1" max="1" width=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(width < 30.0, "column A is {width} wide");
        assert!(xml.contains(r#"rightToLeft="1""#));
    }

    #[test]
    fn times_with_an_offset_are_written_in_utc() {
        let z = utc_time("2026-12-04T03:25:52.5Z").unwrap();
        let offset = utc_time("2026-12-04T06:25:52+03:00").unwrap();
        assert_eq!(z.to_excel(), offset.to_excel());
        assert!(utc_time("yesterday").is_none());
    }
}
