//! The terms a placement is offered on.

use super::codes::codes;

codes!(ContractType {
    Permanent = "permanent",
    FixedTerm = "fixed_term",
    /// Paid by the day, common in construction and agriculture.
    DailyWage = "daily_wage",
    PartTime = "part_time",
    Apprenticeship = "apprenticeship",
    Internship = "internship",
    /// A grant or loan to work for oneself.
    SelfEmployment = "self_employment",
});
