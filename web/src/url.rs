//! Building links: percent-encoding of query values and path segments.

/// Percent-encodes `value` for a query value or a path segment (everything except
/// the RFC 3986 unreserved characters).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `path?k=v&...` from the pairs whose value is present and not empty.
pub fn with_query(path: &str, pairs: &[(&str, Option<&str>)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .filter_map(|(key, value)| {
            value
                .filter(|v| !v.is_empty())
                .map(|v| format!("{key}={}", encode(v)))
        })
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The profile page of an organisation.
pub fn organization(id: &str) -> String {
    format!("/organizations/{}", encode(id))
}

/// The page of a referral.
pub fn referral(id: &str) -> String {
    format!("/referrals/{}", encode(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_arabic_and_reserved_characters() {
        assert_eq!(encode("a b&c"), "a%20b%26c");
        assert_eq!(encode("سند"), "%D8%B3%D9%86%D8%AF");
        assert_eq!(
            with_query(
                "/organizations",
                &[("kind", Some("NGO")), ("q", None), ("after", Some(""))]
            ),
            "/organizations?kind=NGO"
        );
    }
}
