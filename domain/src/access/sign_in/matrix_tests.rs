//! The sign-in guard's matrix: no role may record a lock-out, whatever its organisation's
//! standing. The platform itself may (the gate's case, `gate_tests.rs`).

use uuid::Uuid;

use crate::access::test_actors::member;
use crate::access::{authorize_sign_in_record, OrganizationStanding};
use crate::values::Role;

#[test]
fn no_role_records_a_lockout() {
    for role in Role::ALL {
        for standing in [
            OrganizationStanding::Pending,
            OrganizationStanding::Verified,
        ] {
            let actor = member(role, Uuid::from_u128(1), standing);
            assert!(
                authorize_sign_in_record(&actor).is_err(),
                "{role:?} {standing:?}"
            );
        }
    }
}
