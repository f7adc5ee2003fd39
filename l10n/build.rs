//! Turns CLDR's territory names (`cldr/territories/*.json`, see `cldr/README.md`) into
//! the table of ISO 3166-1 countries the pages offer (`OUT_DIR/countries.rs`), so the
//! binary carries only the 249 countries in three languages and a broken data file
//! fails the build, not a page.

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

/// Two-letter codes CLDR names that ISO 3166-1 does not assign to a country: its
/// exceptional reservations (`AC`, `CP`, `CQ`, `DG`, `EA`, `IC`, `TA`), groupings
/// (`EU`, `EZ`, `UN`, `QO`), pseudo-locales (`XA`, `XB`), Kosovo's user-assigned `XK`
/// and the unknown region (`ZZ`). The domain keeps ISO codes only.
const NOT_ISO: [&str; 15] = [
    "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ",
];

fn names(locale: &str) -> Result<BTreeMap<String, String>, Box<dyn Error>> {
    let path = format!("cldr/territories/{locale}.json");
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path)?;
    let json: serde_json::Value = serde_json::from_str(&text)?;
    let territories = json["main"][locale]["localeDisplayNames"]["territories"]
        .as_object()
        .ok_or_else(|| format!("{path}: no main.{locale}.localeDisplayNames.territories"))?;
    Ok(territories
        .iter()
        .filter(|(code, _)| code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()))
        .filter(|(code, _)| !NOT_ISO.contains(&code.as_str()))
        .filter_map(|(code, name)| Some((code.clone(), name.as_str()?.to_string())))
        .collect())
}

fn main() -> Result<(), Box<dyn Error>> {
    let en = names("en")?;
    let ar = names("ar")?;
    let ckb = names("ckb")?;
    let mut out = String::from("&[\n");
    for (code, english) in &en {
        let arabic = ar
            .get(code)
            .ok_or_else(|| format!("CLDR has no Arabic name for {code}"))?;
        // CLDR's Sorani lacks a few names (today `IO`): Kurdish readers in Iraq read
        // Arabic, so those are shown in Arabic rather than in English.
        let kurdish = ckb.get(code).unwrap_or(arabic);
        writeln!(
            out,
            "    Country {{ code: {code:?}, ar: {arabic:?}, en: {english:?}, ckb: {kurdish:?} }},"
        )?;
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR")?).join("countries.rs");
    std::fs::write(dest, out)?;
    println!("cargo:rerun-if-changed=build.rs");
    Ok(())
}
