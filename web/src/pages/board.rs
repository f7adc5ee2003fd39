//! `GET /referrals/board`: the provider's board — open referrals its organisation may
//! claim (a need it serves, in a governorate where it serves it), filtered by
//! governorate, need, age band and sex, ordered by waiting time or priority; beside it
//! how much of this month's capacity each service has used. No personal data.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::form;
use crate::gql;
use crate::i18n::Locale;
use crate::labels::{self, AGE_BANDS, BOARD_ORDERS, SERVICE_CATEGORIES, SEXES};
use crate::layout::{self, Select};
use crate::messages::{count, shown_total, t, Count, Msg};
use crate::model::{
    CapacityUse, Governorate, Need, Referral, ReferralConnection, Viewer, VIEWER_FIELDS,
};
use crate::state::AppState;
use crate::url;

/// Rows per page.
pub const PAGE_SIZE: i64 = 20;

const QUERY: &str = "query($first: Int, $after: String, $governorate: String, $need: ServiceCategory, $ageBand: AgeBand, $sex: Sex, $order: BoardOrder!) {
  VIEWER
  governorates { code nameAr nameEn }
  referralBoard(first: $first, after: $after, governorate: $governorate, need: $need, ageBand: $ageBand, sex: $sex, order: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id caseNumber status beneficiaryType ageBand sex householdSize vulnerabilities
      waitingHours escalated openedAt
      governorate { code nameAr nameEn }
      needs { category priority }
    }
  }
}";

const CAPACITY: &str = "query { myCapacity { category monthlyCapacity usedThisMonth full } }";

/// The query string of the board.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    pub governorate: Option<String>,
    pub need: Option<String>,
    pub age: Option<String>,
    pub sex: Option<String>,
    pub order: Option<String>,
    pub after: Option<String>,
}

impl Filters {
    /// Drops empty and unknown values; the order defaults to the longest waiting.
    fn cleaned(self) -> Filters {
        let keep = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let known =
            |v: Option<String>, list: &[&str]| keep(v).filter(|s| list.contains(&s.as_str()));
        Filters {
            governorate: keep(self.governorate),
            need: known(self.need, &SERVICE_CATEGORIES),
            age: known(self.age, &AGE_BANDS),
            sex: known(self.sex, &SEXES),
            order: known(self.order, &BOARD_ORDERS).or_else(|| Some("WAITING".to_string())),
            after: keep(self.after),
        }
    }

    fn order(&self) -> &str {
        self.order.as_deref().unwrap_or("WAITING")
    }

    fn is_filtered(&self) -> bool {
        self.governorate.is_some()
            || self.need.is_some()
            || self.age.is_some()
            || self.sex.is_some()
    }

    /// A link to the board with these filters, the given order and cursor.
    fn href(&self, order: &str, after: Option<&str>) -> String {
        url::with_query(
            "/referrals/board",
            &[
                ("governorate", self.governorate.as_deref()),
                ("need", self.need.as_deref()),
                ("age", self.age.as_deref()),
                ("sex", self.sex.as_deref()),
                ("order", Some(order).filter(|o| *o != "WAITING")),
                ("after", after),
            ],
        )
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Data {
    viewer: Option<Viewer>,
    #[serde(default)]
    governorates: Vec<Governorate>,
    referral_board: ReferralConnection,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CapacityData {
    my_capacity: Vec<CapacityUse>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    filters: Result<Query<Filters>, QueryRejection>,
) -> Response {
    let filters = filters.map(|Query(f)| f).unwrap_or_default().cleaned();
    let result = render(&state, &ctx, filters).await;
    respond(&ctx, result)
}

async fn render(state: &AppState, ctx: &Ctx, filters: Filters) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let query = QUERY.replace("VIEWER", VIEWER_FIELDS);
    let variables = serde_json::json!({
        "first": PAGE_SIZE,
        "after": filters.after,
        "governorate": filters.governorate,
        "need": filters.need,
        "ageBand": filters.age,
        "sex": filters.sex,
        "order": filters.order(),
    });
    let data: Data = gql::run(state, ctx, &query, variables).await.into_data()?;
    let capacity = load_capacity(state, ctx).await;
    let l = ctx.locale;
    let connection = &data.referral_board;
    let viewer = data.viewer.as_ref();
    let body = html! {
        h1 { (t(l, Msg::NavBoard)) }
        p.lead { (t(l, Msg::BoardIntro)) }
        div.board-layout {
            div {
                (filter_form(l, &filters, &data.governorates))
                nav.order-switch aria-label=(t(l, Msg::Order)) {
                    span { (t(l, Msg::Order)) ": " }
                    @for order in BOARD_ORDERS {
                        a href=(filters.href(order, None))
                            aria-current=[(order == filters.order()).then_some("true")] {
                            (labels::board_order(l, order))
                        }
                    }
                }
                @if connection.nodes.is_empty() {
                    p.card { (t(l, Msg::BoardEmpty)) }
                } @else {
                    (board_table(state, l, viewer, connection))
                }
                nav.pager aria-label=(t(l, Msg::Pagination)) {
                    @if filters.after.is_some() {
                        a.button.secondary href=(filters.href(filters.order(), None)) { (t(l, Msg::FirstPage)) }
                    }
                    @if connection.page_info.has_next_page {
                        @if let Some(cursor) = &connection.page_info.end_cursor {
                            a.button href=(filters.href(filters.order(), Some(cursor))) rel="next" { (t(l, Msg::NextPage)) }
                        }
                    }
                }
            }
            @if let Some(capacity) = &capacity {
                (capacity_box(l, capacity))
            }
        }
    };
    Ok(layout::page(ctx, viewer, t(l, Msg::NavBoard), body).into_response())
}

/// This month's capacity use, or `None` when it cannot be shown (the box is then
/// left out; the board itself still works).
async fn load_capacity(state: &AppState, ctx: &Ctx) -> Option<Vec<CapacityUse>> {
    gql::optional::<CapacityData>(state, ctx, CAPACITY, "capacity")
        .await
        .map(|data| data.my_capacity)
}

fn board_table(
    state: &AppState,
    l: Locale,
    viewer: Option<&Viewer>,
    connection: &ReferralConnection,
) -> Markup {
    html! {
        div.table-wrap {
            table {
                caption {
                    (t(l, Msg::ReferralCount)) ": "
                    (count(l, Count::Referrals, shown_total(connection.total_count, connection.nodes.len())))
                }
                thead {
                    tr {
                        th scope="col" { (t(l, Msg::CaseNumber)) }
                        th scope="col" { (t(l, Msg::FilterGovernorate)) }
                        th scope="col" { (t(l, Msg::Needs)) }
                        th scope="col" { (t(l, Msg::BeneficiaryType)) }
                        th scope="col" { (t(l, Msg::AgeBand)) }
                        th scope="col" { (t(l, Msg::Sex)) }
                        th scope="col" { (t(l, Msg::HouseholdSize)) }
                        th scope="col" { (t(l, Msg::Vulnerabilities)) }
                        th scope="col" { (t(l, Msg::WaitingHours)) }
                        @if viewer.is_some() { th scope="col" { span.visually-hidden { (t(l, Msg::Actions)) } } }
                    }
                }
                tbody {
                    @for referral in &connection.nodes {
                        (board_row(state, l, viewer, referral))
                    }
                }
            }
        }
    }
}

fn board_row(state: &AppState, l: Locale, viewer: Option<&Viewer>, referral: &Referral) -> Markup {
    html! {
        tr {
            td {
                a href=(url::referral(&referral.id)) { bdi dir="ltr" { (referral.case_number) } }
                @if referral.escalated {
                    " " span.badge.escalated { (t(l, Msg::Escalated)) }
                }
            }
            td {
                @if let Some(g) = &referral.governorate {
                    (layout::governorates(l, std::slice::from_ref(g)))
                }
            }
            td { (needs_with_priority(l, &referral.needs)) }
            td { @if let Some(kind) = &referral.beneficiary_type { (labels::beneficiary_type(l, kind)) } }
            td { @if let Some(band) = &referral.age_band { (labels::age_band(l, band)) } }
            td { @if let Some(sex) = &referral.sex { (labels::sex(l, sex)) } }
            td { @if let Some(size) = referral.household_size { (size) } }
            td {
                @for (i, v) in referral.vulnerabilities.iter().enumerate() {
                    @if i > 0 { (layout::comma(l)) }
                    (labels::vulnerability(l, v))
                }
            }
            td.number { @if let Some(hours) = referral.waiting_hours { (hours) } }
            @if let Some(viewer) = viewer {
                td {
                    form.inline method="post" action={ (url::referral(&referral.id)) "/claim" } {
                        (form::guard(state, viewer))
                        button type="submit" { (t(l, Msg::ActClaim)) }
                    }
                }
            }
        }
    }
}

/// Needs with a priority badge each.
pub fn needs_with_priority(l: Locale, needs: &[Need]) -> Markup {
    html! {
        ul.needs {
            @for need in needs {
                li {
                    (labels::service_category(l, &need.category))
                    @if let Some(priority) = &need.priority {
                        " " span class={ "badge priority-" (priority) } { (labels::priority(l, priority)) }
                    }
                }
            }
        }
    }
}

fn capacity_box(l: Locale, capacity: &[CapacityUse]) -> Markup {
    html! {
        aside.card.capacity aria-labelledby="capacity-heading" {
            h2 #capacity-heading { (t(l, Msg::CapacityTitle)) }
            @if capacity.is_empty() {
                p.muted { (t(l, Msg::NoCapacity)) }
            } @else {
                table {
                    thead {
                        tr {
                            th scope="col" { (t(l, Msg::Category)) }
                            th scope="col" { (t(l, Msg::CapacityUsed)) }
                        }
                    }
                    tbody {
                        @for service in capacity {
                            tr {
                                td { (labels::service_category(l, &service.category)) }
                                td {
                                    bdi dir="ltr" { (service.used_this_month) " / " (service.monthly_capacity) }
                                    @if service.full {
                                        " " span.badge.full { (t(l, Msg::Full)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn filter_form(l: Locale, filters: &Filters, governorates: &[Governorate]) -> Markup {
    html! {
        form.card.filters method="get" action="/referrals/board" role="search" aria-label=(t(l, Msg::Filters)) {
            div {
                label for="f-governorate" { (t(l, Msg::FilterGovernorate)) }
                (layout::governorate_select(Select::filter("f-governorate", "governorate"), l, governorates, filters.governorate.as_deref()))
            }
            div {
                label for="f-need" { (t(l, Msg::FilterNeed)) }
                (layout::enum_select(Select::filter("f-need", "need"), l, &SERVICE_CATEGORIES, labels::service_category, filters.need.as_deref()))
            }
            div {
                label for="f-age" { (t(l, Msg::AgeBand)) }
                (layout::enum_select(Select::filter("f-age", "age"), l, &AGE_BANDS, labels::age_band, filters.age.as_deref()))
            }
            div {
                label for="f-sex" { (t(l, Msg::Sex)) }
                (layout::enum_select(Select::filter("f-sex", "sex"), l, &SEXES, labels::sex, filters.sex.as_deref()))
            }
            @if filters.order() != "WAITING" {
                input type="hidden" name="order" value=(filters.order());
            }
            div.actions {
                button type="submit" { (t(l, Msg::ApplyFilters)) }
                @if filters.is_filtered() {
                    a href="/referrals/board" { (t(l, Msg::ClearFilters)) }
                }
            }
        }
    }
}
