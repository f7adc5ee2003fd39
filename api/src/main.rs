//! `sanad`: serve, migrate, rebuild, verify, seed, admin. See `sanad --help`.

use std::process::ExitCode;

/// A request allocates and frees many small objects (GraphQL values, JSON, rows);
/// mimalloc does that with less CPU than glibc's allocator, which showed at the top of
/// the server's profile.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    api::cli::main().await
}
