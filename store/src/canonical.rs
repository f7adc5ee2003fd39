//! RFC 8785 (JCS) canonical JSON for the values events hold, written straight into a
//! buffer. `serde_jcs` gives the same bytes but buffers and re-sorts every object on the
//! way, and the hash links were a tenth of `sanad serve`'s CPU under load because of it.
//!
//! JCS prints numbers as ECMAScript does; for integers of at most 2^53 in magnitude that
//! is their decimal digits, the only numbers events carry. Any other number makes the
//! writer give up, and the caller falls back to `serde_jcs`, so hashes never depend on
//! which path computed them.

use serde_json::Value;

/// The largest integer ECMAScript prints as its plain digits, exactly.
const EXACT_INTEGER: u64 = 1 << 53;

/// Appends the RFC 8785 (JCS) canonical JSON of `value` to `out`: the bytes the hash links
/// are computed over, whichever path writes them (direct, or `serde_jcs` for numbers the
/// direct writer does not print). On error `out` is left as it was.
pub fn write_canonical_json(value: &Value, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    let start = out.len();
    if write(value, out) {
        return Ok(());
    }
    out.truncate(start);
    let bytes = serde_jcs::to_vec(value)?;
    out.extend_from_slice(&bytes);
    Ok(())
}

/// The RFC 8785 (JCS) canonical JSON of `value`; see [`write_canonical_json`].
pub fn canonical_json(value: &Value) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::new();
    write_canonical_json(value, &mut out)?;
    Ok(out)
}

/// Appends the canonical form of `value` to `out`; `false` (with `out` partly written)
/// when `value` holds a number this writer does not print.
pub(crate) fn write(value: &Value, out: &mut Vec<u8>) -> bool {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            if let Some(u) = n.as_u64().filter(|u| *u <= EXACT_INTEGER) {
                out.extend_from_slice(itoa::Buffer::new().format(u).as_bytes());
            } else if let Some(i) = n.as_i64().filter(|i| i.unsigned_abs() <= EXACT_INTEGER) {
                out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
            } else {
                return false;
            }
        }
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                if !write(item, out) {
                    return false;
                }
            }
            out.push(b']');
        }
        Value::Object(map) => {
            // JCS orders keys by their UTF-16 code units; a map's own order (by bytes, or
            // by insertion) may differ for characters beyond the Basic Multilingual Plane.
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
            out.push(b'{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                string(key, out);
                out.push(b':');
                if !write(item, out) {
                    return false;
                }
            }
            out.push(b'}');
        }
    }
    true
}

/// A JSON string as JCS writes it: serde_json escapes exactly the characters JCS does
/// (quote, backslash, control characters; short forms where JSON has them, lowercase hex
/// otherwise) and leaves the rest as UTF-8.
pub(crate) fn string(s: &str, out: &mut Vec<u8>) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn same_as_serde_jcs(value: &Value) {
        let mut fast = Vec::new();
        assert!(write(value, &mut fast), "{value}");
        let reference = serde_jcs::to_vec(value).expect("serde_jcs");
        assert_eq!(
            String::from_utf8_lossy(&fast),
            String::from_utf8_lossy(&reference)
        );
    }

    #[test]
    fn writes_what_serde_jcs_writes() {
        for value in [
            json!(null),
            json!(true),
            json!([]),
            json!({}),
            json!(0),
            json!(-1),
            json!(9_007_199_254_740_992u64),
            json!(-9_007_199_254_740_992i64),
            json!("plain"),
            json!("quote \" backslash \\ slash / tab \t nl \n cr \r bs \u{8} ff \u{c} nul \u{0} us \u{1f} del \u{7f}"),
            json!("مريم يوسف الجبوري — ✓ 😀 \u{e000} \u{fffd}"),
            json!({"b": 1, "a": [1, "x", null, {"d": false, "c": true}], "": "empty key"}),
            json!({"z": 1, "é": 2, "e": 3, "😀": 4, "\u{e000}": 5, "\u{ffff}": 6, "A": 7, "a\u{0}": 8}),
            json!({"payload": {"Created": {"needs": [{"category": "psychosocial", "priority": "high"}], "household_size": 4}},
                   "metadata": {"actor": {"user_id": "1c0b…", "roles": ["nrm_caseworker"]}, "command_id": "c-1", "occurred_at": "2026-12-01T12:00:00.123456Z"}}),
        ] {
            same_as_serde_jcs(&value);
        }
    }

    #[test]
    fn the_public_writer_falls_back_to_serde_jcs() {
        for value in [
            json!({"b": [1, "x"], "a": null}),
            json!({"b": 1.5, "a": [9_007_199_254_740_993u64]}),
        ] {
            let mut out = b"kept:".to_vec();
            write_canonical_json(&value, &mut out).expect("canonical");
            let mut expected = b"kept:".to_vec();
            expected.extend(serde_jcs::to_vec(&value).expect("serde_jcs"));
            assert_eq!(out, expected);
            assert_eq!(
                canonical_json(&value).expect("canonical"),
                expected[5..].to_vec()
            );
        }
    }

    #[test]
    fn gives_up_on_numbers_it_does_not_print() {
        for value in [
            json!(1.5),
            json!(9_007_199_254_740_993u64),
            json!(-9_007_199_254_740_993i64),
            json!({"a": [1, 2.0]}),
        ] {
            assert!(!write(&value, &mut Vec::new()), "{value}");
        }
    }
}
