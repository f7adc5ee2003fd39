//! Who the client is: its address and whether it came over HTTPS. Behind a reverse proxy
//! the socket peer is the proxy, so the proxy's `X-Forwarded-For` / `X-Forwarded-Proto`
//! are believed, but only when the peer is one of `TRUSTED_PROXIES`: anyone else could
//! write any address there and pick whose sign-in throttle they fill.

use std::net::IpAddr;

use axum::http::HeaderMap;

/// An address, or a network in CIDR notation (`TRUSTED_PROXIES`, `METRICS_ALLOW`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    base: IpAddr,
    prefix: u8,
}

impl Network {
    pub fn parse(s: &str) -> Option<Self> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let base: IpAddr = addr.trim().parse().ok()?;
        let max = if base.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.trim().parse::<u8>().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(Self { base, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (canonical(self.base), ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 address seen through an IPv6 socket (`::ffff:a.b.c.d`) as the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The proxies whose forwarding headers are believed (`TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Network>);

impl TrustedProxies {
    /// Comma-separated addresses and CIDR networks; empty trusts nobody.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                Network::parse(s).ok_or_else(|| {
                    format!("TRUSTED_PROXIES: {s:?} is not an address or CIDR network")
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(ip))
    }
}

/// What the request says about its client, as far as it can be believed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    /// The client's address: the socket peer's, or behind a trusted proxy the right-most
    /// `X-Forwarded-For` entry that is not itself a trusted proxy.
    pub address: String,
    /// The original request was HTTPS: `X-Forwarded-Proto: https` from a trusted proxy.
    pub https: bool,
    /// The browser's own description (`User-Agent`), shown to a person in their list of
    /// sessions so they can tell their devices apart; never used to decide anything.
    pub user_agent: Option<String>,
}

impl Client {
    pub fn resolve(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &TrustedProxies) -> Self {
        let user_agent = headers
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let Some(peer) = peer.map(canonical) else {
            return Self {
                address: "local".into(),
                https: false,
                user_agent,
            };
        };
        if !trusted.trusts(peer) {
            return Self {
                address: peer.to_string(),
                https: false,
                user_agent,
            };
        }
        let forwarded: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        // Walk from the nearest hop outwards; every hop up to the first untrusted one
        // was written by a proxy of ours. An entry that is no address stops the walk.
        let mut address = peer;
        for entry in forwarded.iter().rev() {
            let Some(ip) = parse_hop(entry) else { break };
            address = ip;
            if !trusted.trusts(ip) {
                break;
            }
        }
        let https = headers
            .get_all("x-forwarded-proto")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .next_back()
            .is_some_and(|p| p.eq_ignore_ascii_case("https"));
        Self {
            address: address.to_string(),
            https,
            user_agent,
        }
    }
}

/// An `X-Forwarded-For` entry: an address, possibly with a port (`a.b.c.d:p`, `[v6]:p`).
fn parse_hop(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    entry
        .parse::<std::net::SocketAddr>()
        .ok()
        .map(|s| canonical(s.ip()))
}

tokio::task_local! {
    /// The client of the HTTP request this task serves, for code reached without the
    /// request at hand (the web pages' in-process GraphQL).
    pub static CURRENT: Client;
}

/// The client of the request being served, when there is one.
pub fn current() -> Option<Client> {
    CURRENT.try_with(Clone::clone).ok()
}

/// Whether the original request was HTTPS (per `Client::https`), from a request's
/// extensions (set by `ops::request::track`).
pub fn is_https(extensions: &axum::http::Extensions) -> bool {
    extensions.get::<Client>().is_some_and(|c| c.https)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let trusted = TrustedProxies::parse("10.0.0.0/8, 192.168.1.5").unwrap();
        let h = headers(&[
            ("x-forwarded-for", "6.6.6.6, 203.0.113.7"),
            ("x-forwarded-for", "10.1.2.3"),
            ("x-forwarded-proto", "https"),
        ]);
        let via_proxy = Client::resolve(Some("192.168.1.5".parse().unwrap()), &h, &trusted);
        assert_eq!(via_proxy.address, "203.0.113.7");
        assert!(via_proxy.https);
        let direct = Client::resolve(Some("198.51.100.1".parse().unwrap()), &h, &trusted);
        assert_eq!(direct.address, "198.51.100.1");
        assert!(!direct.https);
        let nobody = TrustedProxies::parse("").unwrap();
        let c = Client::resolve(Some("10.1.1.1".parse().unwrap()), &h, &nobody);
        assert_eq!(c.address, "10.1.1.1");
        let mapped = Client::resolve(
            Some("::ffff:10.9.9.9".parse().unwrap()),
            &headers(&[("x-forwarded-for", "[2001:db8::1]:443")]),
            &trusted,
        );
        assert_eq!(mapped.address, "2001:db8::1");
        let no_header = Client::resolve(
            Some("10.9.9.9".parse().unwrap()),
            &HeaderMap::new(),
            &trusted,
        );
        assert_eq!(no_header.address, "10.9.9.9");
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.example").is_err());
    }
}
