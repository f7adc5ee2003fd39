//! `POST /organizations/{id}/members` (make a colleague's account with a role),
//! `.../members/role` (give a member another role) and `.../members/remove`. Each form
//! carries the session's CSRF token and its own command id. Success goes back to the
//! profile with a notice; failure shows the profile again with the API's message, and
//! the add form keeps what was typed except the password.

use super::notice::{MemberDraft, Notice};
use super::show;
use crate::context::Ctx;
use crate::failure::Answer;
use crate::form::Fields;
use crate::gql;
use crate::kit::problems::Control;
use crate::messages::Msg;
use crate::state::AppState;

const ADD: &str = "mutation($id: ID!, $input: NewMemberInput!, $commandId: String) {
  createMember(organizationId: $id, input: $input, commandId: $commandId) { userId }
}";

const CHANGE_ROLE: &str = "mutation($id: ID!, $userId: ID!, $role: Role!, $commandId: String) {
  changeMemberRole(organizationId: $id, userId: $userId, role: $role, commandId: $commandId) { userId }
}";

const REMOVE: &str = "mutation($id: ID!, $userId: ID!, $commandId: String) {
  removeMember(organizationId: $id, userId: $userId, commandId: $commandId)
}";

/// The add form's controls, as the API's refusals name them.
const ADD_FORM: [Control<'static>; 4] = [
    Control {
        field: "displayName",
        id: "member-display-name",
        label: Msg::DisplayName,
    },
    Control {
        field: "username",
        id: "member-username",
        label: Msg::Username,
    },
    Control {
        field: "password",
        id: "member-password",
        label: Msg::InitialPassword,
    },
    Control {
        field: "role",
        id: "member-role",
        label: Msg::Role,
    },
];

/// Which of the three forms was sent.
#[derive(Debug, Clone, Copy)]
pub enum Form {
    Add,
    ChangeRole,
    Remove,
}

pub async fn run(state: &AppState, ctx: &Ctx, id: &str, fields: Fields, which: Form) -> Answer {
    let command_id = fields.command_id(state);
    // A role the schema does not know is answered by the API as a variable error, in
    // its own words; the select only ever sends the roles the API listed.
    let (query, variables, done) = match which {
        Form::Add => (
            ADD,
            serde_json::json!({
                "id": id,
                "input": {
                    "username": fields.trimmed("username"),
                    "displayName": fields.trimmed("displayName"),
                    "password": fields.get("password"),
                    "role": fields.trimmed("role"),
                },
                "commandId": command_id,
            }),
            "member-added",
        ),
        Form::ChangeRole => (
            CHANGE_ROLE,
            serde_json::json!({
                "id": id,
                "userId": fields.trimmed("userId"),
                "role": fields.trimmed("role"),
                "commandId": command_id,
            }),
            "member-changed",
        ),
        Form::Remove => (
            REMOVE,
            serde_json::json!({
                "id": id,
                "userId": fields.trimmed("userId"),
                "commandId": command_id,
            }),
            "member-removed",
        ),
    };
    let outcome = gql::run(state, ctx, query, variables).await;
    let draft = match which {
        Form::Add => MemberDraft {
            username: fields.trimmed("username").to_string(),
            display_name: fields.trimmed("displayName").to_string(),
            role: fields.trimmed("role").to_string(),
        },
        Form::ChangeRole | Form::Remove => MemberDraft::default(),
    };
    let (controls, form): (&[Control<'_>], _) = match which {
        Form::Add => (&ADD_FORM, Some(("member-form", Msg::AddMemberTitle))),
        Form::ChangeRole | Form::Remove => (&[], None),
    };
    show::answer(
        state,
        ctx,
        id,
        outcome,
        done,
        controls,
        form,
        |problems, status| Notice::MemberFailed {
            problems,
            status,
            draft,
        },
    )
    .await
}
