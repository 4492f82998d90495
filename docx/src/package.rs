//! The .docx package: docx-rs's XML parts stored in a ZIP archive; and the same archive writer for the audit
//! pack (`crate::zip`).
//!
//! Why not docx-rs's own `pack`: it goes through the `zip` crate, whose writer chooses the compression method at
//! run time and so links two deflate encoders (zopfli and zlib-rs) although docx-rs stores every part
//! uncompressed. This writer stores the parts the same way in about a hundred lines, which keeps the Word worker
//! a good deal smaller. The tests read its archives back with the `zip` crate.
use docx_rs::XMLDocx;
use tics_domain::Text;

/// The archive's timestamp: the earliest MS-DOS date (1980-01-01 00:00), so that the same document always gives
/// the same bytes.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// ZIP 2.0: what a stored entry needs.
const VERSION: u16 = 20;
/// General purpose flag bit 11: the entry's name is UTF-8. Set only on names beyond ASCII (an audit pack's
/// Japanese file names), so that Windows and macOS show them as written, and a .docx stays byte for byte as before.
const UTF8_NAME: u16 = 1 << 11;

/// The parts of `xml` as the bytes of a .docx file, in the order docx-rs's own packer writes them.
pub fn package(xml: XMLDocx) -> Result<Vec<u8>, Text> {
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), xml.doc_props.core),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        ("word/document.xml".into(), xml.document),
        ("word/styles.xml".into(), xml.styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    let mut header_rels = xml.header_rels.into_iter();
    for (i, header) in xml.headers.into_iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), header));
        if let Some(rels) = header_rels.next() {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels));
        }
    }
    let mut footer_rels = xml.footer_rels.into_iter();
    for (i, footer) in xml.footers.into_iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), footer));
        if let Some(rels) = footer_rels.next() {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels));
        }
    }
    // The documents hold no pictures, task panes or custom XML; a part this writer does not know must not be
    // dropped silently.
    if !xml.media.is_empty() || xml.taskpanes.is_some() || !xml.custom_items.is_empty() {
        return Err(Text::new(
            "Word ファイルに想定外の部品があります",
            "the Word file has parts this writer does not store",
        ));
    }
    zip_stored(&parts, || Text::new("Word ファイルが大きすぎます", "the Word file is too large"))
}

/// A ZIP archive holding `files` uncompressed, dated 1980-01-01 00:00 so that the same files give the same bytes;
/// `too_big` says so when it would pass the 4 GB of a ZIP without its 64-bit extension.
pub fn zip_stored(files: &[(String, Vec<u8>)], too_big: fn() -> Text) -> Result<Vec<u8>, Text> {
    let mut out = Vec::with_capacity(files.iter().map(|(n, d)| n.len() + d.len() + 80).sum());
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
        let size = u32::try_from(data.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        let crc = crc32fast::hash(data);
        let flags = if name.is_ascii() { 0 } else { UTF8_NAME };

        put32(&mut out, 0x0403_4b50);
        for v in [VERSION, flags, 0, DOS_TIME, DOS_DATE] {
            put16(&mut out, v);
        }
        for v in [crc, size, size] {
            put32(&mut out, v);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, 0x0201_4b50);
        for v in [VERSION, VERSION, flags, 0, DOS_TIME, DOS_DATE] {
            put16(&mut central, v);
        }
        for v in [crc, size, size] {
            put32(&mut central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            put16(&mut central, v);
        }
        put32(&mut central, 0);
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).map_err(|_| too_big())?;
    let central_size = u32::try_from(central.len()).map_err(|_| too_big())?;
    let count = u16::try_from(files.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    for v in [0, 0, count, count] {
        put16(&mut out, v);
    }
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    Ok(out)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::zip_stored;
    use std::io::{Cursor, Read};
    use tics_domain::Text;

    #[test]
    fn a_stored_archive_reads_back_with_names_contents_and_checksums() {
        let files = vec![
            ("a.xml".to_string(), b"<a/>".to_vec()),
            ("dir/b.bin".to_string(), (0..=255u8).collect()),
            ("empty".to_string(), Vec::new()),
        ];
        let bytes = zip_stored(&files, || Text::new("", "")).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
        assert_eq!(archive.len(), 3);
        for (name, data) in &files {
            let mut file = archive.by_name(name).unwrap();
            let mut read = Vec::new();
            // Reading to the end checks the CRC-32.
            file.read_to_end(&mut read).unwrap();
            assert_eq!(&read, data);
        }
        assert_eq!(zip_stored(&files, || Text::new("", "")).unwrap(), bytes, "the same files give the same bytes");
        // ASCII names carry no UTF-8 flag (a .docx stays as it was); others do, and read back as written.
        assert_eq!(&bytes[6..8], &[0, 0]);
        let named = zip_stored(&[("目録/証跡一覧.csv".to_string(), b"x".to_vec())], || Text::new("", "")).unwrap();
        assert_eq!(&named[6..8], &(1u16 << 11).to_le_bytes());
        let mut archive = zip::ZipArchive::new(Cursor::new(named)).unwrap();
        assert_eq!(archive.by_index(0).unwrap().name().unwrap(), "目録/証跡一覧.csv");
    }
}
