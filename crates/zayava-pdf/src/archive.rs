//! The archival dress of every document: PDF/A-2b (ISO 19005-2, level B), which the archives
//! of Belarusian organisations keep documents in. printpdf writes the pages and embeds the
//! fonts; this sets what PDF/A asks of the file around them, on printpdf's own lopdf
//! document before it is written:
//!
//! - an sRGB output intent, with an ICC profile built here (every colour on the page is RGB);
//! - XMP metadata with `pdfaid` part 2, conformance B, and the same title, author, dates and
//!   producer as the Info dictionary;
//! - the document's language (`/Lang`), its title shown by viewers;
//! - no PDF/X claim (printpdf writes an empty `/GTS_PDFXVersion`), no empty Info entries;
//! - a header of PDF 1.7, the version PDF/A-2 is built on.
//!
//! Not done: tagging. printpdf 0.12 writes no marked content and no structure tree, so the
//! documents are PDF/A-2b (appearance), not PDF/A-2a or PDF/UA; see the README.

use chrono::NaiveDateTime;
use lopdf::{Dictionary, Object, Stream, StringFormat};

/// What the file says about itself.
pub struct Meta<'a> {
    /// The document's title («График сроков — ГУ «Архив»»).
    pub title: &'a str,
    /// Who it is from: the organisation, or "" when none is chosen.
    pub author: &'a str,
    /// `ru`, `be` or `en`.
    pub lang: &'a str,
    /// When it was made, in Minsk time (UTC+3 all year: Belarus keeps no summer time since 2011).
    pub created: NaiveDateTime,
}

/// Producer and creator tool: «Zayava 0.1.1».
pub fn producer() -> String {
    format!("Zayava {}", env!("CARGO_PKG_VERSION"))
}

const MINSK_OFFSET: &str = "+03:00";

fn text(s: &str) -> Object {
    // UTF-16BE with a byte-order mark: PDF's text string for anything beyond Latin-1.
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn literal(s: &str) -> Object {
    Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
}

fn xml_escaped(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '&' => "&amp;".into(),
            '<' => "&lt;".into(),
            '>' => "&gt;".into(),
            '"' => "&quot;".into(),
            c => c.to_string(),
        })
        .collect()
}

/// The XMP packet: the Info dictionary's facts in RDF, and the PDF/A claim.
fn xmp(meta: &Meta) -> String {
    let date = format!("{}{MINSK_OFFSET}", meta.created.format("%Y-%m-%dT%H:%M:%S"));
    let (title, author, producer) = (xml_escaped(meta.title), xml_escaped(meta.author), producer());
    let creator = if author.is_empty() { String::new() } else { format!("<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>") };
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
<dc:format>application/pdf</dc:format>\n\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
{creator}\n\
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
<xmp:CreateDate>{date}</xmp:CreateDate>\n\
<xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
<xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
<xmp:CreatorTool>{producer}</xmp:CreatorTool>\n\
<pdf:Producer>{producer}</pdf:Producer>\n\
<pdfaid:part>2</pdfaid:part>\n\
<pdfaid:conformance>B</pdfaid:conformance>\n\
</rdf:Description>\n\
</rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>",
        lang = meta.lang,
    )
}

/// Dresses printpdf's document for the archive (see the module's note).
pub fn dress(doc: &mut lopdf::Document, meta: &Meta) {
    doc.version = "1.7".into();
    let date = literal(&format!("D:{}+03'00'", meta.created.format("%Y%m%d%H%M%S")));
    let mut info = Dictionary::new();
    info.set("Title", text(meta.title));
    if !meta.author.is_empty() {
        info.set("Author", text(meta.author));
    }
    info.set("Creator", text(&producer()));
    info.set("Producer", text(&producer()));
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    let info = doc.add_object(info);
    doc.trailer.set("Info", info);

    let mut metadata = Stream::new(Dictionary::from_iter([("Type", Object::Name(b"Metadata".to_vec())), ("Subtype", Object::Name(b"XML".to_vec()))]), xmp(meta).into_bytes());
    // Left uncompressed, so a tool that looks for XMP by scanning the bytes finds it.
    metadata.allows_compression = false;
    let metadata = doc.add_object(metadata);

    let profile = doc.add_object(Stream::new(Dictionary::from_iter([("N", Object::Integer(3))]), srgb_profile()));
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        ("OutputConditionIdentifier", literal("sRGB IEC61966-2.1")),
        ("Info", literal("sRGB IEC61966-2.1")),
        ("RegistryName", literal("http://www.color.org")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);

    let catalog = doc.catalog_mut().expect("printpdf writes a catalog");
    catalog.set("Metadata", metadata);
    catalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(intent)]));
    catalog.set("Lang", literal(meta.lang));
    catalog.set("ViewerPreferences", Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]));
}

/// An ICC v2 display profile for sRGB (IEC 61966-2.1): D50 white, the Bradford-adapted sRGB
/// primaries, and the sRGB tone curve sampled at 1024 points. Built here rather than copied
/// in, so no third-party profile's licence travels with every document.
pub fn srgb_profile() -> Vec<u8> {
    fn s15(v: f64) -> [u8; 4] {
        ((v * 65536.0).round() as i32).to_be_bytes()
    }
    let xyz = |x: f64, y: f64, z: f64| [b"XYZ \0\0\0\0".to_vec(), s15(x).to_vec(), s15(y).to_vec(), s15(z).to_vec()].concat();
    let mut curve = b"curv\0\0\0\0".to_vec();
    curve.extend(1024u32.to_be_bytes());
    for i in 0..1024 {
        let v = i as f64 / 1023.0;
        let linear = if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) };
        curve.extend(((linear * 65535.0).round() as u16).to_be_bytes());
    }
    let name = b"sRGB IEC61966-2.1";
    let mut desc = b"desc\0\0\0\0".to_vec();
    desc.extend((name.len() as u32 + 1).to_be_bytes());
    desc.extend(name);
    desc.push(0);
    desc.extend([0u8; 4 + 4 + 2 + 1 + 67]); // no Unicode or ScriptCode description
    let mut cprt = b"text\0\0\0\0".to_vec();
    cprt.extend(b"No copyright, use freely\0");
    let tags: [(&[u8; 4], Vec<u8>); 7] = [
        (b"desc", desc),
        (b"cprt", cprt),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve),
    ];
    // The three tone curves are one curve: gTRC and bTRC point at rTRC's data.
    let count = tags.len() + 2;
    let mut table = Vec::new();
    let mut data = Vec::new();
    let start = 128 + 4 + 12 * count;
    let mut trc = (0, 0);
    for (sig, body) in &tags {
        let offset = start + data.len();
        table.push((**sig, offset, body.len()));
        if sig == &b"rTRC" {
            trc = (offset, body.len());
        }
        data.extend(body);
        while data.len() % 4 != 0 {
            data.push(0);
        }
    }
    table.push((*b"gTRC", trc.0, trc.1));
    table.push((*b"bTRC", trc.0, trc.1));
    let size = start + data.len();
    let mut out = Vec::with_capacity(size);
    out.extend((size as u32).to_be_bytes());
    out.extend([0u8; 4]); // preferred CMM: none
    out.extend(0x0210_0000u32.to_be_bytes()); // version 2.1
    out.extend(b"mntrRGB XYZ ");
    for part in [2026u16, 1, 1, 0, 0, 0] {
        out.extend(part.to_be_bytes());
    }
    out.extend(b"acsp");
    out.extend([0u8; 4 + 4 + 4 + 4 + 8 + 4]); // platform, flags, manufacturer, model, attributes, perceptual intent
    out.extend(s15(0.9642));
    out.extend(s15(1.0));
    out.extend(s15(0.8249));
    out.resize(128, 0); // creator, profile id (v4 only) and the reserved bytes
    out.extend((count as u32).to_be_bytes());
    for (sig, offset, len) in table {
        out.extend(sig);
        out.extend((offset as u32).to_be_bytes());
        out.extend((len as u32).to_be_bytes());
    }
    out.extend(data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_as_long_as_it_says_and_its_tags_lie_inside_it() {
        let p = srgb_profile();
        assert_eq!(u32::from_be_bytes(p[0..4].try_into().unwrap()) as usize, p.len());
        assert_eq!(&p[36..40], b"acsp");
        let count = u32::from_be_bytes(p[128..132].try_into().unwrap()) as usize;
        assert_eq!(count, 9);
        for i in 0..count {
            let entry = &p[132 + 12 * i..144 + 12 * i];
            let (offset, len) = (u32::from_be_bytes(entry[4..8].try_into().unwrap()) as usize, u32::from_be_bytes(entry[8..12].try_into().unwrap()) as usize);
            assert!(offset % 4 == 0 && offset + len <= p.len(), "{:?}", std::str::from_utf8(&entry[..4]));
        }
    }

    #[test]
    fn xmp_escapes_what_xml_would_read_as_markup() {
        let meta = Meta { title: "«А» & <Б>", author: "ОАО \"В\"", lang: "ru", created: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 5, 0).unwrap() };
        let x = xmp(&meta);
        assert!(x.contains("«А» &amp; &lt;Б&gt;") && x.contains("ОАО &quot;В&quot;") && x.contains("2026-12-04T09:05:00+03:00"), "{x}");
    }
}
