//! The schooling an opportunity asks for and a nominee has, in the stages of Iraq's system,
//! ordered so that "at least secondary" is a comparison.

use super::codes::codes;

codes!(EducationLevel {
    NoSchooling = "none",
    Primary = "primary",
    Intermediate = "intermediate",
    Secondary = "secondary",
    /// A vocational or technical institute's diploma.
    Diploma = "diploma",
    Bachelor = "bachelor",
    Postgraduate = "postgraduate",
});
