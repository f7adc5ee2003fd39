//! The GraphQL endpoint as clients and attackers meet it.

/// Bad input gets a clear, coded error in the caller's language.
mod errors;

/// Named regression tests for attacks and protocol faults, and third-party clients.
mod hardening;

/// Generated and hostile documents against the real binary.
mod fuzz;
