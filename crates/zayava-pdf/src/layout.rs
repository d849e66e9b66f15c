//! A small layout engine over printpdf's drawing operations: A4 pages, wrapped and
//! hyphenated text (`breaks.rs` says where a line may end), label/value blocks, tables whose
//! columns follow their content, that break across pages, repeat their header row and keep
//! it with a first row and with the heading above, checklists, and page numbers added once
//! the page count is known.

use printpdf::{Color, Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Polygon, PolygonRing, Pt, Rgb, TextItem, WindingOrder};
use zayava_core::i18n::Lang;

use crate::breaks::{emergency_points, hyphen_after, hyphenation_points, kind, Kind};
use crate::fonts::{clean, Face, Fonts};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const LEFT: f32 = 56.7;
pub const RIGHT: f32 = 42.5;
pub const TOP: f32 = 56.7;
pub const BOTTOM: f32 = 62.0;
pub const BODY: f32 = 10.0;
const LEADING: f32 = 1.3;
const CELL_PAD: f32 = 4.0;
/// A table's text size, and the smaller ones tried when its columns cannot otherwise fit
/// their widest dates and numbers.
const TABLE_SIZES: [f32; 3] = [9.0, 8.0, 7.0];

/// What goes above a table and stays on its page: a section heading or a list's label.
pub enum Lead<'a> {
    Heading(&'a str),
    Label(&'a str),
}

fn black() -> Color {
    Color::Rgb(Rgb { r: 0.0, g: 0.0, b: 0.0, icc_profile: None })
}

fn grey(v: f32) -> Color {
    Color::Rgb(Rgb { r: v, g: v, b: v, icc_profile: None })
}

pub struct Layout<'f> {
    fonts: &'f Fonts,
    /// The document's language: it chooses the hyphenation patterns of Cyrillic words.
    lang: Lang,
    pages: Vec<Vec<Op>>,
    /// The baseline position of the next line, from the page's bottom.
    y: f32,
    /// Characters the font could not show, replaced by □.
    pub replaced: Vec<char>,
}

impl<'f> Layout<'f> {
    pub fn new(fonts: &'f Fonts, lang: Lang) -> Layout<'f> {
        Layout { fonts, lang, pages: vec![Vec::new()], y: PAGE_H - TOP, replaced: Vec::new() }
    }

    pub fn width(&self) -> f32 {
        PAGE_W - LEFT - RIGHT
    }

    fn face(&self, bold: bool) -> &'f Face {
        if bold { &self.fonts.bold } else { &self.fonts.regular }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("there is always a page")
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = PAGE_H - TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < PAGE_H - TOP {
            self.new_page();
        }
    }

    pub fn space(&mut self, height: f32) {
        self.y -= height;
    }

    fn set_text(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool) {
        if text.is_empty() {
            return;
        }
        let font = self.face(bold).id.clone();
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFillColor { col: black() },
            Op::SetFont { font: PdfFontHandle::External(font), size: Pt(size) },
            Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } },
            Op::ShowText { items: vec![TextItem::Text(text.to_string())] },
            Op::EndTextSection,
        ]);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32) {
        self.ops().extend([
            Op::SetOutlineColor { col: grey(0.35) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![LinePoint { p: Point { x: Pt(x1), y: Pt(y1) }, bezier: false }, LinePoint { p: Point { x: Pt(x2), y: Pt(y2) }, bezier: false }],
                    is_closed: false,
                },
            },
        ]);
    }

    /// A filled rectangle (for shading and the QR code's modules).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, shade: f32) {
        let p = |x: f32, y: f32| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false };
        self.ops().extend([
            Op::SetFillColor { col: grey(shade) },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing { points: vec![p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h)] }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    /// Cleans and wraps text to `width` points (see [`wrap_clean`]).
    pub fn wrap(&mut self, text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
        let face = self.face(bold);
        let (text, replaced) = clean(text, face);
        self.replaced.extend(replaced);
        wrap_clean(face, &text, width, size, self.lang)
    }

    /// Wrapped text across the page width (or from `indent`), breaking pages as needed.
    pub fn paragraph(&mut self, text: &str, size: f32, bold: bool, indent: f32) {
        let lh = size * LEADING;
        for line in self.wrap(text, self.width() - indent, size, bold) {
            self.ensure(lh);
            self.y -= lh;
            self.set_text(LEFT + indent, self.y + size * 0.25, &line, size, bold);
        }
    }

    pub fn title(&mut self, text: &str) {
        self.paragraph(text, 15.0, true, 0.0);
        self.space(6.0);
    }

    /// A section heading, kept on the page with at least two lines of what follows.
    pub fn heading(&mut self, text: &str) {
        let keep = self.heading_height(text) + 2.0 * BODY * LEADING;
        self.ensure(keep);
        self.space(8.0);
        self.paragraph(text, 12.0, true, 0.0);
        let y = self.y - 3.0;
        self.line(LEFT, y, PAGE_W - RIGHT, y, 0.6);
        self.space(7.0);
    }

    fn heading_height(&mut self, text: &str) -> f32 {
        8.0 + self.wrap(text, self.width(), 12.0, true).len() as f32 * 12.0 * LEADING + 7.0
    }

    /// A list's label above its table.
    fn label(&mut self, text: &str) {
        self.paragraph(text, 10.0, true, 0.0);
        self.space(3.0);
    }

    fn label_height(&mut self, text: &str) -> f32 {
        self.wrap(text, self.width(), 10.0, true).len() as f32 * 10.0 * LEADING + 3.0
    }

    /// Label and value side by side, both wrapped; empty values print as a blank line.
    pub fn fields(&mut self, pairs: &[(String, String)]) {
        let label_w = self.width() * 0.36;
        let value_w = self.width() - label_w - 8.0;
        let lh = BODY * LEADING;
        for (label, value) in pairs {
            let ls = self.wrap(label, label_w, BODY, true);
            let vs = if value.trim().is_empty() { vec![String::new()] } else { self.wrap(value, value_w, BODY, false) };
            let rows = ls.len().max(vs.len());
            for i in 0..rows {
                self.ensure(lh);
                self.y -= lh;
                let base = self.y + BODY * 0.25;
                if let Some(l) = ls.get(i) {
                    self.set_text(LEFT, base, l, BODY, true);
                }
                if let Some(v) = vs.get(i) {
                    if v.is_empty() && i == 0 {
                        // A clean blank for a missing value: a line to write on.
                        self.line(LEFT + label_w + 8.0, base - 1.5, LEFT + label_w + 8.0 + value_w * 0.6, base - 1.5, 0.4);
                    } else {
                        self.set_text(LEFT + label_w + 8.0, base, v, BODY, false);
                    }
                }
            }
            self.space(3.0);
        }
    }

    fn table_row(&mut self, cells: &[Vec<String>], widths: &[f32], size: f32, bold: bool, shade: bool) {
        let lh = size * LEADING;
        let height = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD;
        let top = self.y;
        if shade {
            self.rect(LEFT, top - height, self.width(), height, 0.9);
        }
        let mut x = LEFT;
        for (cell, w) in cells.iter().zip(widths) {
            for (i, line) in cell.iter().enumerate() {
                self.set_text(x + CELL_PAD, top - CELL_PAD - (i as f32 + 1.0) * lh + size * 0.3, line, size, bold);
            }
            x += w;
        }
        // Borders: the row's bottom and each column's left and right edges.
        self.line(LEFT, top - height, PAGE_W - RIGHT, top - height, 0.4);
        let mut x = LEFT;
        for w in widths.iter().chain(std::iter::once(&0.0)) {
            self.line(x, top, x, top - height, 0.4);
            x += w;
        }
        self.y = top - height;
    }

    /// A table over the page width, its columns as wide as their content asks (see
    /// [`column_widths`]); the lead and the header row stay on the page with the first row;
    /// the header row is repeated on every page the table reaches; a row taller than a page
    /// is split.
    pub fn table(&mut self, lead: Lead, headers: &[String], rows: &[Vec<String>]) {
        let cleaned = |me: &mut Self, row: &[String], bold: bool| -> Vec<String> {
            row.iter()
                .map(|c| {
                    let (text, replaced) = clean(c, me.face(bold));
                    me.replaced.extend(replaced);
                    text
                })
                .collect()
        };
        let headers = cleaned(self, headers, true);
        let rows: Vec<Vec<String>> = rows.iter().map(|r| cleaned(self, r, false)).collect();
        let (size, widths) = self.fit_columns(&headers, &rows);
        let (regular, bold, lang) = (&self.fonts.regular, &self.fonts.bold, self.lang);
        let wrap_row = |row: &[String], face: &Face| -> Vec<Vec<String>> {
            row.iter().zip(&widths).map(|(c, w)| wrap_clean(face, c, w - 2.0 * CELL_PAD, size, lang)).collect()
        };
        let header = wrap_row(&headers, bold);
        let wrapped: Vec<Vec<Vec<String>>> = rows.iter().map(|r| wrap_row(r, regular)).collect();
        let lh = size * LEADING;
        let height = |cells: &[Vec<String>]| cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lh + 2.0 * CELL_PAD;
        let header_h = height(&header);
        // The first row, or three of its lines when it is taller: what must come with the header.
        let first_h = wrapped.first().map(|r| height(r).min(3.0 * lh + 2.0 * CELL_PAD)).unwrap_or(0.0);
        let lead_h = match lead {
            Lead::Heading(t) => self.heading_height(t),
            Lead::Label(t) => self.label_height(t),
        };
        self.ensure(lead_h + header_h + first_h);
        match lead {
            Lead::Heading(t) => self.heading(t),
            Lead::Label(t) => self.label(t),
        }
        let draw_header = |me: &mut Self| {
            let top = me.y;
            me.line(LEFT, top, PAGE_W - RIGHT, top, 0.4);
            me.table_row(&header, &widths, size, true, true);
        };
        draw_header(self);
        for mut cells in wrapped {
            loop {
                let needed = height(&cells);
                let room = ((self.y - BOTTOM - 2.0 * CELL_PAD) / lh).floor().max(0.0) as usize;
                if needed <= self.y - BOTTOM {
                    self.table_row(&cells, &widths, size, false, false);
                    break;
                }
                if room >= 2 && needed > PAGE_H - TOP - BOTTOM - header_h {
                    // Taller than a whole page: set what fits, carry the rest over.
                    let head: Vec<Vec<String>> = cells.iter().map(|c| c.iter().take(room).cloned().collect()).collect();
                    cells = cells.iter().map(|c| c.iter().skip(room).cloned().collect()).collect();
                    self.table_row(&head, &widths, size, false, false);
                }
                self.new_page();
                draw_header(self);
            }
        }
        self.space(8.0);
    }

    /// The table's text size and column widths. Preferred, in order: every column as wide
    /// as its longest word, at the first size of [`TABLE_SIZES`] where that fits; else as
    /// wide as its widest syllable (long words are hyphenated); at the smallest size, what
    /// fits.
    fn fit_columns(&self, headers: &[String], rows: &[Vec<String>]) -> (f32, Vec<f32>) {
        let available = self.width();
        let pad = 2.0 * CELL_PAD;
        let mut last = (TABLE_SIZES[0], Vec::new());
        for size in TABLE_SIZES {
            // A header wraps to fit its column: its words set the column's minimum, but only
            // the content asks for width beyond that («АЭР согласован с Оператором» over «да»).
            let mut need: Vec<Measure> = headers.iter().map(|h| measure(&self.fonts.bold, h, size, self.lang)).map(|m| Measure { line: m.word, ..m }).collect();
            // Lists repeat their values (a code, a choice): each distinct one is measured once.
            let mut seen: std::collections::HashMap<&str, Measure> = std::collections::HashMap::new();
            for row in rows {
                for (n, cell) in need.iter_mut().zip(row) {
                    let m = *seen.entry(cell.as_str()).or_insert_with(|| measure(&self.fonts.regular, cell, size, self.lang));
                    *n = Measure { word: n.word.max(m.word), syllable: n.syllable.max(m.syllable), line: n.line.max(m.line) };
                }
            }
            for whole_words in [true, false] {
                let columns: Vec<(f32, f32)> = need.iter().map(|m| (if whole_words { m.word } else { m.syllable } + pad, m.line + pad)).collect();
                last = (size, column_widths(&columns, available));
                if columns.iter().map(|c| c.0).sum::<f32>() <= available {
                    return last;
                }
            }
        }
        last
    }

    /// Ticked or empty boxes, each item wrapped.
    pub fn checklist(&mut self, items: &[(bool, String)]) {
        let lh = BODY * LEADING;
        for (checked, text) in items {
            let lines = self.wrap(text, self.width() - 18.0, BODY, false);
            for (i, line) in lines.iter().enumerate() {
                self.ensure(lh);
                self.y -= lh;
                let base = self.y + BODY * 0.25;
                if i == 0 {
                    let (x, y) = (LEFT, base - 1.0);
                    for (a, b, c, d) in [(x, y, x + 8.0, y), (x + 8.0, y, x + 8.0, y + 8.0), (x + 8.0, y + 8.0, x, y + 8.0), (x, y + 8.0, x, y)] {
                        self.line(a, b, c, d, 0.6);
                    }
                    if *checked {
                        self.line(x + 1.5, y + 4.0, x + 3.5, y + 1.5, 1.0);
                        self.line(x + 3.5, y + 1.5, x + 7.0, y + 7.0, 1.0);
                    }
                }
                self.set_text(LEFT + 18.0, base, line, BODY, false);
            }
            self.space(2.0);
        }
    }

    /// Lines to sign, seal and date on.
    pub fn signature(&mut self, head: &str, labels: [&str; 3]) {
        self.ensure(90.0);
        self.space(24.0);
        self.paragraph(head, BODY, false, 0.0);
        self.space(28.0);
        let y = self.y;
        let w = self.width();
        let spots = [(0.0, 0.30), (0.36, 0.30), (0.72, 0.28)];
        for ((start, len), label) in spots.iter().zip(labels) {
            self.line(LEFT + w * start, y, LEFT + w * (start + len), y, 0.5);
            self.set_text(LEFT + w * start, y - 10.0, label, 8.0, false);
        }
        self.y = y - 16.0;
    }

    /// A letter's head: the date and outgoing number on the left, the addressee on the
    /// right (each line wrapped to its column), the block as tall as its taller side.
    pub fn letter_head(&mut self, left: &[String], right: &[String]) {
        let w = self.width();
        let (left_w, right_x) = (w * 0.42, LEFT + w * 0.5);
        let lh = BODY * LEADING;
        let column = |l: &mut Self, lines: &[String], width: f32| -> Vec<String> { lines.iter().flat_map(|t| l.wrap(t, width, BODY, false)).collect() };
        let left = column(self, left, left_w);
        let right = column(self, right, w * 0.5);
        self.ensure(lh * left.len().max(right.len()) as f32);
        let top = self.y;
        for (i, line) in left.iter().enumerate() {
            self.set_text(LEFT, top - lh * (i + 1) as f32 + BODY * 0.25, line, BODY, false);
        }
        for (i, line) in right.iter().enumerate() {
            self.set_text(right_x, top - lh * (i + 1) as f32 + BODY * 0.25, line, BODY, false);
        }
        self.y = top - lh * left.len().max(right.len()) as f32;
    }

    /// A signature block filled in: the position on the left, a line to sign on, the name on
    /// the right, the authority under them, and «М.П.» where the seal goes. Kept whole on
    /// one page.
    pub fn signed(&mut self, position: &str, name: &str, basis: &str, signature_label: &str, seal: &str) {
        let w = self.width();
        let position = self.wrap(position, w * 0.36, BODY, false);
        let lh = BODY * LEADING;
        self.ensure(lh * position.len() as f32 + 80.0);
        self.space(30.0);
        let base = self.y;
        for (i, line) in position.iter().enumerate() {
            self.set_text(LEFT, base + lh * (position.len() - 1 - i) as f32, line, BODY, false);
        }
        self.line(LEFT + w * 0.40, base - 2.0, LEFT + w * 0.66, base - 2.0, 0.5);
        self.set_text(LEFT + w * 0.40, base - 12.0, signature_label, 7.5, false);
        let name = self.wrap(name, w * 0.32, BODY, false);
        for (i, line) in name.iter().enumerate() {
            self.set_text(LEFT + w * 0.68, base - lh * i as f32, line, BODY, false);
        }
        self.y = base - lh * (name.len().max(1) - 1) as f32 - 16.0;
        if !basis.is_empty() {
            self.paragraph(basis, 8.0, false, 0.0);
        }
        self.space(6.0);
        self.paragraph(seal, BODY, false, w * 0.40);
    }

    /// A thin rule across the page (under a letterhead).
    pub fn rule(&mut self) {
        self.space(4.0);
        let y = self.y;
        self.line(LEFT, y, PAGE_W - RIGHT, y, 0.6);
    }

    /// How many pages `build` takes when laid out alone (a covering letter counts its
    /// enclosure's pages this way); nothing of it stays in this layout.
    pub fn pages_of(&self, build: impl FnOnce(&mut Layout)) -> usize {
        let mut alone = Layout::new(self.fonts, self.lang);
        build(&mut alone);
        alone.pages.len()
    }

    /// The width of `text` in points, in the regular face.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        self.fonts.regular.width(text, size)
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    /// Text placed freely (the cover's QR caption).
    pub fn text_at(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool) {
        let (text, replaced) = clean(text, self.face(bold));
        self.replaced.extend(replaced);
        self.set_text(x, y, &text, size, bold);
    }

    /// The pages, each with its footer (e.g. «стр. 2 из 5») centred at the bottom.
    pub fn finish(mut self, footer: impl Fn(usize, usize) -> String) -> (Vec<PdfPage>, Vec<char>) {
        let total = self.pages.len();
        for i in 0..total {
            let text = footer(i + 1, total);
            let w = self.fonts.regular.width(&text, 8.0);
            let id = self.fonts.regular.id.clone();
            self.pages[i].extend([
                Op::StartTextSection,
                Op::SetFillColor { col: grey(0.3) },
                Op::SetFont { font: PdfFontHandle::External(id), size: Pt(8.0) },
                Op::SetTextCursor { pos: Point { x: Pt((PAGE_W - w) / 2.0), y: Pt(30.0) } },
                Op::ShowText { items: vec![TextItem::Text(text)] },
                Op::EndTextSection,
            ]);
        }
        let pages = self.pages.into_iter().map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops)).collect();
        let mut replaced = self.replaced;
        replaced.sort_unstable();
        replaced.dedup();
        (pages, replaced)
    }
}

/// How wide a cell's text is, at a size: its longest word (or date, e-mail…), its widest
/// piece once words are hyphenated, and its longest line unbroken.
#[derive(Debug, Clone, Copy)]
struct Measure {
    word: f32,
    syllable: f32,
    line: f32,
}

fn measure(face: &Face, text: &str, size: f32, lang: Lang) -> Measure {
    let hyphen = face.width("-", size);
    let mut m = Measure { word: 0.0, syllable: 0.0, line: 0.0 };
    for paragraph in text.split('\n') {
        m.line = m.line.max(face.width(paragraph, size));
        for token in paragraph.split(' ').filter(|t| !t.is_empty()) {
            m.word = m.word.max(face.width(token, size));
            let mut from = 0;
            let mut widest: f32 = 0.0;
            for p in hyphenation_points(token, lang) {
                widest = widest.max(face.width(&token[from..p], size) + if hyphen_after(token, p) { hyphen } else { 0.0 });
                from = p;
            }
            m.syllable = m.syllable.max(widest.max(face.width(&token[from..], size)));
        }
    }
    m
}

/// Shares out `available` points among columns that need `(min, max)` each, as a browser
/// lays out an automatic table: all want their one-line width and get the rest in that
/// proportion when it fits; otherwise each gets its minimum and the rest goes where wrapping
/// costs most (in proportion to `max - min`); when even the minimums do not fit, they are
/// scaled down together.
pub fn column_widths(need: &[(f32, f32)], available: f32) -> Vec<f32> {
    let min: f32 = need.iter().map(|n| n.0).sum();
    let max: f32 = need.iter().map(|n| n.1).sum();
    if need.is_empty() {
        return Vec::new();
    }
    if max <= available {
        let extra = available - max;
        return need.iter().map(|n| n.1 + if max > 0.0 { extra * n.1 / max } else { extra / need.len() as f32 }).collect();
    }
    if min <= available {
        let slack = max - min;
        return need.iter().map(|n| n.0 + (available - min) * (n.1 - n.0) / slack).collect();
    }
    need.iter().map(|n| n.0 * available / min).collect()
}

/// Wraps text already cleaned for the face: lines end between words; a word that does not
/// fit is hyphenated to fill the line when its patterns allow; dates, numbers, e-mails and
/// identifiers move whole to the next line, and are broken (after joining punctuation, else
/// between characters) only when wider than a whole line.
///
/// Each word's break points are found once, and a piece is measured only up to where it
/// overflows: a 12,000-letter token costs about a line's measuring per line.
pub fn wrap_clean(face: &Face, text: &str, width: f32, size: f32, lang: Lang) -> Vec<String> {
    let space = face.width(" ", size);
    let hyphen = face.width("-", size);
    let char_w = |c: char| face.width(c.encode_utf8(&mut [0; 4]), size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            // Found only for a word that does not fit, and then once.
            let is_word = kind(word) == Kind::Word;
            let soft_points = std::cell::OnceCell::new();
            let soft = || soft_points.get_or_init(|| hyphenation_points(word, lang));
            let hard_points = std::cell::OnceCell::new();
            let hard = || {
                hard_points.get_or_init(|| {
                    let mut all = soft().clone();
                    all.extend(emergency_points(word));
                    all.sort_unstable();
                    all.dedup();
                    all
                })
            };
            // The last point after `from` whose piece `word[from..p]`, with its hyphen,
            // fits `room`, among `points`.
            let fitting = |from: usize, room: f32, points: &[usize]| -> Option<(usize, bool)> {
                let mut prefix: Vec<(usize, f32)> = Vec::new();
                let mut w = 0.0;
                for (i, c) in word[from..].char_indices() {
                    w += char_w(c);
                    if w > room {
                        break;
                    }
                    prefix.push((from + i + c.len_utf8(), w));
                }
                let last = prefix.last().map_or(from, |p| p.0);
                points.iter().rev().filter(|&&p| p > from && p <= last).find_map(|&p| {
                    let hy = is_word && hyphen_after(word, p);
                    let pw = prefix.binary_search_by(|(end, _)| end.cmp(&p)).ok().map(|i| prefix[i].1)?;
                    (pw + if hy { hyphen } else { 0.0 } <= room).then_some((p, hy))
                })
            };
            let mut from = 0;
            while from < word.len() {
                let rest = &word[from..];
                let w = face.width(rest, size);
                let gap = if line.is_empty() { 0.0 } else { space };
                if line_w + gap + w <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(rest);
                    line_w += gap + w;
                    break;
                }
                // Fill the rest of this line with the start of a word, hyphenated.
                if let Some((p, hy)) = fitting(from, width - line_w - gap, soft()) {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(&word[from..p]);
                    if hy {
                        line.push('-');
                    }
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                    from = p;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                    continue;
                }
                // Alone on a line and still too wide: break where it least hurts.
                let p = match fitting(from, width, hard()) {
                    Some((p, hy)) => {
                        line.push_str(&word[from..p]);
                        if hy {
                            line.push('-');
                        }
                        p
                    }
                    None => {
                        // No break point fits: as many characters as fit, at least one.
                        let mut end = from;
                        let mut used = 0.0;
                        for (i, c) in rest.char_indices() {
                            let cw = char_w(c);
                            if end > from && used + cw > width {
                                break;
                            }
                            used += cw;
                            end = from + i + c.len_utf8();
                        }
                        line.push_str(&word[from..end]);
                        end
                    }
                };
                lines.push(std::mem::take(&mut line));
                from = p;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use printpdf::PdfDocument;

    fn fonts() -> Fonts {
        Fonts::load(&mut PdfDocument::new("test"))
    }

    #[test]
    fn a_long_word_is_hyphenated_to_fill_the_line_and_its_pieces_make_the_word() {
        let f = fonts();
        let text = "Биометрический документ потребителя";
        let width = f.regular.width("Биометрический докум", BODY);
        let lines = wrap_clean(&f.regular, text, width, BODY, Lang::Ru);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| f.regular.width(l, BODY) <= width + 0.01), "{lines:?}");
        assert!(lines[0].ends_with('-'), "the line is filled with a hyphenated piece: {lines:?}");
        let joined: String = lines.iter().map(|l| l.strip_suffix('-').map(str::to_string).unwrap_or(format!("{l} "))).collect();
        assert_eq!(joined.trim_end(), text);
    }

    #[test]
    fn dates_numbers_and_e_mails_move_whole_to_the_next_line() {
        let f = fonts();
        let text = "до 16.11.2026 на ivanova@school12.by, УНП 190000001";
        for chars in 8..text.chars().count() {
            let width = f.regular.width(&text.chars().take(chars).collect::<String>(), BODY).max(f.regular.width("ivanova@school12.by,", BODY));
            let lines = wrap_clean(&f.regular, text, width, BODY, Lang::Ru);
            let words: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
            for whole in ["16.11.2026", "ivanova@school12.by,", "190000001"] {
                assert!(words.contains(&whole), "{whole} broken at width {width}: {lines:?}");
            }
        }
    }

    #[test]
    fn only_what_is_wider_than_a_line_is_broken_and_then_after_punctuation() {
        let f = fonts();
        let url = "https://nces.by/services/hosting/application";
        let width = f.regular.width("https://nces.by/services/", BODY) + 1.0;
        let lines = wrap_clean(&f.regular, url, width, BODY, Lang::Ru);
        assert_eq!(lines.concat(), url, "no hyphen is added inside an address");
        assert!(lines.len() >= 2 && lines[..lines.len() - 1].iter().all(|l| l.ends_with('/')), "{lines:?}");
    }

    #[test]
    fn columns_get_their_content_width_and_the_rest_goes_where_text_wraps() {
        // A code that cannot wrap and a long name: the code gets its width, the name the rest.
        let w = column_widths(&[(30.0, 30.0), (60.0, 900.0)], 480.0);
        assert!((w[0] - 30.0).abs() < 0.01 && (w[1] - 450.0).abs() < 0.01, "{w:?}");
        // Two that wrap: each gets its minimum, the rest in proportion to what wrapping costs.
        let w = column_widths(&[(20.0, 120.0), (20.0, 320.0)], 240.0);
        assert!((w[0] - 70.0).abs() < 0.01 && (w[1] - 170.0).abs() < 0.01, "{w:?}");
        // Everything fits on one line: each gets its width and a share of the rest.
        let w = column_widths(&[(10.0, 50.0), (10.0, 150.0)], 400.0);
        assert!((w[0] - 100.0).abs() < 0.01 && (w[1] - 300.0).abs() < 0.01, "{w:?}");
        // Even the minimums do not fit: scaled together, the total is the width.
        let w = column_widths(&[(300.0, 300.0), (300.0, 300.0)], 400.0);
        assert!((w[0] - 200.0).abs() < 0.01 && (w[1] - 200.0).abs() < 0.01, "{w:?}");
    }

    #[test]
    fn a_table_starts_on_the_next_page_rather_than_leave_its_header_alone() {
        let f = fonts();
        let mut l = Layout::new(&f, Lang::Ru);
        // Room for a heading and a header row, not for a first row as well.
        l.set_y(BOTTOM + 60.0);
        let before = l.pages[0].len();
        let rows = vec![vec!["1".to_string(), "Первая строка таблицы".to_string()]; 3];
        l.table(Lead::Heading("График сроков"), &["№".to_string(), "Что".to_string()], &rows);
        assert_eq!(l.pages.len(), 2);
        assert_eq!(l.pages[0].len(), before, "nothing of the table is left on the first page");
        // With room for all of it, it stays.
        let mut l = Layout::new(&f, Lang::Ru);
        l.table(Lead::Heading("График сроков"), &["№".to_string(), "Что".to_string()], &rows);
        assert_eq!(l.pages.len(), 1);
    }
}
