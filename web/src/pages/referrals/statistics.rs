//! `GET /statistics`: the Secretariat's anonymised statistics — referrals by
//! governorate, need and status — and `GET /statistics.xlsx` and `.csv`, the same table
//! as a download. Cells the API suppressed (fewer than 5 referrals) read "fewer than 5"
//! on the page; a download leaves such a count empty and says so in a true/false column
//! beside it, so every count column stays numbers. No totals are shown, since totals
//! would let a reader work a suppressed cell out.

use std::collections::HashMap;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use crate::context::Ctx;
use crate::export::{self, FileType, Sheet};
use crate::failure::{respond, Failure};
use crate::gql;
use crate::kit::list_page;
use crate::labels::{self, REFERRAL_STATUSES, SERVICE_CATEGORIES};
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{Governorate, ReferralCount, Viewer, VIEWER_FIELDS};
use crate::state::AppState;

const QUERY: &str = "query {
  VIEWER
  referralStatistics { status need count suppressed governorate { code nameAr nameEn } }
}";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Data {
    viewer: Option<Viewer>,
    referral_statistics: Vec<ReferralCount>,
}

/// What one cell of the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Count(i64),
    Suppressed,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Response {
    let result = render(&state, &ctx).await;
    respond(&ctx, result)
}

/// `GET /statistics.xlsx` and `/statistics.csv`.
pub async fn download(State(state): State<AppState>, ctx: Ctx, file_type: FileType) -> Response {
    let result = file(&state, &ctx, file_type).await;
    respond(&ctx, result)
}

/// Rows (governorate × need, in a stable order) and their cells by status.
type Table = Vec<((Governorate, String), HashMap<String, Cell>)>;

fn table(counts: Vec<ReferralCount>) -> Table {
    let mut rows: Table = Vec::new();
    for count in counts {
        let cell = match (count.suppressed, count.count) {
            (false, Some(n)) => Cell::Count(n),
            // Suppressed, or a count the API withheld without saying so.
            _ => Cell::Suppressed,
        };
        let index = rows
            .iter()
            .position(|((g, need), _)| g.code == count.governorate.code && *need == count.need);
        let index = match index {
            Some(i) => i,
            None => {
                rows.push(((count.governorate, count.need), HashMap::new()));
                rows.len() - 1
            }
        };
        rows[index].1.insert(count.status, cell);
    }
    let need_rank = |need: &str| {
        SERVICE_CATEGORIES
            .iter()
            .position(|c| *c == need)
            .unwrap_or(usize::MAX)
    };
    rows.sort_by(|((ga, na), _), ((gb, nb), _)| {
        ga.code
            .cmp(&gb.code)
            .then(need_rank(na).cmp(&need_rank(nb)))
    });
    rows
}

async fn fetch(state: &AppState, ctx: &Ctx) -> Result<Data, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let query = QUERY.replace("VIEWER", VIEWER_FIELDS);
    Ok(gql::run(state, ctx, &query, serde_json::json!({}))
        .await
        .into_data()?)
}

async fn file(state: &AppState, ctx: &Ctx, file_type: FileType) -> Result<Response, Failure> {
    let data = fetch(state, ctx).await?;
    let l = ctx.locale;
    let mut headers = vec![
        t(l, Msg::GovernorateCode).to_string(),
        t(l, Msg::FilterGovernorate).to_string(),
        t(l, Msg::FilterNeed).to_string(),
    ];
    // Each status's count, then whether it was withheld.
    for status in REFERRAL_STATUSES {
        let label = labels::referral_status(l, status);
        let flag = export::suppressed_header(l, &label);
        headers.extend([label, flag]);
    }
    let rows = table(data.referral_statistics)
        .into_iter()
        .map(|((governorate, need), cells)| {
            let mut row = vec![
                export::Cell::Text(governorate.code.clone()),
                export::Cell::Text(
                    layout::name_text(l, &governorate.name_ar, &governorate.name_en).to_string(),
                ),
                export::Cell::Text(labels::service_category(l, &need)),
            ];
            for status in REFERRAL_STATUSES {
                let (count, suppressed) = match cells.get(status) {
                    Some(Cell::Count(n)) => (export::Cell::Number(*n), false),
                    Some(Cell::Suppressed) => (export::Cell::Empty, true),
                    // No referral in that cell: a true zero, unlike a suppressed one.
                    None => (export::Cell::Number(0), false),
                };
                row.push(count);
                row.push(export::Cell::Flag(suppressed));
            }
            row
        })
        .collect();
    let sheet = Sheet {
        name: t(l, Msg::StatisticsTitle).to_string(),
        headers,
        rows,
        notes: vec![t(l, Msg::StatisticsIntro).to_string()],
    };
    export::download(l, &sheet, "sanad-referral-statistics", file_type)
}

async fn render(state: &AppState, ctx: &Ctx) -> Result<Response, Failure> {
    let data = fetch(state, ctx).await?;
    let l = ctx.locale;
    let rows = table(data.referral_statistics);
    let body = html! {
        h1 { (t(l, Msg::StatisticsTitle)) }
        p.lead { (t(l, Msg::StatisticsIntro)) }
        @if !rows.is_empty() {
            (list_page::download_links(l, "/statistics.xlsx", "/statistics.csv"))
        }
        @if rows.is_empty() {
            p.card { (t(l, Msg::NoStatistics)) }
        } @else {
            div.table-wrap {
                table.statistics {
                    thead {
                        tr {
                            th scope="col" { (t(l, Msg::FilterGovernorate)) }
                            th scope="col" { (t(l, Msg::FilterNeed)) }
                            @for status in REFERRAL_STATUSES {
                                th scope="col" { (labels::referral_status(l, status)) }
                            }
                        }
                    }
                    tbody {
                        @for ((governorate, need), cells) in &rows {
                            tr {
                                th scope="row" { (layout::governorates(l, std::slice::from_ref(governorate))) }
                                th scope="row" { (labels::service_category(l, need)) }
                                @for status in REFERRAL_STATUSES {
                                    @match cells.get(status) {
                                        Some(Cell::Count(n)) => td.number { (layout::number(l, n)) },
                                        Some(Cell::Suppressed) => td.suppressed { (t(l, Msg::Suppressed)) },
                                        // A dash to the eye, "0" to a screen reader (an aria-label on a span is
                                        // not read by all of them).
                                        None => td.muted { span aria-hidden="true" { "—" } span.visually-hidden { "0" } },
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(ctx, data.viewer.as_ref(), t(l, Msg::StatisticsTitle), body).into_response())
}
