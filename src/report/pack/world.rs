//! The smallest Typst world that sets the pack: one template compiled into
//! the binary, the data passed in as `sys.inputs.data` (JSON text, read by
//! the template with `json(bytes(...))`, so no participant text is ever
//! Typst markup), Typst's own fonts, and no files, packages or clock.

use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The pack's template.
const TEMPLATE: &str = include_str!("pack.typ");

/// Fonts bundled with Typst (Libertinus Serif, New Computer Modern, DejaVu
/// Sans Mono), read once.
fn fonts() -> &'static (Vec<Font>, LazyHash<FontBook>) {
    static FONTS: OnceLock<(Vec<Font>, LazyHash<FontBook>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        (fonts, LazyHash::new(book))
    })
}

/// One pack being set.
pub struct PackWorld {
    library: LazyHash<Library>,
    source: Source,
}

impl PackWorld {
    /// The template with `data` (JSON) as its input.
    pub fn new(data: String) -> PackWorld {
        let mut inputs = Dict::new();
        inputs.insert("data".into(), data.into_value());
        let library = Library::builder().with_inputs(inputs).build();
        let id = FileId::new(None, VirtualPath::new("/pack.typ"));
        PackWorld {
            library: LazyHash::new(library),
            source: Source::new(id, TEMPLATE.into()),
        }
    }
}

impl World for PackWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().1
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().0.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        // The pack's dates come in its data; the template never asks.
        None
    }
}
