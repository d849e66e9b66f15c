//! The readable tables the terminal prints: columns padded to their widest cell (counted in
//! characters, not bytes: Cyrillic is two bytes a letter), the last column left as it is.

pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: AsRef<str>>(headers: &[S]) -> Table {
        Table { headers: headers.iter().map(|h| h.as_ref().to_string()).collect(), rows: vec![] }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.headers.len());
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn render(&self) -> String {
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| std::iter::once(&self.headers[i]).chain(self.rows.iter().map(|r| &r[i])).map(|c| c.chars().count()).max().unwrap_or(0))
            .collect();
        let line = |cells: &[String]| {
            let last = cells.len() - 1;
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                out.push_str(cell);
                if i < last {
                    out.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
                }
            }
            out.trim_end().to_string() + "\n"
        };
        let mut out = line(&self.headers);
        for r in &self.rows {
            out.push_str(&line(r));
        }
        out
    }
}

/// A sentence of the catalogue in `lang` (see `zayava_core::i18n`).
pub fn say(lang: zayava_core::i18n::Lang, id: &'static str) -> &'static str {
    zayava_core::i18n::Text::id(id).get(lang)
}

/// A sentence of the catalogue with its placeholders filled.
pub fn say_with(lang: zayava_core::i18n::Lang, id: &'static str, args: &[(&str, &str)]) -> String {
    zayava_core::i18n::Text::id(id).fill(lang, args)
}

/// Column headings from the catalogue.
pub fn headings(lang: zayava_core::i18n::Lang, ids: &[&'static str]) -> Vec<&'static str> {
    ids.iter().map(|id| say(lang, id)).collect()
}

/// Pads to a width in characters.
pub fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// Prints a value as JSON, pretty, for scripts.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), crate::Failure> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_characters_not_bytes() {
        let mut t = Table::new(&["Номер", "Стадия", "Организация"]);
        t.row(vec!["З-0001".into(), "черновик".into(), "ГУ «Архив»".into()]);
        t.row(vec!["З-0012".into(), "ждёт подписи".into(), "ООО Ромашка".into()]);
        let text = t.render();
        let starts: Vec<usize> = text.lines().map(|l| l.chars().position(|c| c == 'Г' || c == 'О').unwrap()).collect();
        assert!(starts.windows(2).all(|w| w[0] == w[1]), "{text}");
    }
}

/// Reports an Excel file written: where, and how many rows.
pub fn wrote_xlsx(lang: zayava_core::i18n::Lang, done: &zayava_app::spreadsheet::XlsxExport) -> Result<(), crate::Failure> {
    eprintln!("{}", say_with(lang, "cli-xlsx-written", &[("path", &done.path), ("n", &done.rows.to_string())]));
    Ok(())
}
