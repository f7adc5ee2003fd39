//! The parts of a referral's page that only show it: its facts, needs, consent,
//! results, the person's data (after a recorded reading) and the timeline.

use maud::{html, Markup};

use crate::i18n::Locale;
use crate::kit::history::{Column, History};
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
                        dt { (t(l, label)) }
                        dd { bdi dir=[ltr.then_some("ltr")] { (value) } }
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
                dt { (t(l, Msg::Status)) }
                dd { (layout::referral_status_badge(l, &r.status)) }
                @if let Some(kind) = &r.beneficiary_type {
                    dt { (t(l, Msg::BeneficiaryType)) }
                    dd { (labels::beneficiary_type(l, kind)) }
                }
                @if let Some(country) = &r.return_country {
                    dt { (t(l, Msg::ReturnCountry)) }
                    dd { bdi dir="ltr" { (country) } }
                }
                @if let Some(g) = &r.governorate {
                    dt { (t(l, Msg::FilterGovernorate)) }
                    dd { (layout::governorates(l, std::slice::from_ref(g))) }
                }
                @if let Some(district) = &r.district {
                    dt { (t(l, Msg::District)) }
                    dd { bdi { (district) } }
                }
                @if let Some(sex) = &r.sex {
                    dt { (t(l, Msg::Sex)) }
                    dd { (labels::sex(l, sex)) }
                }
                @if let Some(band) = &r.age_band {
                    dt { (t(l, Msg::AgeBand)) }
                    dd { (labels::age_band(l, band)) }
                }
                @if let Some(size) = r.household_size {
                    dt { (t(l, Msg::HouseholdSize)) }
                    dd { (size) }
                }
                @if !r.vulnerabilities.is_empty() {
                    dt { (t(l, Msg::Vulnerabilities)) }
                    dd {
                        @for (i, v) in r.vulnerabilities.iter().enumerate() {
                            @if i > 0 { (layout::comma(l)) }
                            (labels::vulnerability(l, v))
                        }
                    }
                }
                dt { (t(l, Msg::Office)) }
                dd { @if let Some(office) = &r.office { (layout::org_link(l, office)) } }
                dt { (t(l, Msg::Holder)) }
                dd {
                    @match &r.holder {
                        Some(holder) => (layout::org_link(l, holder)),
                        None => span.muted { (t(l, Msg::NoHolder)) },
                    }
                }
                @if let Some(hours) = r.waiting_hours {
                    dt { (t(l, Msg::WaitingHours)) }
                    dd { (count(l, Count::Hours, u64::try_from(hours).unwrap_or(0))) }
                }
                @if let Some(at) = &r.created_at {
                    dt { (t(l, Msg::CreatedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(at) = &r.opened_at {
                    dt { (t(l, Msg::OpenedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(at) = &r.claimed_at {
                    dt { (t(l, Msg::ClaimedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(at) = &r.closed_at {
                    dt { (t(l, Msg::ClosedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(day) = &r.next_follow_up {
                    dt { (t(l, Msg::NextFollowUp)) }
                    dd { (layout::date(day)) }
                }
            }
        }
    }
}

pub fn needs_section(l: Locale, r: &Referral) -> Markup {
    html! {
        section aria-labelledby="needs-heading" {
            h2 #needs-heading { (t(l, Msg::Needs)) }
            div.table-wrap {
                table {
                    thead {
                        tr {
                            th scope="col" { (t(l, Msg::FilterNeed)) }
                            th scope="col" { (t(l, Msg::Priority)) }
                            th scope="col" { (t(l, Msg::Delivered)) }
                        }
                    }
                    tbody {
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
                    }
                }
            }
        }
    }
}

pub fn consent_section(l: Locale, r: &Referral) -> Markup {
    html! {
        @if let Some(consent) = &r.consent {
            section.card aria-labelledby="consent-heading" {
                h2 #consent-heading { (t(l, Msg::SectionConsent)) }
                dl.facts {
                    dt { (t(l, Msg::GivenBy)) }
                    dd { (labels::consent_giver(l, &consent.given_by)) }
                    dt { (t(l, Msg::GivenOn)) }
                    dd { (layout::date(&consent.given_on)) }
                    dt { (t(l, Msg::ShareWithProviders)) }
                    dd { (yes_no(l, consent.share_with_providers)) }
                    dt { (t(l, Msg::MayContact)) }
                    dd { (yes_no(l, consent.may_contact)) }
                    dt { (t(l, Msg::ExpiresOn)) }
                    dd {
                        @match &consent.expires_on {
                            Some(day) => (layout::date(day)),
                            None => span.muted { (t(l, Msg::NoExpiry)) },
                        }
                    }
                }
            }
        }
    }
}

pub fn results_section(l: Locale, r: &Referral) -> Markup {
    html! {
        section aria-labelledby="results-heading" {
            h2 #results-heading { (t(l, Msg::Results)) }
            div.table-wrap {
                table {
                    thead {
                        tr {
                            th scope="col" { (t(l, Msg::FilterNeed)) }
                            th scope="col" { (t(l, Msg::Outcome)) }
                            th scope="col" { (t(l, Msg::ClosureReason)) }
                            th scope="col" { (t(l, Msg::Note)) }
                        }
                    }
                    tbody {
                        @for result in &r.results {
                            tr {
                                td { (labels::service_category(l, &result.category)) }
                                td { (labels::need_outcome(l, &result.outcome)) }
                                td { @if let Some(reason) = &result.reason { (labels::closure_reason(l, reason)) } }
                                td { @if let Some(note) = &result.note { bdi { (note) } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The timeline of referral `id`: when, what and who, each row marked with its
/// position.
pub fn timeline(id: &str) -> History<'static> {
    History {
        record: "referral",
        field: "timeline",
        base: url::referral(id),
        anchor: "timeline-heading",
        title: Msg::Timeline,
        intro: Msg::TimelineIntro,
        columns: &[Column::Time, Column::Event, Column::Actor],
        row_positions: true,
    }
}
