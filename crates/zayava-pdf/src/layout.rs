//! A small layout engine over printpdf's drawing operations: A4 pages, wrapped text,
//! label/value blocks, tables that break across pages and repeat their header row,
//! checklists, and page numbers added once the page count is known.

use printpdf::{Color, Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Polygon, PolygonRing, Pt, Rgb, TextItem, WindingOrder};

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

fn black() -> Color {
    Color::Rgb(Rgb { r: 0.0, g: 0.0, b: 0.0, icc_profile: None })
}

fn grey(v: f32) -> Color {
    Color::Rgb(Rgb { r: v, g: v, b: v, icc_profile: None })
}

pub struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    /// The baseline position of the next line, from the page's bottom.
    y: f32,
    /// Characters the font could not show, replaced by □.
    pub replaced: Vec<char>,
}

impl<'f> Layout<'f> {
    pub fn new(fonts: &'f Fonts) -> Layout<'f> {
        Layout { fonts, pages: vec![Vec::new()], y: PAGE_H - TOP, replaced: Vec::new() }
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

    /// Cleans and wraps text to `width` points; long words are broken where they must be.
    pub fn wrap(&mut self, text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
        let face = self.face(bold);
        let (text, replaced) = clean(text, face);
        self.replaced.extend(replaced);
        let space = face.width(" ", size);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let w = face.width(word, size);
                if !line.is_empty() && line_w + space + w <= width {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                if w <= width {
                    line.push_str(word);
                    line_w = w;
                    continue;
                }
                // A word wider than the line: break it between characters.
                for c in word.chars() {
                    let cw = face.width(c.encode_utf8(&mut [0; 4]), size);
                    if line_w + cw > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            }
            lines.push(line);
        }
        lines
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

    pub fn heading(&mut self, text: &str) {
        self.ensure(40.0);
        self.space(8.0);
        self.paragraph(text, 12.0, true, 0.0);
        let y = self.y - 3.0;
        self.line(LEFT, y, PAGE_W - RIGHT, y, 0.6);
        self.space(7.0);
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

    fn table_row(&mut self, cells: &[Vec<String>], widths: &[f32], bold: bool, shade: bool) {
        let lh = 9.0 * LEADING;
        let height = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD;
        let top = self.y;
        if shade {
            self.rect(LEFT, top - height, self.width(), height, 0.9);
        }
        let mut x = LEFT;
        for (cell, w) in cells.iter().zip(widths) {
            for (i, line) in cell.iter().enumerate() {
                self.set_text(x + CELL_PAD, top - CELL_PAD - (i as f32 + 1.0) * lh + 9.0 * 0.3, line, 9.0, bold);
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

    /// A table over the page width, columns in proportion to `shares`; the header row is
    /// repeated on every page the table reaches; a row taller than a page is split.
    pub fn table(&mut self, headers: &[String], rows: &[Vec<String>], shares: &[f32]) {
        let total: f32 = shares.iter().sum();
        let widths: Vec<f32> = shares.iter().map(|s| self.width() * s / total).collect();
        let wrap_row = |me: &mut Self, row: &[String], bold: bool| -> Vec<Vec<String>> {
            row.iter().zip(&widths).map(|(c, w)| me.wrap(c, w - 2.0 * CELL_PAD, 9.0, bold)).collect()
        };
        let header = wrap_row(self, headers, true);
        let lh = 9.0 * LEADING;
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD;
        let draw_header = |me: &mut Self| {
            let top = me.y;
            me.line(LEFT, top, PAGE_W - RIGHT, top, 0.4);
            me.table_row(&header, &widths, true, true);
        };
        self.ensure(header_h + lh + 2.0 * CELL_PAD);
        draw_header(self);
        for row in rows {
            let mut cells = wrap_row(self, row, false);
            loop {
                let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
                let needed = lines as f32 * lh + 2.0 * CELL_PAD;
                let room = ((self.y - BOTTOM - 2.0 * CELL_PAD) / lh).floor().max(0.0) as usize;
                if needed <= self.y - BOTTOM {
                    self.table_row(&cells, &widths, false, false);
                    break;
                }
                if room >= 2 && needed > PAGE_H - TOP - BOTTOM - header_h {
                    // Taller than a whole page: set what fits, carry the rest over.
                    let head: Vec<Vec<String>> = cells.iter().map(|c| c.iter().take(room).cloned().collect()).collect();
                    cells = cells.iter().map(|c| c.iter().skip(room).cloned().collect()).collect();
                    self.table_row(&head, &widths, false, false);
                }
                self.new_page();
                draw_header(self);
            }
        }
        self.space(8.0);
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
