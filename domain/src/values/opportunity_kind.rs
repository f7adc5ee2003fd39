//! What an employer offers: a job, a place to learn, or money to start a business.

use super::codes::codes;

codes!(
    /// The kinds of opportunity. A start-up grant or loan (the MoLSA reintegration loan)
    /// carries an amount instead of a pay range.
    OpportunityKind {
        JobVacancy = "job_vacancy",
        /// Apprenticeship or on-the-job training.
        Apprenticeship = "apprenticeship",
        VocationalCourse = "vocational_course",
        Internship = "internship",
        StartupGrantOrLoan = "startup_grant_or_loan",
    }
);

impl OpportunityKind {
    /// Whether the opportunity pays out a sum once rather than a monthly wage.
    pub fn is_grant(self) -> bool {
        self == Self::StartupGrantOrLoan
    }
}
