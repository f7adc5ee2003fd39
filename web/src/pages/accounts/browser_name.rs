//! A browser's self-description (`User-Agent`) as a person recognises it in their list of
//! sessions: the browser and the system, e.g. "Chrome · Android". Never used to decide
//! anything; an unknown one is said to be unknown.

/// `(browser, system)` named from `agent`; `None` for what is not recognised.
pub fn browser_name(agent: &str) -> (Option<&'static str>, Option<&'static str>) {
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
    const BROWSERS: [(&str, &str); 6] = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];
    const SYSTEMS: [(&str, &str); 6] = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("Linux", "Linux"),
    ];
    let find = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(mark, _)| agent.contains(mark))
            .map(|(_, name)| *name)
    };
    (find(&BROWSERS), find(&SYSTEMS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_are_told_apart_by_the_marks_they_send() {
        let phone = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
        assert_eq!(browser_name(phone), (Some("Chrome"), Some("Android")));
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";
        assert_eq!(browser_name(edge), (Some("Edge"), Some("Windows")));
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(browser_name(iphone), (Some("Safari"), Some("iOS")));
        assert_eq!(browser_name("curl/8.5"), (None, None));
    }
}
