//! The parts of an organisation's profile page: the profile, the Secretariat's
//! forms, the services and members with their forms, and the audit trail.

use maud::{html, Markup};

use super::notice::{MemberDraft, Notice, ServiceDraft};
use crate::form;
use crate::i18n::Locale;
use crate::kit::facts::{fact, time};
use crate::kit::history::{Column, History};
use crate::kit::problems::{Mark, Problems};
use crate::kit::table;
use crate::labels::{self, SERVICE_CATEGORIES};
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{Governorate, Member, Organization, Viewer};
use crate::state::AppState;
use crate::url;

pub fn profile(l: Locale, org: &Organization) -> Markup {
    let (first, second, second_lang) = if l.prefers_arabic_names() {
        (&org.name_ar, &org.name_en, "en")
    } else {
        (&org.name_en, &org.name_ar, "ar")
    };
    html! {
        h1 {
            bdi { (first) }
            " "
            span.other-script lang=(second_lang) { bdi { (second) } }
        }
        section.card aria-labelledby="profile-heading" {
            h2 #profile-heading { (t(l, Msg::Profile)) }
            dl.facts {
                (fact(l, Msg::Status, layout::status_badge(l, &org.status)))
                (fact(l, Msg::Kind, labels::organization_kind(l, &org.kind)))
                (fact(l, Msg::Governorates, layout::governorates(l, &org.governorates)))
                (time(l, Msg::RegisteredAt, org.registered_at.as_deref()))
                (time(l, Msg::VerifiedAt, org.verified_at.as_deref()))
                @if org.status == "SUSPENDED" {
                    @if let Some(reason) = &org.suspended_reason {
                        (fact(l, Msg::SuspendedReason, html! { bdi { (reason) } }))
                    }
                }
            }
        }
    }
}

pub fn secretariat_actions(
    state: &AppState,
    l: Locale,
    org: &Organization,
    viewer: &Viewer,
    notice: &Notice,
    problems: &Problems,
) -> Markup {
    let base = url::organization(&org.id);
    let draft = match notice {
        Notice::Failed { draft, .. } => draft.as_str(),
        _ => "",
    };
    // A form: its slug, its one text field (its name, its label, and, when it is
    // required, what was typed in it), then its button (red when it cannot be undone).
    let command = |slug: &str,
                   field: &str,
                   label: Msg,
                   typed: Option<&str>,
                   button: Msg,
                   danger: bool| {
        let id = format!("{slug}-{field}");
        let mark = problems.mark(&id);
        html! {
            form.card method="post" action={ (base) "/" (slug) } {
                (form::guard(state, viewer))
                div.field {
                    label for=(id) { (t(l, label)) }
                    textarea id=(id) name=(field) rows="2" required[typed.is_some()]
                        aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(None)] { (typed.unwrap_or_default()) }
                    (mark.message())
                }
                button class=[danger.then_some("danger")] type="submit" { (t(l, button)) }
            }
        }
    };
    html! {
        section aria-labelledby="actions-heading" {
            h2 #actions-heading { (t(l, Msg::SecretariatActions)) }
            div.actions-grid {
                @if org.status == "PENDING" {
                    (command("verify", "note", Msg::Note, None, Msg::Verify, false))
                }
                @if org.status != "SUSPENDED" {
                    (command("suspend", "reason", Msg::Reason, Some(draft), Msg::Suspend, true))
                }
                @if org.status == "SUSPENDED" {
                    (command("reinstate", "note", Msg::Note, None, Msg::Reinstate, false))
                }
            }
        }
    }
}

pub fn services(
    state: &AppState,
    l: Locale,
    org: &Organization,
    viewer: Option<&Viewer>,
    governorates: &[Governorate],
    draft: &ServiceDraft,
    problems: &Problems,
) -> Markup {
    // The forms need the session's CSRF token; without a viewer there is none.
    let manager = viewer.filter(|_| {
        org.allows("OFFER_SERVICE")
            || org.allows("UPDATE_SERVICE")
            || org.allows("WITHDRAW_SERVICE")
    });
    let base = url::organization(&org.id);
    html! {
        section aria-labelledby="services-heading" {
            h2 #services-heading { (t(l, Msg::Services)) }
            (section_table(l, org.services.is_empty(), Msg::NoServices, &[Msg::Category, Msg::Governorates, Msg::MonthlyCapacity], manager.is_some(), html! {
                @for service in &org.services {
                    tr {
                        td { (labels::service_category(l, &service.category)) }
                        td { (layout::governorates(l, &service.governorates)) }
                        td {
                            @if let Some(capacity) = service.monthly_capacity { (layout::number(l, capacity)) }
                        }
                        @if let Some(viewer) = manager {
                            td {
                                @if org.allows("UPDATE_SERVICE") {
                                    a href={ (url::with_query(&base, &[("service", Some(&service.category))])) "#service-form" } {
                                        (t(l, Msg::ChangeService))
                                        (which(labels::service_category(l, &service.category)))
                                    }
                                }
                                @if org.allows("WITHDRAW_SERVICE") {
                                    form.inline method="post" action={ (base) "/services/withdraw" } {
                                        (form::guard(state, viewer))
                                        input type="hidden" name="category" value=(service.category);
                                        button.danger type="submit" {
                                            (t(l, Msg::WithdrawService))
                                            (which(labels::service_category(l, &service.category)))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }))
            @if let Some(viewer) = manager.filter(|_| org.allows("OFFER_SERVICE") || org.allows("UPDATE_SERVICE")) {
                (service_form(state, l, &base, viewer, governorates, draft, problems))
            }
        }
    }
}

/// Which row a repeated link or button is about, for those who hear it out of its
/// row ("Change — Legal aid"): said by a screen reader, not shown.
fn which(name: impl maud::Render) -> Markup {
    html! { span.visually-hidden { " — " (name) } }
}

/// A section's table, or its `empty` message when it has no rows; `acting` adds the
/// header above the rows' forms (said, not shown: the buttons speak for themselves).
fn section_table(
    l: Locale,
    is_empty: bool,
    empty: Msg,
    headers: &[Msg],
    acting: bool,
    rows: Markup,
) -> Markup {
    html! {
        @if is_empty {
            p.muted { (t(l, empty)) }
        } @else {
            (table::framed(None, html! {
                (table::headers(l, headers))
                @if acting {
                    th scope="col" { span.visually-hidden { (t(l, Msg::Actions)) } }
                }
            }, rows))
        }
    }
}

/// Offer a service, or change one already offered (the category says which).
fn service_form(
    state: &AppState,
    l: Locale,
    base: &str,
    viewer: &Viewer,
    governorates: &[Governorate],
    draft: &ServiceDraft,
    problems: &Problems,
) -> Markup {
    let category = problems.mark("service-category");
    let capacity = problems.mark("service-capacity");
    html! {
        form.card #service-form method="post" action={ (base) "/services" } aria-describedby="service-hint" {
            h3 { (t(l, Msg::ServiceFormTitle)) }
            p #service-hint.muted { (t(l, Msg::ServiceFormHint)) }
            (form::guard(state, viewer))
            div.field {
                label for="service-category" { (t(l, Msg::Category)) }
                select #service-category name="category" required
                    aria-invalid=[category.invalid()] aria-describedby=[category.described_by(None)] {
                    @for category in SERVICE_CATEGORIES {
                        option value=(category) selected[draft.category == category] {
                            (labels::service_category(l, category))
                        }
                    }
                }
                (category.message())
            }
            (layout::governorate_checks(l, "service-gov", &problems.mark("service-gov"), governorates, &draft.governorates))
            div.field {
                label for="service-capacity" { (t(l, Msg::MonthlyCapacity)) }
                input #service-capacity type="number" name="monthlyCapacity" min="1" max="100000" step="1"
                    inputmode="numeric" required value=(draft.capacity)
                    aria-invalid=[capacity.invalid()] aria-describedby=[capacity.described_by(None)];
                (capacity.message())
            }
            button type="submit" { (t(l, Msg::SaveService)) }
        }
    }
}

pub fn members_section(
    state: &AppState,
    l: Locale,
    org: &Organization,
    viewer: Option<&Viewer>,
    members: &[Member],
    draft: &MemberDraft,
    problems: &Problems,
) -> Markup {
    // A control of the add form: its id, label, and the input itself given its marks.
    let field = |id: &str, label: Msg, control: &dyn Fn(&Mark) -> Markup| {
        let mark = problems.mark(id);
        html! {
            div.field {
                label for=(id) { (t(l, label)) }
                (control(&mark))
                (mark.message())
            }
        }
    };
    let base = url::organization(&org.id);
    // The forms need the session's CSRF token; without a viewer there is none.
    let can_change = viewer.filter(|_| org.allows("CHANGE_MEMBER_ROLE"));
    let can_remove = viewer.filter(|_| org.allows("REMOVE_MEMBER"));
    let can_add = viewer.filter(|_| org.allows("ADD_MEMBER"));
    let role_options = |selected: &str| {
        html! {
            @for role in &org.member_roles {
                option value=(role) selected[selected == role] { (labels::role(l, role)) }
            }
        }
    };
    html! {
        section aria-labelledby="members-heading" {
            h2 #members-heading { (t(l, Msg::Members)) }
            (section_table(l, members.is_empty(), Msg::NoMembers, &[Msg::DisplayName, Msg::Username, Msg::Role], can_remove.is_some(), html! {
                @for member in members {
                    tr data-user-id=(member.user_id) {
                        td { bdi { (member.display_name) } }
                        td { bdi dir="ltr" { (member.username) } }
                        td {
                            @if let Some(viewer) = can_change {
                                form.inline method="post" action={ (base) "/members/role" } {
                                    (form::guard(state, viewer))
                                    input type="hidden" name="userId" value=(member.user_id);
                                    select name="role" aria-label={ (t(l, Msg::Role)) " — " (member.display_name) } {
                                        (role_options(&member.role))
                                    }
                                    " "
                                    button.secondary type="submit" {
                                        (t(l, Msg::ChangeRole))
                                        (which(html! { bdi { (member.display_name) } }))
                                    }
                                }
                            } @else {
                                (labels::role(l, &member.role))
                            }
                        }
                        @if let Some(viewer) = can_remove {
                            td {
                                form.inline method="post" action={ (base) "/members/remove" } {
                                    (form::guard(state, viewer))
                                    input type="hidden" name="userId" value=(member.user_id);
                                    button.danger type="submit" {
                                        (t(l, Msg::RemoveMember))
                                        (which(html! { bdi { (member.display_name) } }))
                                    }
                                }
                                @if member.username != viewer.username {
                                    " "
                                    a href={ (base) "/members/" (url::encode(&member.user_id)) "/password" } {
                                        (t(l, Msg::ResetPassword))
                                        (which(html! { bdi { (member.display_name) } }))
                                    }
                                }
                            }
                        }
                    }
                }
            }))
            @if let Some(viewer) = can_add {
                form.card #member-form method="post" action={ (base) "/members" } aria-describedby="member-hint" {
                    h3 { (t(l, Msg::AddMemberTitle)) }
                    p #member-hint.muted { (t(l, Msg::AddMemberHint)) }
                    (form::guard(state, viewer))
                    (field("member-display-name", Msg::DisplayName, &|m| html! {
                        input #member-display-name type="text" name="displayName" required value=(draft.display_name)
                            aria-invalid=[m.invalid()] aria-describedby=[m.described_by(None)];
                    }))
                    (field("member-username", Msg::Username, &|m| html! {
                        input #member-username type="text" name="username" required dir="ltr"
                            autocomplete="off" pattern="[a-z0-9._\\-]{3,64}" value=(draft.username)
                            aria-invalid=[m.invalid()] aria-describedby=[m.described_by(None)];
                    }))
                    (field("member-password", Msg::InitialPassword, &|m| html! {
                        input #member-password type="password" name="password" required minlength="10"
                            autocomplete="new-password" dir="ltr"
                            aria-invalid=[m.invalid()] aria-describedby=[m.described_by(None)];
                    }))
                    (field("member-role", Msg::Role, &|m| html! {
                        select #member-role name="role" required
                            aria-invalid=[m.invalid()] aria-describedby=[m.described_by(None)] { (role_options(&draft.role)) }
                    }))
                    button type="submit" { (t(l, Msg::AddMemberTitle)) }
                }
            }
        }
    }
}

/// The audit trail of organisation `org_id`: numbered, then when, who and what.
pub fn history(org_id: &str) -> History<'static> {
    History {
        record: "organization",
        field: "history",
        base: url::organization(org_id),
        anchor: "history-heading",
        title: Msg::History,
        intro: Msg::HistoryIntro,
        columns: &[Column::Position, Column::Time, Column::Actor, Column::Event],
        row_positions: false,
    }
}
