//! `GET /referrals/new` and `POST /referrals/new`: an NRM case worker refers a person.
//! The anonymised facts, the needs with their priorities, the consent and — in a
//! fieldset marked confidential — the personal data, which the API seals before it
//! stores it. A refused form comes back with the API's message beside the field it
//! names (`extensions.field`) and everything the case worker typed, personal data
//! included (in the page only: never in a link, never in a log, never cached).
//! Success goes to the new referral's page.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::header::{HeaderValue, CACHE_CONTROL};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::{message_of, respond, status_of, Failure};
use crate::form::{self, Fields};
use crate::gql::{self, ErrorCode, GqlError};
use crate::i18n::Locale;
use crate::kit::command_form;
use crate::kit::problems::Problems;
use crate::kit::table;
use crate::labels::{
    self, AGE_BANDS, BENEFICIARY_TYPES, CONSENT_GIVERS, PRIORITIES, SERVICE_CATEGORIES, SEXES,
    VULNERABILITIES,
};
use crate::layout::{self, Select};
use crate::messages::{t, Msg};
use crate::model::{Governorate, Side, Viewer, VIEWER_FIELDS};
use crate::state::AppState;
use crate::url;

const FORM_DATA: &str = "query { VIEWER governorates { code nameAr nameEn } }";

const GOVERNORATES: &str = "query { governorates { code nameAr nameEn } }";

const CREATE: &str = "mutation($input: CreateReferralInput!, $commandId: String) {
  createReferral(input: $input, commandId: $commandId) { id caseNumber }
}";

/// The names of the form's inputs, with their labels: the same paths the API names
/// in `extensions.field`, so its errors land beside the right input, and the summary
/// says which one in the words of the form.
const FIELDS: [(&str, Msg); 23] = [
    ("beneficiaryType", Msg::BeneficiaryType),
    ("returnCountry", Msg::ReturnCountry),
    ("governorate", Msg::FilterGovernorate),
    ("district", Msg::District),
    ("sex", Msg::Sex),
    ("ageBand", Msg::AgeBand),
    ("householdSize", Msg::HouseholdSize),
    ("vulnerabilities", Msg::Vulnerabilities),
    ("needs", Msg::SectionNeeds),
    ("consent", Msg::SectionConsent),
    ("consent.givenBy", Msg::GivenBy),
    ("consent.givenOn", Msg::GivenOn),
    ("consent.shareWithProviders", Msg::ShareWithProviders),
    ("consent.mayContact", Msg::MayContact),
    ("consent.expiresOn", Msg::ExpiresOn),
    ("personal", Msg::SectionPersonal),
    ("personal.fullName", Msg::FullName),
    ("personal.phone", Msg::Phone),
    ("personal.dateOfBirth", Msg::DateOfBirth),
    ("personal.idDocumentType", Msg::IdDocumentType),
    ("personal.idDocumentNumber", Msg::IdDocumentNumber),
    ("personal.address", Msg::Address),
    ("personal.notes", Msg::CaseNotes),
];

/// Personal inputs: `(name, label, kind)`.
const PERSONAL: [(&str, Msg, &str); 7] = [
    ("personal.fullName", Msg::FullName, "text"),
    ("personal.phone", Msg::Phone, "tel"),
    ("personal.dateOfBirth", Msg::DateOfBirth, "text"),
    ("personal.idDocumentType", Msg::IdDocumentType, "text"),
    ("personal.idDocumentNumber", Msg::IdDocumentNumber, "text"),
    ("personal.address", Msg::Address, "text"),
    ("personal.notes", Msg::CaseNotes, "textarea"),
];

/// The `id` of the input (or fieldset) named `name`.
fn field_id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

/// Where on the form an error about `field` is shown: the input itself, else its
/// group (`consent.x` → the consent fieldset), else only above the form.
fn place(field: &str) -> Option<(&'static str, Msg)> {
    let top = field.split('.').next().unwrap_or_default();
    FIELDS
        .iter()
        .find(|(known, _)| *known == field)
        .or_else(|| FIELDS.iter().find(|(known, _)| *known == top))
        .copied()
}

/// A problem with the input `name` (or, with `None`, the form as a whole), named in
/// the summary by the input's label.
fn problem(l: Locale, problems: &mut Problems, name: Option<&str>, message: String) {
    match name.and_then(place) {
        Some((name, label)) => problems.at(field_id(name), t(l, label), message),
        None => problems.whole(message),
    }
}

/// What the case worker typed (or the defaults of an empty form).
#[derive(Clone, Default)]
pub struct Draft {
    values: HashMap<&'static str, String>,
    vulnerabilities: Vec<String>,
    needs: Vec<String>,
    priorities: HashMap<String, String>,
    share: bool,
    may_contact: bool,
    open: bool,
    command_id: String,
}

impl Draft {
    fn blank(state: &AppState) -> Draft {
        Draft {
            open: true,
            command_id: state.command_ids.next(),
            ..Draft::default()
        }
    }

    fn from_fields(state: &AppState, fields: &Fields) -> Draft {
        let values = FIELDS
            .iter()
            .map(|(name, _)| (*name, fields.get(name).to_string()))
            .collect();
        let priorities = SERVICE_CATEGORIES
            .iter()
            .map(|c| {
                (
                    c.to_string(),
                    fields.trimmed(&format!("priority.{c}")).to_string(),
                )
            })
            .collect();
        Draft {
            values,
            vulnerabilities: fields
                .all("vulnerabilities")
                .into_iter()
                .map(str::to_string)
                .collect(),
            needs: fields
                .all("needs")
                .into_iter()
                .map(str::to_string)
                .collect(),
            priorities,
            share: fields.checked("consent.shareWithProviders"),
            may_contact: fields.checked("consent.mayContact"),
            open: fields.checked("open"),
            command_id: fields.command_id(state),
        }
    }

    fn value(&self, name: &str) -> &str {
        self.values
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }

    fn trimmed(&self, name: &str) -> &str {
        self.value(name).trim()
    }

    fn optional(&self, name: &str) -> Option<String> {
        Some(self.trimmed(name).to_string()).filter(|v| !v.is_empty())
    }

    fn priority(&self, category: &str) -> &str {
        self.priorities
            .get(category)
            .map(String::as_str)
            .filter(|p| PRIORITIES.contains(p))
            .unwrap_or("MEDIUM")
    }

    /// The `input` of `createReferral`, or what must be fixed before it can even be
    /// sent (a value the schema could not parse). The rules of the work — how many
    /// needs, which household sizes, whether consent allows opening — are the API's.
    fn input(&self, l: Locale) -> Result<serde_json::Value, Problems> {
        let mut problems = Problems::default();
        let mut wrong =
            |field: &str, msg: Msg| problem(l, &mut problems, Some(field), t(l, msg).to_string());
        let mut choice = |field: &'static str, list: &[&str]| {
            let value = form::one_of(self.trimmed(field), list);
            if value.is_none() {
                wrong(field, Msg::ChooseValue);
            }
            value
        };
        let beneficiary_type = choice("beneficiaryType", &BENEFICIARY_TYPES);
        let sex = choice("sex", &SEXES);
        let age_band = choice("ageBand", &AGE_BANDS);
        let given_by = choice("consent.givenBy", &CONSENT_GIVERS);
        if self.trimmed("governorate").is_empty() {
            wrong("governorate", Msg::ChooseValue);
        }
        // A country is chosen from the list by its name (or given by its code); the
        // domain keeps the code.
        let country = self.optional("returnCountry");
        let country_code = country.as_deref().and_then(|c| l10n::country_code(l, c));
        if country.is_some() && country_code.is_none() {
            wrong("returnCountry", Msg::UnknownCountry);
        }
        let household: Option<i32> = self.trimmed("householdSize").parse().ok();
        if household.is_none() {
            wrong("householdSize", Msg::BadNumber);
        }
        let given_on = self.trimmed("consent.givenOn");
        if !form::is_date(given_on) {
            wrong("consent.givenOn", Msg::BadDate);
        }
        let expires_on = self.optional("consent.expiresOn");
        if expires_on.as_deref().is_some_and(|d| !form::is_date(d)) {
            wrong("consent.expiresOn", Msg::BadDate);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let needs: Vec<serde_json::Value> = SERVICE_CATEGORIES
            .iter()
            .filter(|c| self.needs.iter().any(|n| n == *c))
            .map(|c| serde_json::json!({ "category": c, "priority": self.priority(c) }))
            .collect();
        let vulnerabilities: Vec<&str> = VULNERABILITIES
            .iter()
            .copied()
            .filter(|v| self.vulnerabilities.iter().any(|x| x == v))
            .collect();
        Ok(serde_json::json!({
            "beneficiaryType": beneficiary_type,
            "returnCountry": country_code,
            "governorate": self.trimmed("governorate"),
            "district": self.optional("district"),
            "sex": sex,
            "ageBand": age_band,
            "householdSize": household,
            "vulnerabilities": vulnerabilities,
            "needs": needs,
            "consent": {
                "givenBy": given_by,
                "givenOn": given_on,
                "shareWithProviders": self.share,
                "mayContact": self.may_contact,
                "expiresOn": expires_on,
            },
            "personal": {
                "fullName": self.trimmed("personal.fullName"),
                "phone": self.optional("personal.phone"),
                "dateOfBirth": self.optional("personal.dateOfBirth"),
                "idDocumentType": self.optional("personal.idDocumentType"),
                "idDocumentNumber": self.optional("personal.idDocumentNumber"),
                "address": self.optional("personal.address"),
                "notes": self.optional("personal.notes"),
            },
            "open": self.open,
        }))
    }
}

#[derive(Deserialize)]
struct FormData {
    viewer: Option<Viewer>,
    #[serde(default)]
    governorates: Vec<Governorate>,
}

#[derive(Deserialize)]
struct GovernoratesData {
    #[serde(default)]
    governorates: Vec<Governorate>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    create_referral: CreatedReferral,
}

#[derive(Deserialize)]
struct CreatedReferral {
    id: String,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Response {
    let result = show_form(&state, &ctx).await;
    respond(&ctx, result)
}

async fn show_form(state: &AppState, ctx: &Ctx) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let query = FORM_DATA.replace("VIEWER", VIEWER_FIELDS);
    let data: FormData = gql::run(state, ctx, &query, serde_json::json!({}))
        .await
        .into_data()?;
    let viewer = data.viewer.ok_or(Failure::SignIn)?;
    if viewer.side() != Side::Nrm {
        return Err(Failure::Api(GqlError {
            code: ErrorCode::Forbidden,
            ..GqlError::internal()
        }));
    }
    let draft = Draft::blank(state);
    Ok(form_page(
        ctx,
        &viewer,
        &data.governorates,
        &draft,
        &Problems::default(),
        StatusCode::OK,
    ))
}

pub async fn submit(State(state): State<AppState>, ctx: Ctx, body: form::Body) -> Response {
    command_form::submit(&state, &ctx, body, |fields, viewer| {
        create(&state, &ctx, fields, viewer)
    })
    .await
}

async fn create(
    state: &AppState,
    ctx: &Ctx,
    fields: Fields,
    viewer: Viewer,
) -> Result<Response, Failure> {
    let draft = Draft::from_fields(state, &fields);
    let input = match draft.input(ctx.locale) {
        Ok(input) => input,
        Err(problems) => {
            return refused(
                state,
                ctx,
                &viewer,
                &draft,
                &problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let variables = serde_json::json!({ "input": input, "commandId": draft.command_id });
    match gql::run(state, ctx, CREATE, variables)
        .await
        .into_data::<Created>()
    {
        Ok(created) => Ok(command_form::done(
            &url::referral(&created.create_referral.id),
            "created",
        )),
        Err(error) if error.code == ErrorCode::Unauthenticated => Err(Failure::SignIn),
        Err(error) => {
            let mut problems = Problems::default();
            problem(
                ctx.locale,
                &mut problems,
                error.field.as_deref(),
                message_of(ctx, &error),
            );
            refused(
                state,
                ctx,
                &viewer,
                &draft,
                &problems,
                status_of(error.code),
            )
            .await
        }
    }
}

/// The form again, with what is wrong and what was typed.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    viewer: &Viewer,
    draft: &Draft,
    problems: &Problems,
    status: StatusCode,
) -> Result<Response, Failure> {
    let governorates = match gql::run(state, ctx, GOVERNORATES, serde_json::json!({}))
        .await
        .into_data::<GovernoratesData>()
    {
        Ok(data) => data.governorates,
        Err(error) => {
            tracing::warn!(message = %error.message, "web: governorates could not be read");
            Vec::new()
        }
    };
    Ok(form_page(
        ctx,
        viewer,
        &governorates,
        draft,
        problems,
        status,
    ))
}

fn form_page(
    ctx: &Ctx,
    viewer: &Viewer,
    governorates: &[Governorate],
    draft: &Draft,
    problems: &Problems,
    status: StatusCode,
) -> Response {
    let l = ctx.locale;
    let body = html! {
        h1 { (t(l, Msg::NavNewReferral)) }
        p.lead { (t(l, Msg::NewReferralIntro)) }
        (problems.summary(l, Msg::FormHasErrors))
        form.referral-form method="post" action="/referrals/new" {
            input type="hidden" name="csrf" value=(viewer.csrf());
            input type="hidden" name="commandId" value=(draft.command_id);
            (facts_fieldset(l, governorates, draft, problems))
            (needs_fieldset(l, draft, problems))
            (consent_fieldset(l, draft, problems))
            (personal_fieldset(l, draft, problems))
            div.field.check {
                input #f-open type="checkbox" name="open" value="true" checked[draft.open];
                label for="f-open" { (t(l, Msg::OpenNow)) }
            }
            button type="submit" { (t(l, Msg::CreateReferral)) }
        }
    };
    let mut response = (
        status,
        layout::page(ctx, Some(viewer), t(l, Msg::NavNewReferral), body),
    )
        .into_response();
    // The page may hold personal data typed by the case worker: keep it out of caches.
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The label of the input `name`.
fn label_of(name: &str) -> Msg {
    place(name).map_or(Msg::Choose, |(_, label)| label)
}

fn text_input(l: Locale, draft: &Draft, problems: &Problems, name: &str) -> Markup {
    let id = field_id(name);
    let mark = problems.mark(&id);
    html! {
        div.field {
            label for=(id) { (t(l, label_of(name))) }
            input id=(id) type="text" name=(name) value=(draft.value(name))
                aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(None)];
            (mark.message())
        }
    }
}

fn choice_input(
    l: Locale,
    draft: &Draft,
    problems: &Problems,
    name: &str,
    values: &[&str],
    labeller: fn(Locale, &str) -> String,
) -> Markup {
    let id = field_id(name);
    let mark = problems.mark(&id);
    let described = mark.described_by(None);
    let select = Select::required(&id, name).marked(mark.invalid(), described.as_deref());
    html! {
        div.field {
            label for=(id) { (t(l, label_of(name))) }
            (layout::enum_select(select, l, values, labeller, Some(draft.trimmed(name))))
            (mark.message())
        }
    }
}

/// The country returned from: typed, and found in the list of every country named in
/// the page's language (a `datalist`: no script; only this language's names, so the
/// page stays light).
fn country_input(l: Locale, draft: &Draft, problems: &Problems) -> Markup {
    let id = field_id("returnCountry");
    let mark = problems.mark(&id);
    let hint = format!("{id}-hint");
    html! {
        div.field {
            label for=(id) { (t(l, Msg::ReturnCountry)) }
            input id=(id) type="text" name="returnCountry" value=(draft.value("returnCountry"))
                list="countries" autocomplete="off"
                aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(Some(&hint))];
            datalist #countries {
                @for country in l10n::countries(l) {
                    option value=(country.name(l)) {}
                }
            }
            span.muted id=(hint) { (t(l, Msg::ReturnCountryHint)) }
            (mark.message())
        }
    }
}

fn facts_fieldset(
    l: Locale,
    governorates: &[Governorate],
    draft: &Draft,
    problems: &Problems,
) -> Markup {
    let gov = problems.mark(&field_id("governorate"));
    let gov_described = gov.described_by(None);
    let house = problems.mark(&field_id("householdSize"));
    let vuln = problems.mark(&field_id("vulnerabilities"));
    html! {
        fieldset.card id=(field_id("facts")) {
            legend { (t(l, Msg::SectionFacts)) }
            div.form-grid {
                (choice_input(l, draft, problems, "beneficiaryType", &BENEFICIARY_TYPES, labels::beneficiary_type))
                (country_input(l, draft, problems))
                div.field {
                    label for="f-governorate" { (t(l, Msg::FilterGovernorate)) }
                    (layout::governorate_select(
                        Select::required("f-governorate", "governorate").marked(gov.invalid(), gov_described.as_deref()),
                        l, governorates, Some(draft.trimmed("governorate"))))
                    (gov.message())
                }
                (text_input(l, draft, problems, "district"))
                (choice_input(l, draft, problems, "sex", &SEXES, labels::sex))
                (choice_input(l, draft, problems, "ageBand", &AGE_BANDS, labels::age_band))
                div.field {
                    label for="f-householdSize" { (t(l, Msg::HouseholdSize)) }
                    input #f-householdSize type="number" name="householdSize" min="1" step="1" required
                        value=(draft.value("householdSize")) inputmode="numeric"
                        aria-invalid=[house.invalid()] aria-describedby=[house.described_by(None)];
                    (house.message())
                }
            }
            fieldset.checks id=(field_id("vulnerabilities"))
                aria-invalid=[vuln.invalid()] aria-describedby=[vuln.described_by(None)] {
                legend { (t(l, Msg::Vulnerabilities)) }
                @for v in VULNERABILITIES {
                    div.check {
                        input id={ "f-vuln-" (v) } type="checkbox" name="vulnerabilities" value=(v)
                            checked[draft.vulnerabilities.iter().any(|x| x == v)];
                        label for={ "f-vuln-" (v) } { (labels::vulnerability(l, v)) }
                    }
                }
                (vuln.message())
            }
        }
    }
}

fn needs_fieldset(l: Locale, draft: &Draft, problems: &Problems) -> Markup {
    let mark = problems.mark(&field_id("needs"));
    html! {
        fieldset.card id=(field_id("needs")) aria-invalid=[mark.invalid()]
            aria-describedby=[mark.described_by(Some("f-needs-hint"))] {
            legend { (t(l, Msg::SectionNeeds)) }
            p #f-needs-hint.muted { (t(l, Msg::NeedsHint)) }
            (mark.message())
            table.needs-table {
                thead { tr { (table::headers(l, &[Msg::FilterNeed, Msg::Priority])) } }
                tbody {
                    @for category in SERVICE_CATEGORIES {
                        tr {
                            td {
                                div.check {
                                    input id={ "f-need-" (category) } type="checkbox" name="needs" value=(category)
                                        checked[draft.needs.iter().any(|n| n == category)];
                                    label for={ "f-need-" (category) } { (labels::service_category(l, category)) }
                                }
                            }
                            td {
                                select id={ "f-priority-" (category) } name={ "priority." (category) }
                                    aria-label={ (t(l, Msg::Priority)) " — " (labels::service_category(l, category)) } {
                                    @for priority in PRIORITIES {
                                        option value=(priority) selected[draft.priority(category) == priority] {
                                            (labels::priority(l, priority))
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
}

fn consent_fieldset(l: Locale, draft: &Draft, problems: &Problems) -> Markup {
    let group = problems.mark(&field_id("consent"));
    let on = problems.mark(&field_id("consent.givenOn"));
    let exp = problems.mark(&field_id("consent.expiresOn"));
    html! {
        fieldset.card id=(field_id("consent"))
            aria-invalid=[group.invalid()] aria-describedby=[group.described_by(None)] {
            legend { (t(l, Msg::SectionConsent)) }
            (group.message())
            div.form-grid {
                (choice_input(l, draft, problems, "consent.givenBy", &CONSENT_GIVERS, labels::consent_giver))
                div.field {
                    label for="f-consent-givenOn" { (t(l, Msg::GivenOn)) }
                    input #f-consent-givenOn type="date" name="consent.givenOn" required
                        value=(draft.value("consent.givenOn")) dir="ltr"
                        aria-invalid=[on.invalid()] aria-describedby=[on.described_by(None)];
                    (on.message())
                }
                div.field {
                    label for="f-consent-expiresOn" { (t(l, Msg::ExpiresOn)) }
                    input #f-consent-expiresOn type="date" name="consent.expiresOn"
                        value=(draft.value("consent.expiresOn")) dir="ltr"
                        aria-invalid=[exp.invalid()] aria-describedby=[exp.described_by(None)];
                    (exp.message())
                }
            }
            div.check {
                input #f-consent-shareWithProviders type="checkbox" name="consent.shareWithProviders" value="true" checked[draft.share];
                label for="f-consent-shareWithProviders" { (t(l, Msg::ShareWithProviders)) }
            }
            div.check {
                input #f-consent-mayContact type="checkbox" name="consent.mayContact" value="true" checked[draft.may_contact];
                label for="f-consent-mayContact" { (t(l, Msg::MayContact)) }
            }
        }
    }
}

fn personal_fieldset(l: Locale, draft: &Draft, problems: &Problems) -> Markup {
    let group = problems.mark(&field_id("personal"));
    html! {
        fieldset.card.confidential id=(field_id("personal"))
            aria-invalid=[group.invalid()] aria-describedby=[group.described_by(Some("f-personal-hint"))] {
            legend { (t(l, Msg::SectionPersonal)) }
            p #f-personal-hint { (t(l, Msg::PersonalHint)) }
            (group.message())
            div.form-grid {
                @for (name, label, kind) in PERSONAL {
                    @let id = field_id(name);
                    @let mark = problems.mark(&id);
                    div.field.wide[kind == "textarea"] {
                        label for=(id) { (t(l, label)) }
                        @if kind == "textarea" {
                            textarea id=(id) name=(name) rows="3" autocomplete="off"
                                aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(None)] { (draft.value(name)) }
                        } @else {
                            input id=(id) type=(kind) name=(name) value=(draft.value(name))
                                dir=[matches!(name, "personal.phone" | "personal.dateOfBirth" | "personal.idDocumentNumber").then_some("ltr")]
                                autocomplete="off" required[name == "personal.fullName"]
                                aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(None)];
                        }
                        (mark.message())
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_fields_land_on_their_input_or_group() {
        let name = |field| place(field).map(|(name, _)| name);
        assert_eq!(name("needs"), Some("needs"));
        assert_eq!(name("personal.fullName"), Some("personal.fullName"));
        assert_eq!(name("consent.somethingNew"), Some("consent"));
        assert_eq!(name("commandId"), None);
    }
}
