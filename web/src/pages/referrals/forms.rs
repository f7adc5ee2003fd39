//! The forms of the commands on a referral, as its status and the viewer's
//! `viewerActions` allow them; a refused form is drawn again with its message and
//! what was typed.

use maud::{html, Markup};

use super::action::Action;
use super::choices::{is_ended, is_held, Choices, ProviderChoice};
use super::notice::Notice;
use crate::form::{self, Fields};
use crate::i18n::Locale;
use crate::kit::problems::{Control, Mark, Problems};
use crate::labels::{self, CLOSURE_REASONS, CONSENT_GIVERS, NEED_OUTCOMES};
use crate::layout::{self, Select};
use crate::messages::{t, Msg};
use crate::model::{Member, Referral, Viewer};
use crate::state::AppState;
use crate::url;

/// The forms of the actions the referral's status and the viewer's `viewerActions` allow.
pub fn actions(
    state: &AppState,
    l: Locale,
    viewer: &Viewer,
    r: &Referral,
    notice: &Notice,
    problems: &Problems,
    choices: &Choices,
) -> Markup {
    let status = r.status.as_str();
    let held = is_held(status);
    let ended = is_ended(status);
    // A form with nothing to choose from shows why, and cannot be sent.
    let can_transfer = choices.providers.as_ref().is_some_and(|p| !p.is_empty());
    let can_assign = choices.colleagues.as_ref().is_some_and(|c| !c.is_empty());
    let mut forms: Vec<Markup> = Vec::new();
    // `key` tells apart the forms of one action (delivery: one per need).
    let mut add = |action: Action, key: Option<&str>, fields: Markup| {
        // Only what the viewer's role and relation allow (the server refuses the rest).
        if !r.allows(action.allowed_by()) {
            return;
        }
        let anchor = action.anchor_for(key);
        let failed = problems.mark(&anchor);
        let enabled = match action {
            Action::Transfer => can_transfer,
            Action::Assign => can_assign,
            _ => true,
        };
        forms.push(action_form(
            state, l, viewer, r, action, &anchor, &failed, fields, enabled,
        ));
    };
    match status {
        "DRAFT" => add(Action::Open, None, html! {}),
        "OPEN" => add(Action::Claim, None, html! {}),
        "CLAIMED" => {
            add(Action::Accept, None, html! {});
            add(
                Action::Decline,
                None,
                reason_field(l, notice.draft(Action::Decline), problems, "decline"),
            );
        }
        "ACCEPTED" => add(Action::Start, None, html! {}),
        _ => {}
    }
    if status == "IN_SERVICE" {
        for need in r.needs.iter().filter(|n| !n.delivered) {
            let key = format!("deliver-{}", need.category);
            let draft = notice
                .draft(Action::Deliver)
                .filter(|d| d.get("category") == need.category);
            add(
                Action::Deliver,
                Some(&need.category),
                html! {
                    p { strong { (labels::service_category(l, &need.category)) } }
                    input type="hidden" name="category" value=(need.category);
                    div.field {
                        label for={ (key) "-note" } { (t(l, Msg::Note)) }
                        textarea id={ (key) "-note" } name="note" rows="2" {
                            @if let Some(d) = draft { (d.get("note")) }
                        }
                    }
                },
            );
        }
    }
    if matches!(status, "ACCEPTED" | "IN_SERVICE") {
        add(
            Action::Close,
            None,
            close_fields(l, r, notice.draft(Action::Close)),
        );
    }
    if held {
        let draft = notice.draft(Action::Transfer);
        add(
            Action::Transfer,
            None,
            transfer_fields(l, choices.providers.as_deref(), draft, problems),
        );
    }
    if let Some(colleagues) = choices.colleagues.as_deref() {
        add(
            Action::Assign,
            None,
            assign_fields(l, colleagues, notice.draft(Action::Assign), problems),
        );
    }
    if !ended {
        let draft = notice.draft(Action::Withdraw);
        add(
            Action::Withdraw,
            None,
            html! {
                div.check {
                    input #withdraw-consent type="checkbox" name="consentWithdrawn" value="true"
                        checked[draft.is_some_and(|d| d.checked("consentWithdrawn"))];
                    label for="withdraw-consent" { (t(l, Msg::ConsentWithdrawn)) }
                }
                div.field {
                    label for="withdraw-note" { (t(l, Msg::Note)) }
                    textarea #withdraw-note name="note" rows="2" { @if let Some(d) = draft { (d.get("note")) } }
                }
            },
        );
    } else {
        add(Action::Reopen, None, html! {});
    }
    if !r.erased {
        let draft = notice.draft(Action::FollowUp);
        add(
            Action::FollowUp,
            None,
            html! {
                div.field {
                    label for="followup-due" { (t(l, Msg::DueOn)) }
                    input #followup-due type="date" name="dueOn" required dir="ltr"
                        value=[draft.map(|d| d.get("dueOn"))];
                }
                div.field {
                    label for="followup-note" { (t(l, Msg::FollowUpNote)) }
                    textarea #followup-note name="note" rows="2" autocomplete="off" {
                        @if let Some(d) = draft { (d.get("note")) }
                    }
                }
            },
        );
    }
    add(
        Action::Consent,
        None,
        consent_fields(l, r, notice.draft(Action::Consent)),
    );
    if !r.erased {
        add(
            Action::Personal,
            None,
            html! {
                p.muted #personal-hint { (t(l, Msg::ViewPersonalHint)) }
                div.field {
                    label for="personal-purpose" { (t(l, Msg::Purpose)) }
                    textarea #personal-purpose name="purpose" rows="2" required aria-describedby="personal-hint" {
                        @if let Some(d) = notice.draft(Action::Personal) { (d.get("purpose")) }
                    }
                }
            },
        );
        add(
            Action::Erase,
            None,
            html! {
                p.warning #erase-warning { (t(l, Msg::EraseWarning)) }
                div.check {
                    input #erase-confirm type="checkbox" name="confirm" value="yes" required aria-describedby="erase-warning";
                    label for="erase-confirm" { (t(l, Msg::EraseConfirm)) }
                }
            },
        );
    }
    // A viewer who may do nothing here (an auditor) gets no empty "actions" section.
    if forms.is_empty() {
        return html! {};
    }
    html! {
        section aria-labelledby="actions-heading" {
            h2 #actions-heading { (t(l, Msg::Actions)) }
            p.lead { (t(l, Msg::ActionsIntro)) }
            div.actions-grid {
                @for form in forms { (form) }
            }
        }
    }
}

/// A name in the language of the page, as plain text (an `<option>` holds no markup).
fn name_in(l: Locale, name_ar: &str, name_en: &str) -> String {
    if l.prefers_arabic_names() {
        name_ar.to_string()
    } else {
        name_en.to_string()
    }
}

fn transfer_fields(
    l: Locale,
    providers: Option<&[ProviderChoice]>,
    draft: Option<&Fields>,
    problems: &Problems,
) -> Markup {
    let mark = problems.mark("transfer-provider");
    let chosen = draft.map(|d| d.trimmed("providerId"));
    let Some(providers) = providers else {
        return html! { p.muted role="note" { (t(l, Msg::ProvidersUnavailable)) } };
    };
    let mut providers: Vec<&ProviderChoice> = providers.iter().collect();
    providers.sort_by_cached_key(|p| name_in(l, &p.name_ar, &p.name_en));
    html! {
        @match providers.is_empty() {
            true => p.muted role="note" { (t(l, Msg::NoMatchingProviders)) },
            false => {
                div.field {
                    label for="transfer-provider" { (t(l, Msg::TransferProvider)) }
                    select #transfer-provider name="providerId" required
                        aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(Some("transfer-provider-hint"))] {
                        option value="" { (t(l, Msg::Choose)) }
                        @for p in &providers {
                            @let serves: Vec<String> = p.serves.iter().map(|c| labels::service_category(l, c)).collect();
                            option value=(p.id) selected[chosen == Some(p.id.as_str())] {
                                (name_in(l, &p.name_ar, &p.name_en)) " — " (serves.join(layout::comma(l)))
                            }
                        }
                    }
                    span #transfer-provider-hint.muted { (t(l, Msg::TransferProviderHint)) }
                    (mark.message())
                }
                (reason_field(l, draft, problems, "transfer"))
            },
        }
    }
}

fn assign_fields(
    l: Locale,
    colleagues: &[Member],
    draft: Option<&Fields>,
    problems: &Problems,
) -> Markup {
    let chosen = draft.map(|d| d.trimmed("userId"));
    let mark = problems.mark("assign-user");
    html! {
        @if colleagues.is_empty() {
            p.muted role="note" { (t(l, Msg::NoColleagues)) }
        } @else {
            div.field {
                label for="assign-user" { (t(l, Msg::Caseworker)) }
                select #assign-user name="userId" required
                    aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(Some("assign-user-hint"))] {
                    option value="" { (t(l, Msg::Choose)) }
                    @for m in colleagues {
                        option value=(m.user_id) selected[chosen == Some(m.user_id.as_str())] {
                            (m.display_name) " — " (labels::role(l, &m.role))
                        }
                    }
                }
                span #assign-user-hint.muted { (t(l, Msg::AssignHint)) }
                (mark.message())
            }
        }
    }
}

fn reason_field(l: Locale, draft: Option<&Fields>, problems: &Problems, prefix: &str) -> Markup {
    let id = format!("{prefix}-reason");
    let mark = problems.mark(&id);
    html! {
        div.field {
            label for=(id) { (t(l, Msg::Reason)) }
            textarea id=(id) name="reason" rows="2" required
                aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(None)] {
                @if let Some(d) = draft { (d.get("reason")) }
            }
            (mark.message())
        }
    }
}

/// The controls of `action`'s form that a refusal may name (`extensions.field`), each
/// marked by its form when it is at fault.
fn controls(action: Action) -> &'static [Control<'static>] {
    const DECLINE: [Control<'static>; 1] = [Control {
        field: "reason",
        id: "decline-reason",
        label: Msg::Reason,
    }];
    const TRANSFER: [Control<'static>; 2] = [
        Control {
            field: "providerId",
            id: "transfer-provider",
            label: Msg::TransferProvider,
        },
        Control {
            field: "reason",
            id: "transfer-reason",
            label: Msg::Reason,
        },
    ];
    const ASSIGN: [Control<'static>; 1] = [Control {
        field: "userId",
        id: "assign-user",
        label: Msg::Caseworker,
    }];
    match action {
        Action::Decline => &DECLINE,
        Action::Transfer => &TRANSFER,
        Action::Assign => &ASSIGN,
        _ => &[],
    }
}

/// What the summary above the referral and the refused form show: the API's message
/// at the control it names, else at the form it refused (named by its title).
pub fn problems(l: Locale, notice: &Notice) -> Problems {
    match notice {
        Notice::Failed {
            message,
            field,
            action,
            draft,
            ..
        } => {
            let anchor = action.anchor_for(action.key_of(draft));
            Problems::refusal(
                l,
                field.as_deref(),
                message.clone(),
                controls(*action),
                Some((&anchor, action.title())),
            )
        }
        _ => Problems::default(),
    }
}

fn close_fields(l: Locale, r: &Referral, draft: Option<&Fields>) -> Markup {
    let value = |name: String| draft.map(|d| d.trimmed(&name).to_string());
    html! {
        p.muted { (t(l, Msg::CloseHint)) }
        @for need in &r.needs {
            @let c = need.category.as_str();
            fieldset.need-result {
                legend { (labels::service_category(l, c)) }
                div.field {
                    label for={ "close-outcome-" (c) } { (t(l, Msg::Outcome)) }
                    (layout::enum_select(
                        Select::required(&format!("close-outcome-{c}"), &format!("outcome.{c}")),
                        l, &NEED_OUTCOMES, labels::need_outcome, value(format!("outcome.{c}")).as_deref()))
                }
                div.field {
                    label for={ "close-reason-" (c) } { (t(l, Msg::ClosureReason)) }
                    (layout::enum_select(
                        Select { required: false, ..Select::required(&format!("close-reason-{c}"), &format!("reason.{c}")) },
                        l, &CLOSURE_REASONS, labels::closure_reason, value(format!("reason.{c}")).as_deref()))
                }
                div.field {
                    label for={ "close-note-" (c) } { (t(l, Msg::Note)) }
                    input id={ "close-note-" (c) } type="text" name={ "note." (c) }
                        value=[value(format!("note.{c}"))];
                }
            }
        }
    }
}

fn consent_fields(l: Locale, r: &Referral, draft: Option<&Fields>) -> Markup {
    let current = r.consent.as_ref();
    let given_by = draft
        .map(|d| d.trimmed("givenBy").to_string())
        .or_else(|| current.map(|c| c.given_by.clone()));
    let given_on = draft
        .map(|d| d.trimmed("givenOn").to_string())
        .or_else(|| current.map(|c| c.given_on.clone()));
    let expires_on = draft
        .map(|d| d.trimmed("expiresOn").to_string())
        .or_else(|| current.and_then(|c| c.expires_on.clone()));
    let share = draft.map_or_else(
        || current.is_some_and(|c| c.share_with_providers),
        |d| d.checked("shareWithProviders"),
    );
    let may_contact = draft.map_or_else(
        || current.is_some_and(|c| c.may_contact),
        |d| d.checked("mayContact"),
    );
    html! {
        div.field {
            label for="consent-given-by" { (t(l, Msg::GivenBy)) }
            (layout::enum_select(Select::required("consent-given-by", "givenBy"), l, &CONSENT_GIVERS, labels::consent_giver, given_by.as_deref()))
        }
        div.field {
            label for="consent-given-on" { (t(l, Msg::GivenOn)) }
            input #consent-given-on type="date" name="givenOn" required dir="ltr" value=[given_on];
        }
        div.field {
            label for="consent-expires-on" { (t(l, Msg::ExpiresOn)) }
            input #consent-expires-on type="date" name="expiresOn" dir="ltr" value=[expires_on];
        }
        div.check {
            input #consent-share type="checkbox" name="shareWithProviders" value="true" checked[share];
            label for="consent-share" { (t(l, Msg::ShareWithProviders)) }
        }
        div.check {
            input #consent-contact type="checkbox" name="mayContact" value="true" checked[may_contact];
            label for="consent-contact" { (t(l, Msg::MayContact)) }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn action_form(
    state: &AppState,
    l: Locale,
    viewer: &Viewer,
    r: &Referral,
    action: Action,
    anchor: &str,
    failed: &Mark,
    fields: Markup,
    enabled: bool,
) -> Markup {
    html! {
        form.card method="post" action={ (url::referral(&r.id)) "/" (action.slug()) } id=(anchor)
            aria-describedby=[failed.described_by(None)] {
            h3 { (t(l, action.title())) }
            (form::guard(state, viewer))
            (failed.message())
            (fields)
            button class=[action.is_dangerous().then_some("danger")] type="submit" disabled[!enabled] { (t(l, action.title())) }
        }
    }
}
