//! The accounts' matrix: every role × every operation on someone else's account.

use uuid::Uuid;

use crate::access::test_actors::member;
use crate::access::{authorize_account, AccountOperation, OrganizationStanding};
use crate::values::Role;

fn expected(role: Role, operation: AccountOperation) -> bool {
    match operation {
        AccountOperation::RevokeAnyApiToken => role == Role::SecretariatAdmin,
    }
}

#[test]
fn only_the_secretariat_administrator_revokes_anyones_token() {
    for role in Role::ALL {
        for operation in AccountOperation::ALL {
            let actor = member(role, Uuid::from_u128(1), OrganizationStanding::Verified);
            assert_eq!(
                authorize_account(&actor, operation).is_ok(),
                expected(role, operation),
                "{role:?} {operation:?}"
            );
        }
    }
}
