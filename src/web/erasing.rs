//! Commands from the console or the JSON API: `erase` reaches across the
//! series ([`crate::records::erasure`]), everything else its session alone.

use super::{ApiError, AppState};
use crate::live::SessionHandle;
use crate::session::{Actor, Command};

/// Runs a command: `erase` across the series, everything else in its
/// session alone.
pub async fn run_command(
    app: &AppState,
    handle: &SessionHandle,
    actor: Actor,
    client_id: Option<String>,
    command: Command,
) -> Result<u64, ApiError> {
    match (actor, command) {
        // Boxed: every socket's task holds this future's state while it
        // waits, and erasing's is large; a phone's vote should not pay for it.
        (Actor::Facilitator, Command::Erase { participant }) => Ok(Box::pin(
            crate::records::erasure::erase(app.records(), handle, client_id, participant),
        )
        .await?),
        (actor, command) => Ok(handle.command(actor, client_id, command).await?),
    }
}
