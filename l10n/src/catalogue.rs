//! The Fluent catalogues, compiled into the binary: one bundle per locale holding
//! every area's file, so the binary needs no file at run time.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::locale::Locale;

/// Arguments of a message with placeholders (`{ $max }`).
pub type Args<'a> = FluentArgs<'a>;

macro_rules! sources {
    ($($area:literal),*) => {
        [$(($area, [
            include_str!(concat!("../locales/ar/", $area, ".ftl")),
            include_str!(concat!("../locales/en/", $area, ".ftl")),
            include_str!(concat!("../locales/ckb/", $area, ".ftl")),
        ])),*]
    };
}

/// Every area with the text of its file in each locale, in the order of [`Locale::ALL`].
pub(crate) const SOURCES: [(&str, [&str; 3]); 6] = sources!(
    "common",
    "accounts",
    "directory",
    "referrals",
    "errors",
    "events"
);

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 3]> = LazyLock::new(|| Locale::ALL.map(bundle));

fn bundle(locale: Locale) -> Bundle {
    let id = LanguageIdentifier::from_bytes(locale.code().as_bytes()).unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps placeables in Unicode isolation marks by default; the pages and
    // the API messages never had them, and the pages set `dir` themselves.
    bundle.set_use_isolating(false);
    for (_, texts) in SOURCES {
        // A syntax error or a duplicate id is reported by the tests; at run time the
        // rest of the catalogue still loads.
        let resource = FluentResource::try_new(texts[locale.index()].to_string())
            .unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The text of message `id` in `locale`, with `args` filled in; `None` when the
/// catalogue has no such message.
pub fn format(locale: Locale, id: &str, args: Option<&Args>) -> Option<String> {
    let bundle = &BUNDLES[locale.index()];
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// Whether message `id` exists in the catalogue of `locale`.
pub fn has_message(locale: Locale, id: &str) -> bool {
    BUNDLES[locale.index()].has_message(id)
}
