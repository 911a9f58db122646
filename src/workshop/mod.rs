//! Workshop scripts: the TOML agendas in `workshops/`, parsed and checked.

mod check;
mod library;
mod script;
mod templates;

pub use check::ScriptProblem;
pub use library::{check_files, load_library, CheckReport, LibraryError, WorkshopLibrary};
pub use script::{ActivityKind, ActivitySpec, Group, OptionSpec, Workshop};
pub use templates::TemplateBook;
