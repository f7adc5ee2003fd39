//! Downloads of the tables the pages show, as a workbook for people (`.xlsx`: right to
//! left when the page is, a bold frozen header row, a filter on every column) and as CSV
//! for programs (UTF-8 with a byte-order mark, so Excel also reads its Arabic, RFC 4180
//! quoting). Either is a table a reader can type column by column: counts are numbers,
//! a withheld count an empty cell beside a true/false column saying so, times are
//! Baghdad's (the header says so), and what a reader must know to read the table (a
//! suppression rule, a truncated list) goes on a sheet of its own, never under the table.
//! Text that a spreadsheet would take for a formula once edited is marked as text.

use axum::http::header::{HeaderValue, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::failure::Failure;
use crate::gql::GqlError;
use crate::i18n::Locale;
use crate::messages::{t, Msg};

/// The MIME type of an Office Open XML workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The MIME type of the CSV downloads (RFC 4180, with its header row).
pub const CSV: &str = "text/csv; charset=utf-8; header=present";

/// The byte-order mark a CSV download starts with: without it Excel reads UTF-8 as the
/// machine's legacy code page, and Arabic comes out as mojibake.
pub const BOM: &str = "\u{feff}";

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    /// An RFC 3339 time, written as the date-time it was in Baghdad.
    Time(String),
    /// A yes or no, written as a boolean (`true`/`false` in CSV) a table reader types as one.
    Flag(bool),
    Empty,
}

/// A table to download.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The worksheet's tab (at most 31 characters; `[]:*?/\` are replaced).
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// What a reader must know to read the table right (suppressed cells, a truncated
    /// list): the workbook's second sheet, so the table's columns hold nothing else.
    pub notes: Vec<String>,
}

/// The two kinds of download every table offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Xlsx,
    Csv,
}

impl FileType {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Xlsx => "xlsx",
            Self::Csv => "csv",
        }
    }
}

/// A time column's header: its label and the zone its times are in.
pub fn time_header(locale: Locale, label: Msg) -> String {
    format!("{} ({})", t(locale, label), t(locale, Msg::BaghdadTime))
}

/// The header of the true/false column that says a count beside it was withheld.
pub fn suppressed_header(locale: Locale, column: &str) -> String {
    format!("{column} ({})", t(locale, Msg::SuppressedFlag))
}

/// A sheet's header row: the `texts` columns' labels, then the `times` columns', each
/// naming the zone its times are in (as [`Cell::Time`] writes them).
pub fn headers(locale: Locale, texts: &[Msg], times: &[Msg]) -> Vec<String> {
    let texts = texts.iter().map(|m| t(locale, *m).to_string());
    let times = times.iter().map(|m| time_header(locale, *m));
    texts.chain(times).collect()
}

/// Excel's limit on a worksheet name.
const MAX_SHEET_NAME: usize = 31;

/// The workbook's bytes: the table, and its notes on a sheet of their own.
pub fn workbook(locale: Locale, sheet: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let rtl = locale.dir() == "rtl";
    let header = Format::new().set_bold();
    let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let quoted = Format::new().set_quote_prefix();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&sheet.name))?;
    ws.set_right_to_left(rtl);
    for (col, title) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, col_num(col), title, &header)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = row_num(i + 1);
        for (col, cell) in row.iter().enumerate() {
            let c = col_num(col);
            match cell {
                Cell::Text(s) if looks_like_a_formula(s) => {
                    ws.write_string_with_format(r, c, s, &quoted)?;
                }
                Cell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Number(n) => {
                    // Counts and the like: exact well within f64's 2^53.
                    ws.write_number(r, c, *n as f64)?;
                }
                Cell::Time(s) => match baghdad_time(s) {
                    Some(at) => {
                        let at = ExcelDateTime::from_timestamp(at.and_utc().timestamp())?;
                        ws.write_datetime_with_format(r, c, &at, &time)?;
                    }
                    None => write_text(ws, r, c, s, &quoted)?,
                },
                Cell::Flag(yes) => {
                    ws.write_boolean(r, c, *yes)?;
                }
                Cell::Empty => {}
            }
        }
    }
    if !sheet.headers.is_empty() {
        let last_col = col_num(sheet.headers.len() - 1);
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, row_num(sheet.rows.len()), last_col)?;
    }
    ws.autofit();
    if !sheet.notes.is_empty() {
        let notes = book.add_worksheet();
        notes.set_name(sheet_name(t(locale, Msg::NotesSheet)))?;
        notes.set_right_to_left(rtl);
        for (i, note) in sheet.notes.iter().enumerate() {
            write_text(notes, row_num(i), 0, note, &quoted)?;
        }
    }
    book.save_to_buffer()
}

fn write_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    quoted: &Format,
) -> Result<(), XlsxError> {
    if looks_like_a_formula(text) {
        ws.write_string_with_format(row, col, text, quoted)?;
    } else {
        ws.write_string(row, col, text)?;
    }
    Ok(())
}

/// The CSV's bytes: a byte-order mark, the header row and the rows (the notes are the
/// workbook's; a CSV reader wants the table alone).
pub fn csv(sheet: &Sheet) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    out.write_record(sheet.headers.iter().map(|h| csv_text(h)))?;
    for row in &sheet.rows {
        out.write_record(row.iter().map(csv_cell))?;
    }
    out.into_inner().map_err(|error| error.into_error().into())
}

fn csv_cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => csv_text(s),
        Cell::Number(n) => n.to_string(),
        Cell::Time(s) => match baghdad_time(s) {
            Some(at) => at.format("%Y-%m-%d %H:%M").to_string(),
            None => csv_text(s),
        },
        Cell::Flag(yes) => yes.to_string(),
        Cell::Empty => String::new(),
    }
}

/// Text a spreadsheet would run as a formula is written after an apostrophe, as OWASP
/// advises for CSV: the apostrophe keeps it text.
fn csv_text(text: &str) -> String {
    if looks_like_a_formula(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Whether a spreadsheet would take `text`, typed into a cell, for a formula (or DDE):
/// it starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
fn looks_like_a_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The download: the table as an attachment named `stem` with the file type's
/// extension, never cached (it is what one signed-in person may see).
pub fn download(
    locale: Locale,
    sheet: &Sheet,
    stem: &str,
    file_type: FileType,
) -> Result<Response, Failure> {
    let (bytes, content_type) = match file_type {
        FileType::Xlsx => (
            workbook(locale, sheet).map_err(|error| {
                tracing::error!(%error, "the workbook could not be written");
                Failure::Api(GqlError::internal())
            })?,
            XLSX,
        ),
        FileType::Csv => (
            csv(sheet).map_err(|error| {
                tracing::error!(%error, "the CSV could not be written");
                Failure::Api(GqlError::internal())
            })?,
            CSV,
        ),
    };
    let filename = format!("{stem}.{}", file_type.extension());
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .map_err(|_| Failure::Api(GqlError::internal()))?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
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

/// `2026-12-04T03:25:52.123Z` (or with an offset) as the minute it was in Baghdad, as
/// the pages show it ([`crate::layout::datetime`]).
fn baghdad_time(value: &str) -> Option<chrono::NaiveDateTime> {
    let at = chrono::DateTime::parse_from_rfc3339(value).ok()?;
    Some(at.with_timezone(&chrono_tz::Asia::Baghdad).naive_local())
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
    fn times_are_written_as_the_minute_they_were_in_baghdad() {
        let z = baghdad_time("2026-12-04T03:25:52Z").unwrap();
        let offset = baghdad_time("2026-12-04T06:25:52+03:00").unwrap();
        assert_eq!(z, offset);
        assert_eq!(z.format("%Y-%m-%d %H:%M").to_string(), "2026-12-04 06:25");
        // Past midnight in Baghdad, the day before in UTC.
        let late = baghdad_time("2026-01-04T21:05:00Z").unwrap();
        assert_eq!(
            late.format("%Y-%m-%d %H:%M").to_string(),
            "2026-01-05 00:05"
        );
        assert!(baghdad_time("yesterday").is_none());
    }

    #[test]
    fn text_a_spreadsheet_would_run_is_marked_as_text() {
        for text in ["=1+2", "+964 770", "-2", "@SUM(A1)", "\tx"] {
            assert!(looks_like_a_formula(text), "{text}");
            assert_eq!(csv_text(text), format!("'{text}"));
        }
        for text in ["مريم", "IQ-NI", "1=1", ""] {
            assert!(!looks_like_a_formula(text), "{text}");
            assert_eq!(csv_text(text), text);
        }
    }

    #[test]
    fn a_csv_starts_with_a_byte_order_mark_and_quotes_by_rfc_4180() {
        let sheet = Sheet {
            name: "t".into(),
            headers: vec!["الاسم".into(), "العدد".into(), "محجوب".into()],
            rows: vec![
                vec![
                    Cell::Text("a, \"b\"\nc".into()),
                    Cell::Number(7),
                    Cell::Flag(false),
                ],
                vec![
                    Cell::Text("=HYPERLINK()".into()),
                    Cell::Empty,
                    Cell::Flag(true),
                ],
            ],
            notes: vec!["not in the CSV".into()],
        };
        let text = String::from_utf8(csv(&sheet).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}الاسم,العدد,محجوب\r\n\"a, \"\"b\"\"\nc\",7,false\r\n'=HYPERLINK(),,true\r\n"
        );
    }
}
