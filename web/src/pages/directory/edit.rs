//! `GET|POST /organizations/new` (the Secretariat registers an organisation; it starts
//! pending until verified) and `GET|POST /organizations/{id}/edit` (its names and the
//! governorates it serves, for the Secretariat or the organisation's manager). One form,
//! with the kind only when registering. A refused form comes back with the API's
//! message and what was typed; success goes to the organisation's profile.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::form::{self, Fields};
use crate::gql;
use crate::i18n::Locale;
use crate::kit::problems::{Control, Problems};
use crate::kit::{command_form, record};
use crate::labels::{self, ORGANIZATION_KINDS};
use crate::layout::{self, Select};
use crate::messages::{t, Msg};
use crate::model::{Governorate, Organization, Viewer, VIEWER_FIELDS};
use crate::state::AppState;
use crate::url;

const NEW_DATA: &str = "query { VIEWER governorates { code nameAr nameEn } }";

const EDIT_DATA: &str = "query($id: ID!) {
  VIEWER
  governorates { code nameAr nameEn }
  organization(id: $id) { id kind nameAr nameEn status governorates { code nameAr nameEn } viewerActions }
}";

const REGISTER: &str = "mutation($input: RegisterOrganizationInput!, $commandId: String) {
  registerOrganization(input: $input, commandId: $commandId) { id }
}";

const UPDATE: &str = "mutation($id: ID!, $input: OrganizationProfileInput!, $commandId: String) {
  updateOrganizationProfile(id: $id, input: $input, commandId: $commandId) { id }
}";

#[derive(Deserialize)]
struct FormData {
    viewer: Option<Viewer>,
    #[serde(default)]
    governorates: Vec<Governorate>,
    #[serde(default)]
    organization: Option<Organization>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Registered {
    register_organization: Created,
}

#[derive(Deserialize)]
struct Created {
    id: String,
}

/// The form's controls, as the API's refusals name them.
const CONTROLS: [Control<'static>; 4] = [
    Control {
        field: "kind",
        id: "org-kind",
        label: Msg::Kind,
    },
    Control {
        field: "nameAr",
        id: "org-name-ar",
        label: Msg::NameAr,
    },
    Control {
        field: "nameEn",
        id: "org-name-en",
        label: Msg::NameEn,
    },
    Control {
        field: "governorates",
        id: "org-gov",
        label: Msg::Governorates,
    },
];

/// What the form holds.
#[derive(Debug, Clone, Default)]
struct Draft {
    kind: String,
    name_ar: String,
    name_en: String,
    governorates: Vec<String>,
}

impl Draft {
    fn of(org: &Organization) -> Draft {
        Draft {
            kind: org.kind.clone(),
            name_ar: org.name_ar.clone(),
            name_en: org.name_en.clone(),
            governorates: org.governorates.iter().map(|g| g.code.clone()).collect(),
        }
    }

    fn from_fields(fields: &Fields) -> Draft {
        Draft {
            kind: fields.trimmed("kind").to_string(),
            name_ar: fields.trimmed("nameAr").to_string(),
            name_en: fields.trimmed("nameEn").to_string(),
            governorates: fields.all_owned("governorates"),
        }
    }
}

/// Registering a new organisation, or editing the profile of `id`.
#[derive(Debug, Clone, Copy)]
enum Target<'a> {
    New,
    Existing(&'a str),
}

pub async fn show_new(State(state): State<AppState>, ctx: Ctx) -> Response {
    let result = show(&state, &ctx, Target::New).await;
    respond(&ctx, result)
}

pub async fn submit_new(State(state): State<AppState>, ctx: Ctx, body: form::Body) -> Response {
    command_form::submit(&state, &ctx, body, |fields, _| {
        submit(&state, &ctx, Target::New, fields)
    })
    .await
}

pub async fn show_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Response {
    let result = show(&state, &ctx, Target::Existing(&id)).await;
    respond(&ctx, result)
}

pub async fn submit_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    body: form::Body,
) -> Response {
    command_form::submit(&state, &ctx, body, |fields, _| {
        submit(&state, &ctx, Target::Existing(&id), fields)
    })
    .await
}

/// The form's data, refused as the API would refuse the command: only the Secretariat
/// administrator registers; only whom `viewerActions` grants edits.
async fn load(state: &AppState, ctx: &Ctx, target: Target<'_>) -> Result<FormData, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let data: FormData = match target {
        Target::New => gql::run(
            state,
            ctx,
            &NEW_DATA.replace("VIEWER", VIEWER_FIELDS),
            serde_json::json!({}),
        )
        .await
        .into_data()?,
        Target::Existing(id) => record::load(state, ctx, EDIT_DATA, id).await?,
    };
    let allowed = match target {
        Target::New => data
            .viewer
            .as_ref()
            .is_some_and(|v| v.capabilities().register_organizations),
        Target::Existing(_) => {
            let org = data.organization.as_ref().ok_or(Failure::NotFound)?;
            org.allows("UPDATE_PROFILE")
        }
    };
    if allowed {
        Ok(data)
    } else {
        Err(Failure::forbidden())
    }
}

async fn show(state: &AppState, ctx: &Ctx, target: Target<'_>) -> Result<Response, Failure> {
    let data = load(state, ctx, target).await?;
    let draft = data
        .organization
        .as_ref()
        .map(Draft::of)
        .unwrap_or_default();
    Ok(render(state, ctx, target, &data, &draft, None))
}

async fn submit(
    state: &AppState,
    ctx: &Ctx,
    target: Target<'_>,
    fields: Fields,
) -> Result<Response, Failure> {
    let draft = Draft::from_fields(&fields);
    // No kind is preselected, so one skipped is caught here, in words, before the API
    // would refuse an empty enum value in its own terms.
    if matches!(target, Target::New) && !ORGANIZATION_KINDS.contains(&draft.kind.as_str()) {
        let data = load(state, ctx, target).await?;
        let mut problems = Problems::default();
        problems.at(
            "org-kind",
            t(ctx.locale, Msg::Kind),
            t(ctx.locale, Msg::ChooseValue),
        );
        let refusal = (problems, StatusCode::UNPROCESSABLE_ENTITY);
        return Ok(render(state, ctx, target, &data, &draft, Some(refusal)));
    }
    let input = serde_json::json!({
        "nameAr": draft.name_ar,
        "nameEn": draft.name_en,
        "governorates": draft.governorates,
    });
    let command_id = fields.command_id(state);
    let outcome = match target {
        Target::New => {
            let mut input = input;
            input["kind"] = draft.kind.clone().into();
            let variables = serde_json::json!({ "input": input, "commandId": command_id });
            gql::run(state, ctx, REGISTER, variables).await
        }
        Target::Existing(id) => {
            let variables =
                serde_json::json!({ "id": id, "input": input, "commandId": command_id });
            gql::run(state, ctx, UPDATE, variables).await
        }
    };
    let error = match outcome.errors.first() {
        None => {
            let (id, done) = match target {
                Target::New => (
                    outcome.into_data::<Registered>()?.register_organization.id,
                    "registered",
                ),
                Target::Existing(id) => (id.to_string(), "updated"),
            };
            return Ok(command_form::done(&url::organization(&id), done));
        }
        Some(error) => error.clone(),
    };
    let field = error.field.clone();
    let (message, status) = command_form::refusal(ctx, error)?;
    let problems = Problems::refusal(ctx.locale, field.as_deref(), message, &CONTROLS, None);
    let refusal = (problems, status);
    let data = load(state, ctx, target).await?;
    Ok(render(state, ctx, target, &data, &draft, Some(refusal)))
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    target: Target<'_>,
    data: &FormData,
    draft: &Draft,
    refusal: Option<(Problems, StatusCode)>,
) -> Response {
    let l = ctx.locale;
    let (title, action) = match target {
        Target::New => (
            t(l, Msg::RegisterOrganization),
            "/organizations/new".to_string(),
        ),
        Target::Existing(id) => (
            t(l, Msg::EditProfile),
            format!("{}/edit", url::organization(id)),
        ),
    };
    let status = refusal.as_ref().map_or(StatusCode::OK, |(_, s)| *s);
    let problems = refusal.map(|(p, _)| p).unwrap_or_default();
    let kind = problems.mark("org-kind");
    let kind_described = kind.described_by(None);
    let body = html! {
        h1 { (title) }
        (problems.summary(l, Msg::ActionFailed))
        form.card method="post" action=(action) {
            @if let Some(viewer) = &data.viewer { (form::guard(state, viewer)) }
            @if matches!(target, Target::New) {
                div.field {
                    label for="org-kind" { (t(l, Msg::Kind)) }
                    // Starts on "choose…": a skipped list must not register a Secretariat.
                    (layout::enum_select(
                        Select::required("org-kind", "kind").marked(kind.invalid(), kind_described.as_deref()),
                        l, &ORGANIZATION_KINDS, labels::organization_kind, Some(&draft.kind)))
                    (kind.message())
                }
            }
            (fields(l, &data.governorates, draft, &problems))
            button type="submit" { (title) }
        }
    };
    (status, layout::page(ctx, data.viewer.as_ref(), title, body)).into_response()
}

fn fields(l: Locale, governorates: &[Governorate], draft: &Draft, problems: &Problems) -> Markup {
    let ar = problems.mark("org-name-ar");
    let en = problems.mark("org-name-en");
    html! {
        div.field {
            label for="org-name-ar" { (t(l, Msg::NameAr)) }
            input #org-name-ar type="text" name="nameAr" lang="ar" dir="rtl" required value=(draft.name_ar)
                aria-invalid=[ar.invalid()] aria-describedby=[ar.described_by(None)];
            (ar.message())
        }
        div.field {
            label for="org-name-en" { (t(l, Msg::NameEn)) }
            input #org-name-en type="text" name="nameEn" lang="en" dir="ltr" required value=(draft.name_en)
                aria-invalid=[en.invalid()] aria-describedby=[en.described_by(None)];
            (en.message())
        }
        (layout::governorate_checks(l, "org-gov", &problems.mark("org-gov"), governorates, &draft.governorates))
    }
}
