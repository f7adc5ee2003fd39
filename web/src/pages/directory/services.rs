//! `POST /organizations/{id}/services` (offer a service, or change where and how much
//! of one already offered) and `POST /organizations/{id}/services/withdraw`. Each form
//! carries the session's CSRF token and its own command id. Success goes back to the
//! profile with a notice; failure shows the profile again with the API's message and
//! what was typed.

use axum::http::StatusCode;

use super::notice::{Notice, ServiceDraft};
use super::show;
use crate::context::Ctx;
use crate::failure::{Answer, Failure};
use crate::form::{self, Fields};
use crate::gql;
use crate::kit::problems::{Control, Problems};
use crate::labels::SERVICE_CATEGORIES;
use crate::messages::{t, Msg};
use crate::state::AppState;

const OFFERED: &str = "query($id: ID!) { organization(id: $id) { id services { category } } }";

const OFFER: &str = "mutation($id: ID!, $input: ServiceInput!, $commandId: String) {
  offerService(organizationId: $id, input: $input, commandId: $commandId) { category }
}";

const UPDATE: &str = "mutation($id: ID!, $input: ServiceInput!, $commandId: String) {
  updateService(organizationId: $id, input: $input, commandId: $commandId) { category }
}";

const WITHDRAW: &str = "mutation($id: ID!, $category: ServiceCategory!, $commandId: String) {
  withdrawService(organizationId: $id, category: $category, commandId: $commandId)
}";

#[derive(serde::Deserialize)]
struct Offered {
    organization: Option<OfferedServices>,
}

#[derive(serde::Deserialize)]
struct OfferedServices {
    services: Vec<crate::model::Service>,
}

/// The service form's controls, as the API's refusals name them.
const SERVICE_FORM: [Control<'static>; 3] = [
    Control {
        field: "category",
        id: "service-category",
        label: Msg::Category,
    },
    Control {
        field: "governorates",
        id: "service-gov",
        label: Msg::Governorates,
    },
    Control {
        field: "monthlyCapacity",
        id: "service-capacity",
        label: Msg::MonthlyCapacity,
    },
];

/// Which of the two forms was sent.
#[derive(Debug, Clone, Copy)]
pub enum Form {
    Save,
    Withdraw,
}

pub async fn run(state: &AppState, ctx: &Ctx, id: &str, fields: Fields, which: Form) -> Answer {
    match which {
        Form::Save => run_save(state, ctx, id, &fields).await,
        Form::Withdraw => run_withdraw(state, ctx, id, &fields).await,
    }
}

async fn run_save(state: &AppState, ctx: &Ctx, id: &str, fields: &Fields) -> Answer {
    let draft = ServiceDraft {
        category: fields.trimmed("category").to_string(),
        governorates: fields.all_owned("governorates"),
        capacity: fields.trimmed("monthlyCapacity").to_string(),
    };
    // What the schema could not even parse is answered here, in the viewer's words.
    let Ok(capacity) = draft.capacity.parse::<i32>() else {
        let mut problems = Problems::default();
        problems.at(
            "service-capacity",
            t(ctx.locale, Msg::MonthlyCapacity),
            t(ctx.locale, Msg::CapacityInvalid),
        );
        let notice = Notice::ServiceFailed {
            problems,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            draft,
        };
        return show::render(state, ctx, id, None, notice).await;
    };
    let Some(category) = form::one_of(&draft.category, &SERVICE_CATEGORIES) else {
        return Err(Failure::NotFound);
    };
    // Offer it, or change it when the organisation offers it already.
    let offered: Offered = gql::run(state, ctx, OFFERED, serde_json::json!({ "id": id }))
        .await
        .into_data()?;
    let services = offered.organization.ok_or(Failure::NotFound)?.services;
    let mutation = if services.iter().any(|s| s.category == category) {
        UPDATE
    } else {
        OFFER
    };
    let variables = serde_json::json!({
        "id": id,
        "input": {
            "category": category,
            "governorates": draft.governorates,
            "monthlyCapacity": capacity,
        },
        "commandId": fields.command_id(state),
    });
    let outcome = gql::run(state, ctx, mutation, variables).await;
    show::answer(
        state,
        ctx,
        id,
        outcome,
        "service-saved",
        &SERVICE_FORM,
        Some(("service-form", Msg::ServiceFormTitle)),
        |problems, status| Notice::ServiceFailed {
            problems,
            status,
            draft,
        },
    )
    .await
}

async fn run_withdraw(state: &AppState, ctx: &Ctx, id: &str, fields: &Fields) -> Answer {
    let Some(category) = form::one_of(fields.trimmed("category"), &SERVICE_CATEGORIES) else {
        return Err(Failure::NotFound);
    };
    let variables = serde_json::json!({
        "id": id,
        "category": category,
        "commandId": fields.command_id(state),
    });
    let outcome = gql::run(state, ctx, WITHDRAW, variables).await;
    show::answer(
        state,
        ctx,
        id,
        outcome,
        "service-withdrawn",
        &[],
        None,
        |problems, status| Notice::Failed {
            problems,
            status,
            draft: String::new(),
        },
    )
    .await
}
