//! The frame of every page (document head, header with navigation, sign-out and
//! language switch, footer) and small rendering helpers shared by the pages.

use chrono::{Datelike, Timelike};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::assets::CSS;
use crate::context::Ctx;
use crate::i18n::{chosen_digits, shaped, Digits, Locale};
use crate::kit::problems::Mark;
use crate::labels;
use crate::messages::{t, Msg};
use crate::model::{Governorate, OrgName, Side, Viewer};

/// A whole HTML document around `body`.
pub fn page(ctx: &Ctx, viewer: Option<&Viewer>, title: &str, body: Markup) -> Markup {
    let l = ctx.locale;
    html! {
        (DOCTYPE)
        html lang=(l.code()) dir=(l.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                link rel="icon" href="/favicon.svg" type="image/svg+xml";
                title { (title) " — " (t(l, Msg::AppName)) }
                style { (PreEscaped(CSS)) }
            }
            body {
                a.skip href="#main" { (t(l, Msg::SkipToContent)) }
                header.site-header {
                    a.brand href="/" {
                        (t(l, Msg::AppName))
                        small { (t(l, Msg::Tagline)) }
                    }
                    nav aria-label=(t(l, Msg::MainNav)) {
                        ul {
                            @for (href, msg) in nav_links(viewer) {
                                li { a href=(href) aria-current=[current(ctx, href)] { (t(l, msg)) } }
                            }
                        }
                    }
                    div.user {
                        @if let Some(viewer) = viewer {
                            span {
                                (t(l, Msg::SignedInAs)) " "
                                strong { bdi { (viewer.display_name) } }
                            }
                            a href="/account" aria-current=[current(ctx, "/account")] { (t(l, Msg::MyAccount)) }
                            form method="post" action="/logout" {
                                input type="hidden" name="csrf" value=(viewer.csrf());
                                button type="submit" { (t(l, Msg::SignOut)) }
                            }
                        } @else if ctx.session.is_none() && ctx.path != "/login" {
                            a href="/login" { (t(l, Msg::SignIn)) }
                        }
                    }
                    nav.langs aria-label=(t(l, Msg::LanguageNav)) {
                        ul {
                            @for other in Locale::ALL {
                                li {
                                    a href=(ctx.switch_href(other))
                                        lang=(other.code())
                                        hreflang=(other.code())
                                        aria-current=[(other == l).then_some("true")] {
                                        (other.native_name())
                                    }
                                }
                            }
                        }
                    }
                    (digits_switch(ctx))
                }
                main #main { (body) }
                footer { p { (t(l, Msg::Footer)) } }
            }
        }
    }
}

/// The links of the main navigation for this viewer: home, then the referral pages
/// of the viewer's side of the work, then the directory (for everybody).
pub fn nav_links(viewer: Option<&Viewer>) -> Vec<(&'static str, Msg)> {
    let mut links = vec![("/", Msg::NavHome)];
    match viewer.map(Viewer::side).unwrap_or(Side::None) {
        Side::Nrm => {
            links.push(("/referrals", Msg::NavOfficeReferrals));
            links.push(("/referrals/new", Msg::NavNewReferral));
        }
        Side::Provider => {
            links.push(("/referrals/board", Msg::NavBoard));
            links.push(("/referrals", Msg::NavMyCases));
        }
        Side::Secretariat => {
            links.push(("/referrals", Msg::NavAllReferrals));
            links.push(("/statistics", Msg::NavStatistics));
        }
        Side::None => {}
    }
    links.push(("/organizations", Msg::NavDirectory));
    links
}

fn current(ctx: &Ctx, path: &str) -> Option<&'static str> {
    (ctx.path == path).then_some("page")
}

/// The list separator of the locale: `، ` in Arabic script, `, ` in English.
pub fn comma(locale: Locale) -> &'static str {
    if locale.prefers_arabic_names() {
        "، "
    } else {
        ", "
    }
}

/// An organisation's name in the viewer's script, then its other name.
pub fn org_name(locale: Locale, name_ar: &str, name_en: &str) -> Markup {
    if locale.prefers_arabic_names() {
        html! { bdi lang="ar" { (name_ar) } }
    } else {
        html! { bdi lang="en" { (name_en) } }
    }
}

/// A name as plain text in the viewer's script (for downloads, where there is no markup).
pub fn name_text<'a>(locale: Locale, name_ar: &'a str, name_en: &'a str) -> &'a str {
    if locale.prefers_arabic_names() {
        name_ar
    } else {
        name_en
    }
}

/// A `governorates` checkbox per governorate, those in `checked` ticked, in a fieldset
/// whose id is `id` (`mark`ed when a refused form found the choice at fault); the
/// boxes' ids start with it, so two such fieldsets can share a page.
pub fn governorate_checks(
    locale: Locale,
    id: &str,
    mark: &Mark,
    all: &[Governorate],
    checked: &[String],
) -> Markup {
    let id_prefix = format!("{id}-");
    html! {
        fieldset.checks id=(id) aria-invalid=[mark.invalid()] aria-describedby=[mark.described_by(None)] {
            legend { (t(locale, Msg::Governorates)) }
            @for g in all {
                div.check {
                    input id={ (id_prefix) (g.code) } type="checkbox" name="governorates" value=(g.code)
                        checked[checked.iter().any(|c| c == &g.code)];
                    label for={ (id_prefix) (g.code) } { (governorates(locale, std::slice::from_ref(g))) }
                }
            }
            (mark.message())
        }
    }
}

/// Governorate names, Arabic always; English readers also get the English name.
pub fn governorates(locale: Locale, list: &[Governorate]) -> Markup {
    html! {
        @for (i, g) in list.iter().enumerate() {
            @if i > 0 { (comma(locale)) }
            @if locale.prefers_arabic_names() {
                bdi lang="ar" title=(g.code) { (g.name_ar) }
            } @else {
                bdi lang="en" title=(g.code) { (g.name_en) }
                " ("
                bdi lang="ar" { (g.name_ar) }
                ")"
            }
        }
    }
}

/// An organisation's status as a coloured badge.
pub fn status_badge(locale: Locale, status: &str) -> Markup {
    let class = format!("badge status-{status}");
    html! { span class=(class) { (labels::organization_status(locale, status)) } }
}

/// What a `<select>` of a form is called and how it starts.
#[derive(Debug, Clone, Copy)]
pub struct Select<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Label of the first, empty option ("All", "Choose…").
    pub empty: Msg,
    pub required: bool,
    /// `aria-describedby` (its hint, the message of a refused form).
    pub described_by: Option<&'a str>,
    /// Whether a refused form found it at fault (`aria-invalid`).
    pub invalid: bool,
}

impl<'a> Select<'a> {
    /// A filter: the empty option means "all".
    pub fn filter(id: &'a str, name: &'a str) -> Select<'a> {
        Select {
            id,
            name,
            empty: Msg::Any,
            required: false,
            described_by: None,
            invalid: false,
        }
    }

    /// A required field of a form: the empty option asks to choose.
    pub fn required(id: &'a str, name: &'a str) -> Select<'a> {
        Select {
            id,
            name,
            empty: Msg::Choose,
            required: true,
            described_by: None,
            invalid: false,
        }
    }

    /// The same, as a refused form marks it (see `kit::problems`).
    pub fn marked(self, invalid: Option<&str>, described_by: Option<&'a str>) -> Select<'a> {
        Select {
            invalid: invalid.is_some(),
            described_by,
            ..self
        }
    }
}

/// A `<select>` of governorates, named in the viewer's script.
pub fn governorate_select(
    select: Select<'_>,
    locale: Locale,
    list: &[Governorate],
    selected: Option<&str>,
) -> Markup {
    let name = |g: &Governorate| {
        if locale.prefers_arabic_names() {
            g.name_ar.clone()
        } else {
            g.name_en.clone()
        }
    };
    options_select(
        select,
        locale,
        list.iter().map(|g| (g.code.as_str(), name(g))),
        selected,
    )
}

/// A `<select>` of enum values with their labels.
pub fn enum_select(
    select: Select<'_>,
    locale: Locale,
    values: &[&str],
    label: fn(Locale, &str) -> String,
    selected: Option<&str>,
) -> Markup {
    let options = values.iter().map(|value| (*value, label(locale, value)));
    options_select(select, locale, options, selected)
}

/// A `<select>`: the empty option, then one per value with its label.
fn options_select<'v>(
    select: Select<'_>,
    locale: Locale,
    options: impl Iterator<Item = (&'v str, String)>,
    selected: Option<&str>,
) -> Markup {
    html! {
        select id=(select.id) name=(select.name) required[select.required]
            aria-invalid=[select.invalid.then_some("true")] aria-describedby=[select.described_by] {
            option value="" { (t(locale, select.empty)) }
            @for (value, label) in options {
                option value=(value) selected[selected == Some(value)] { (label) }
            }
        }
    }
}

/// A referral's status as a coloured badge.
pub fn referral_status_badge(locale: Locale, status: &str) -> Markup {
    let class = format!("badge referral-{status}");
    html! { span class=(class) { (labels::referral_status(locale, status)) } }
}

/// The name of an organisation named on a referral, linked to its profile.
pub fn org_link(locale: Locale, org: &OrgName) -> Markup {
    html! {
        a href=(crate::url::organization(&org.id)) { (org_name(locale, &org.name_ar, &org.name_en)) }
    }
}

/// A day (`2025-03-01`) in the reader's words and digits, `1 آذار 2025`, in a `<time>`
/// element that keeps the date itself.
pub fn date(l: Locale, value: &str) -> Markup {
    match chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(day) => html! {
            time datetime=(value) { (shaped(l, &l10n::date(l, day.year(), day.month(), day.day()))) }
        },
        // Not a date: shown as it came, never hidden.
        Err(_) => html! { bdi dir="ltr" { (value) } },
    }
}

/// An RFC 3339 time as the minute it was in Iraq, `1 أيار 2024، 13:22 بتوقيت بغداد` (the
/// reader's words and digits), in a `<time>` element whose `datetime` is the instant in
/// UTC to the second. People read times in their own zone; the log keeps UTC.
pub fn datetime(l: Locale, value: &str) -> Markup {
    match chrono::DateTime::parse_from_rfc3339(value) {
        Ok(at) => {
            let utc = at.with_timezone(&chrono::Utc);
            let local = utc.with_timezone(&chrono_tz::Asia::Baghdad);
            let shown = l10n::date_time(
                l,
                local.year(),
                local.month(),
                local.day(),
                local.hour(),
                local.minute(),
            );
            html! {
                time datetime=(utc.format("%Y-%m-%dT%H:%M:%SZ")) {
                    (shaped(l, &shown)) " " (t(l, Msg::BaghdadTime))
                }
            }
        }
        // Not a time: shown as it came, never hidden.
        Err(_) => html! { bdi dir="ltr" { (value) } },
    }
}

/// A figure the page shows (a count in a cell, a capacity), in the reader's digits.
/// Codes, case numbers and what was typed in a form are never written through this.
pub fn number(l: Locale, n: impl std::fmt::Display) -> String {
    shaped(l, &n.to_string())
}

/// The digits switch of the header, on the pages of languages that write Arabic-Indic
/// digits: a link per choice, showing a number in those digits and named in words for
/// screen readers. Links, not a form, so it works without JavaScript, as the language
/// switch does; the choice is kept in a cookie.
fn digits_switch(ctx: &Ctx) -> Markup {
    let l = ctx.locale;
    let chosen = chosen_digits();
    html! {
        @if Digits::ArabicIndic.on(l) == Digits::ArabicIndic {
            nav.langs.digits aria-label=(t(l, Msg::DigitsNav)) {
                ul {
                    @for digits in Digits::ALL {
                        li {
                            a href=(ctx.digits_href(digits))
                                aria-current=[(digits == chosen).then_some("true")] {
                                (digits.sample())
                                span.visually-hidden { " " (t(l, digits_name(digits))) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn digits_name(digits: Digits) -> Msg {
    match digits {
        Digits::Latin => Msg::DigitsLatin,
        Digits::ArabicIndic => Msg::DigitsArabicIndic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_baghdad_to_the_minute_and_kept_in_utc() {
        let shown = datetime(Locale::Ar, "2024-05-01T22:22:33.123456Z").into_string();
        assert!(
            shown.contains(r#"datetime="2024-05-01T22:22:33Z""#),
            "{shown}"
        );
        assert!(shown.contains("2 أيار 2024، 01:22 بتوقيت بغداد"), "{shown}");
        let shown = datetime(Locale::En, "2024-05-01T10:22:33+03:00").into_string();
        assert!(shown.contains("1 May 2024, 10:22 Baghdad time"), "{shown}");
        let shown = datetime(Locale::Ckb, "2024-01-31T21:00:00Z").into_string();
        assert!(shown.contains("1ی شوباتی 2024، 00:00"), "{shown}");
        assert!(datetime(Locale::En, "garbage")
            .into_string()
            .contains("garbage"));
    }

    #[test]
    fn days_are_named_with_the_iraqi_months_and_keep_their_date() {
        let shown = date(Locale::Ar, "2025-03-01").into_string();
        assert_eq!(shown, r#"<time datetime="2025-03-01">1 آذار 2025</time>"#);
        assert!(date(Locale::Ar, "someday")
            .into_string()
            .contains("someday"));
    }
}
