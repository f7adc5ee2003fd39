//! The economic sector of an opportunity: a section of ISIC Rev.4, the classification Iraq's
//! Central Statistical Organization and the ILO report employment by, so placements can be
//! counted by sector beside the national figures.

use super::codes::codes;

codes!(IsicSection {
    /// Agriculture, forestry and fishing.
    A = "A",
    /// Mining and quarrying.
    B = "B",
    /// Manufacturing.
    C = "C",
    /// Electricity, gas, steam and air conditioning supply.
    D = "D",
    /// Water supply; sewerage, waste management and remediation.
    E = "E",
    /// Construction.
    F = "F",
    /// Wholesale and retail trade; repair of motor vehicles and motorcycles.
    G = "G",
    /// Transportation and storage.
    H = "H",
    /// Accommodation and food service activities.
    I = "I",
    /// Information and communication.
    J = "J",
    /// Financial and insurance activities.
    K = "K",
    /// Real estate activities.
    L = "L",
    /// Professional, scientific and technical activities.
    M = "M",
    /// Administrative and support service activities.
    N = "N",
    /// Public administration and defence; compulsory social security.
    O = "O",
    /// Education.
    P = "P",
    /// Human health and social work activities.
    Q = "Q",
    /// Arts, entertainment and recreation.
    R = "R",
    /// Other service activities.
    S = "S",
    /// Activities of households as employers.
    T = "T",
    /// Activities of extraterritorial organizations and bodies.
    U = "U",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_twenty_one_sections_parse_back_from_their_letters() {
        assert_eq!(IsicSection::ALL.len(), 21);
        for s in IsicSection::ALL {
            assert_eq!(IsicSection::parse(s.as_str()), Some(*s));
        }
        assert_eq!(IsicSection::parse("V"), None);
        assert_eq!(serde_json::to_string(&IsicSection::C).unwrap(), "\"C\"");
    }
}
