//! The parts of a referral's page that only show it: its facts, needs, consent,
//! results, the person's data (after a recorded reading) and the timeline.

use maud::{html, Markup};

use crate::i18n::Locale;
use crate::kit::facts::{fact, time};
use crate::kit::history::{written, Column, History};
use crate::kit::table;
use crate::labels;
use crate::layout;
use crate::messages::{count, t, Count, Msg};
use crate::model::{PersonalData, Referral};
use crate::url;

fn yes_no(l: Locale, value: bool) -> &'static str {
    t(l, if value { Msg::Yes } else { Msg::No })
}

pub fn personal_section(l: Locale, personal: &PersonalData) -> Markup {
    // `(label, value, written left to right)`.
    let rows: [(Msg, Option<&str>, bool); 7] = [
        (Msg::FullName, Some(personal.full_name.as_str()), false),
        (Msg::Phone, personal.phone.as_deref(), true),
        (Msg::DateOfBirth, personal.date_of_birth.as_deref(), true),
        (
            Msg::IdDocumentType,
            personal.id_document_type.as_deref(),
            false,
        ),
        (
            Msg::IdDocumentNumber,
            personal.id_document_number.as_deref(),
            true,
        ),
        (Msg::Address, personal.address.as_deref(), false),
        (Msg::CaseNotes, personal.notes.as_deref(), false),
    ];
    html! {
        section.card.confidential #personal-data aria-labelledby="personal-heading" {
            h2 #personal-heading { (t(l, Msg::SectionPersonal)) }
            p role="note" { (t(l, Msg::PersonalRecorded)) }
            dl.facts {
                @for (label, value, ltr) in rows {
                    @if let Some(value) = value.filter(|v| !v.is_empty()) {
                        (fact(l, label, html! { bdi dir=[ltr.then_some("ltr")] { (value) } }))
                    }
                }
            }
        }
    }
}

pub fn facts(l: Locale, r: &Referral) -> Markup {
    html! {
        section.card aria-labelledby="facts-heading" {
            h2 #facts-heading { (t(l, Msg::CaseFacts)) }
            dl.facts {
                (fact(l, Msg::Status, layout::referral_status_badge(l, &r.status)))
                @if let Some(kind) = &r.beneficiary_type {
                    (fact(l, Msg::BeneficiaryType, labels::beneficiary_type(l, kind)))
                }
                @if let Some(country) = &r.return_country {
                    // Named in the page's language; a code no list knows, as it came.
                    @match l10n::country_name(l, country) {
                        Some(name) => (fact(l, Msg::CountryReturnedFrom, html! { bdi title=(country) { (name) } })),
                        None => (fact(l, Msg::CountryReturnedFrom, html! { bdi dir="ltr" { (country) } })),
                    }
                }
                @if let Some(g) = &r.governorate {
                    (fact(l, Msg::FilterGovernorate, layout::governorates(l, std::slice::from_ref(g))))
                }
                @if let Some(district) = &r.district {
                    (fact(l, Msg::District, html! { bdi { (district) } }))
                }
                @if let Some(sex) = &r.sex {
                    (fact(l, Msg::Sex, labels::sex(l, sex)))
                }
                @if let Some(band) = &r.age_band {
                    (fact(l, Msg::AgeBand, labels::age_band(l, band)))
                }
                @if let Some(size) = r.household_size {
                    (fact(l, Msg::HouseholdSize, layout::number(l, size)))
                }
                @if !r.vulnerabilities.is_empty() {
                    (fact(l, Msg::Vulnerabilities, html! {
                        @for (i, v) in r.vulnerabilities.iter().enumerate() {
                            @if i > 0 { (layout::comma(l)) }
                            (labels::vulnerability(l, v))
                        }
                    }))
                }
                (fact(l, Msg::Office, html! { @if let Some(office) = &r.office { (layout::org_link(l, office)) } }))
                (fact(l, Msg::Holder, html! {
                    @match &r.holder {
                        Some(holder) => (layout::org_link(l, holder)),
                        None => span.muted { (t(l, Msg::NoHolder)) },
                    }
                }))
                @if let Some(hours) = r.waiting_hours {
                    (fact(l, Msg::WaitingHours, count(l, Count::Hours, u64::try_from(hours).unwrap_or(0))))
                }
                (time(l, Msg::CreatedAt, r.created_at.as_deref()))
                (time(l, Msg::OpenedAt, r.opened_at.as_deref()))
                (time(l, Msg::ClaimedAt, r.claimed_at.as_deref()))
                (time(l, Msg::ClosedAt, r.closed_at.as_deref()))
                @if let Some(day) = &r.next_follow_up {
                    (fact(l, Msg::NextFollowUp, layout::date(l, day)))
                }
            }
        }
    }
}

pub fn needs_section(l: Locale, r: &Referral) -> Markup {
    html! {
        section aria-labelledby="needs-heading" {
            h2 #needs-heading { (t(l, Msg::Needs)) }
            (table::framed(None, table::headers(l, &[Msg::FilterNeed, Msg::Priority, Msg::Delivered]), html! {
                @for need in &r.needs {
                    tr {
                        td { (labels::service_category(l, &need.category)) }
                        td {
                            @if let Some(priority) = &need.priority {
                                span class={ "badge priority-" (priority) } { (labels::priority(l, priority)) }
                            }
                        }
                        td {
                            @if need.delivered {
                                span.delivered { span aria-hidden="true" { "✓ " } (t(l, Msg::Delivered)) }
                            } @else {
                                span.muted { (t(l, Msg::NotDelivered)) }
                            }
                        }
                    }
                }
            }))
        }
    }
}

pub fn consent_section(l: Locale, r: &Referral) -> Markup {
    html! {
        @if let Some(consent) = &r.consent {
            section.card aria-labelledby="consent-heading" {
                h2 #consent-heading { (t(l, Msg::SectionConsent)) }
                dl.facts {
                    (fact(l, Msg::GivenBy, labels::consent_giver(l, &consent.given_by)))
                    (fact(l, Msg::GivenOn, layout::date(l, &consent.given_on)))
                    (fact(l, Msg::ShareWithProviders, yes_no(l, consent.share_with_providers)))
                    (fact(l, Msg::MayContact, yes_no(l, consent.may_contact)))
                    (fact(l, Msg::ConsentExpiry, html! {
                        @match &consent.expires_on {
                            Some(day) => (layout::date(l, day)),
                            None => span.muted { (t(l, Msg::NoExpiry)) },
                        }
                    }))
                }
            }
        }
    }
}

pub fn results_section(l: Locale, r: &Referral) -> Markup {
    html! {
        section aria-labelledby="results-heading" {
            h2 #results-heading { (t(l, Msg::Results)) }
            (table::framed(None, table::headers(l, &[Msg::FilterNeed, Msg::Outcome, Msg::ClosureReason, Msg::Note]), html! {
                @for result in &r.results {
                    tr {
                        td { (labels::service_category(l, &result.category)) }
                        td { (labels::need_outcome(l, &result.outcome)) }
                        td { @if let Some(reason) = &result.reason { (labels::closure_reason(l, reason)) } }
                        td {
                            @if let Some(note) = &result.note {
                                (written(note))
                            } @else if result.has_note {
                                span.muted { (t(l, Msg::TimelineNoteWithheld)) }
                            }
                        }
                    }
                }
            }))
        }
    }
}

/// The timeline of referral `id`: when, what (and what the step recorded: needs,
/// outcomes, provider, assignee, note) and who, each row marked with its position.
pub fn timeline(id: &str) -> History<'static> {
    History {
        record: "referral",
        field: "timeline",
        base: url::referral(id),
        anchor: "timeline-heading",
        title: Msg::Timeline,
        intro: Msg::TimelineIntro,
        columns: &[Column::Time, Column::Event, Column::Step, Column::Actor],
        row_positions: true,
    }
}
