//! The embedded font (DejaVu Sans, regular and bold): it covers all of Cyrillic, Belarusian
//! ў and і included. Text is measured here for wrapping, and cleaned before it is set:
//! control characters and bidi marks go, characters the font cannot show become □.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfDocument};

pub struct Face {
    /// Parsed once per process (parsing DejaVu takes longer than laying out a document);
    /// each document adds it under its own id.
    pub parsed: &'static ParsedFont,
    pub id: FontId,
}

pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

/// What stands in for a character the font cannot show.
pub const REPLACEMENT: char = '□';

fn parsed(cell: &'static OnceLock<ParsedFont>, bytes: &[u8]) -> &'static ParsedFont {
    cell.get_or_init(|| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the embedded DejaVu font parses"))
}

impl Fonts {
    pub fn load(doc: &mut PdfDocument) -> Fonts {
        static REGULAR: OnceLock<ParsedFont> = OnceLock::new();
        static BOLD: OnceLock<ParsedFont> = OnceLock::new();
        let mut face = |parsed: &'static ParsedFont| Face { id: doc.add_font(parsed), parsed };
        Fonts { regular: face(parsed(&REGULAR, dejavu::sans::regular())), bold: face(parsed(&BOLD, dejavu::sans::bold())) }
    }
}

impl Face {
    fn advance(&self, c: char) -> f32 {
        let gid = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
        self.parsed.get_horizontal_advance(gid) as f32 / self.parsed.font_metrics.units_per_em.max(1) as f32
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    pub fn covers(&self, c: char) -> bool {
        self.parsed.lookup_glyph_index(c as u32).is_some_and(|g| g != 0)
    }
}

/// Text fit to set: control characters (but not line breaks) and bidirectional marks are
/// dropped, tabs become spaces, and characters the font lacks become □. Returns the text
/// and the characters that were replaced.
pub fn clean(text: &str, face: &Face) -> (String, Vec<char>) {
    let mut out = String::with_capacity(text.len());
    let mut replaced = Vec::new();
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\r' => {}
            c if c.is_control() => {}
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{200b}' => {}
            c if face.covers(c) => out.push(c),
            c => {
                replaced.push(c);
                out.push(REPLACEMENT);
            }
        }
    }
    (out, replaced)
}
