//! `GET /referrals/board`: the provider's board — open referrals its organisation may
//! claim (a need it serves, in a governorate where it serves it), filtered by
//! governorate, need, age band and sex, ordered by waiting time or priority; beside it
//! how much of this month's capacity each service has used. No personal data.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::assets;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::form;
use crate::gql;
use crate::i18n::Locale;
use crate::kit::list_page::{self, filter, keep, known, Asked, Filters as _, Listed};
use crate::kit::table;
use crate::labels::{self, AGE_BANDS, BOARD_ORDERS, SERVICE_CATEGORIES, SEXES};
use crate::layout::{self, Select};
use crate::messages::{t, Count, Msg};
use crate::model::{CapacityUse, Connection, Governorate, Need, Referral, Viewer};
use crate::state::AppState;
use crate::url;

use super::board_stream;

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

/// The columns of the board (and one for the claim button, when signed in).
const HEADERS: [Msg; 9] = [
    Msg::CaseNumber,
    Msg::FilterGovernorate,
    Msg::Needs,
    Msg::BeneficiaryType,
    Msg::AgeBand,
    Msg::Sex,
    Msg::HouseholdSize,
    Msg::Vulnerabilities,
    Msg::WaitingHours,
];

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
    fn order(&self) -> &str {
        self.order.as_deref().unwrap_or("WAITING")
    }

    /// The first page of the board with these filters in another order.
    fn ordered(&self, order: &str) -> String {
        let mut pairs = list_page::Filters::pairs(self);
        pairs.retain(|(name, _)| *name != "order");
        pairs.push(("order", Some(order).filter(|o| *o != "WAITING")));
        pairs.push(("after", None));
        url::with_query(Self::PATH, &pairs)
    }
}

impl list_page::Filters for Filters {
    const PATH: &'static str = "/referrals/board";
    const FIELD: &'static str = "referralBoard";

    fn arguments(&self) -> serde_json::Value {
        serde_json::json!({
            "governorate": self.governorate,
            "need": self.need,
            "ageBand": self.age,
            "sex": self.sex,
            "order": self.order(),
        })
    }

    /// Drops empty and unknown values; the order defaults to the longest waiting.
    fn cleaned(self) -> Filters {
        Filters {
            governorate: keep(self.governorate),
            need: known(self.need, &SERVICE_CATEGORIES),
            age: known(self.age, &AGE_BANDS),
            sex: known(self.sex, &SEXES),
            order: known(self.order, &BOARD_ORDERS).or_else(|| Some("WAITING".to_string())),
            after: keep(self.after),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Option<&str>)> {
        vec![
            ("governorate", self.governorate.as_deref()),
            ("need", self.need.as_deref()),
            ("age", self.age.as_deref()),
            ("sex", self.sex.as_deref()),
            ("order", Some(self.order()).filter(|o| *o != "WAITING")),
        ]
    }

    fn after(&self) -> Option<&str> {
        self.after.as_deref()
    }

    /// The order is no filter: clearing the filters keeps it.
    fn is_filtered(&self) -> bool {
        self.governorate.is_some()
            || self.need.is_some()
            || self.age.is_some()
            || self.sex.is_some()
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CapacityData {
    my_capacity: Vec<CapacityUse>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, filters: Asked<Filters>) -> Response {
    list_page::answer(&ctx, filters, |f| render(&state, &ctx, f)).await
}

async fn render(state: &AppState, ctx: &Ctx, filters: Filters) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let data: Listed<Referral> = list_page::load(state, ctx, QUERY, &filters).await?;
    let capacity = load_capacity(state, ctx).await;
    let l = ctx.locale;
    let connection = &data.connection;
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
                        a href=(filters.ordered(order))
                            aria-current=[(order == filters.order()).then_some("true")] {
                            (labels::board_order(l, order))
                        }
                    }
                }
                // Live: `assets/board.js` replaces this part when the board changes.
                div #board-live data-events=(board_stream::PATH) {
                    (board_table(state, l, viewer, connection))
                    (list_page::pager(l, &filters, &connection.page_info))
                }
                (live_status(l, &filters))
            }
            @if let Some(capacity) = &capacity {
                (capacity_box(l, capacity))
            }
        }
    };
    Ok(layout::page(ctx, viewer, t(l, Msg::NavBoard), body).into_response())
}

/// Where the board says it changed (a polite live region, its words in the page's
/// language for the script to use), the link that reloads it as filtered without
/// JavaScript, and the script.
fn live_status(l: Locale, filters: &Filters) -> Markup {
    html! {
        p.live-status {
            span #board-status role="status" aria-live="polite"
                data-arrived=(t(l, Msg::BoardArrived))
                data-updated=(t(l, Msg::BoardUpdated)) {}
            " "
            a href=(list_page::Filters::href(filters, filters.after())) { (t(l, Msg::BoardRefresh)) }
        }
        script src=(assets::BOARD_JS_SRC) defer {}
    }
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
    connection: &Connection<Referral>,
) -> Markup {
    let head = html! {
        (table::headers(l, &HEADERS))
        @if viewer.is_some() { th scope="col" { span.visually-hidden { (t(l, Msg::Actions)) } } }
    };
    list_page::rows(
        l,
        connection,
        Msg::BoardEmpty,
        (Msg::ReferralCount, Count::Referrals),
        head,
        |referral| board_row(state, l, viewer, referral),
    )
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
                    thead { tr { (table::headers(l, &[Msg::Category, Msg::CapacityUsed])) } }
                    tbody {
                        @for service in capacity {
                            tr {
                                td { (labels::service_category(l, &service.category)) }
                                td {
                                    bdi dir="ltr" { (layout::number(l, service.used_this_month)) " / " (layout::number(l, service.monthly_capacity)) }
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
    list_page::filter_form(
        l,
        filters,
        html! {
            (filter(l, "f-governorate", Msg::FilterGovernorate, layout::governorate_select(Select::filter("f-governorate", "governorate"), l, governorates, filters.governorate.as_deref())))
            (filter(l, "f-need", Msg::FilterNeed, layout::enum_select(Select::filter("f-need", "need"), l, &SERVICE_CATEGORIES, labels::service_category, filters.need.as_deref())))
            (filter(l, "f-age", Msg::AgeBand, layout::enum_select(Select::filter("f-age", "age"), l, &AGE_BANDS, labels::age_band, filters.age.as_deref())))
            (filter(l, "f-sex", Msg::Sex, layout::enum_select(Select::filter("f-sex", "sex"), l, &SEXES, labels::sex, filters.sex.as_deref())))
            @if filters.order() != "WAITING" {
                input type="hidden" name="order" value=(filters.order());
            }
        },
    )
}
