//! The audit pack's .zip as an archive program reads it: every file with its name (Japanese names flagged as
//! UTF-8), its bytes and its checksum, in the order given; the same files give the same bytes; names that could
//! write outside the folder it is unpacked into, or twice to one file, are refused.
use std::io::{Cursor, Read};

#[test]
fn the_pack_reads_back_file_by_file_and_is_the_same_every_time() {
    let files: Vec<(String, Vec<u8>)> = vec![
        ("収録ファイル一覧.csv".into(), "\u{feff}ファイル名\r\n".as_bytes().to_vec()),
        ("セルフチェック結果_本社_2026-11-23.json".into(), b"{\"format\":\"x\"}".to_vec()),
        ("Visitor_log_2026-11-23.xlsx".into(), (0..=255u8).cycle().take(70_000).collect()),
        ("empty.docx".into(), Vec::new()),
    ];
    let bytes = tics_docx::zip(&files).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(archive.len(), files.len());
    for (n, (name, data)) in files.iter().enumerate() {
        let mut file = archive.by_index(n).unwrap();
        assert_eq!(file.name().unwrap(), name.as_str());
        let mut read = Vec::new();
        // Reading to the end checks the CRC-32.
        file.read_to_end(&mut read).unwrap();
        assert_eq!(&read, data, "{name}");
    }
    assert_eq!(tics_docx::zip(&files).unwrap(), bytes, "deterministic: no clock in the archive");
}

#[test]
fn unsafe_or_repeated_names_are_refused_with_a_message_in_both_languages() {
    for name in ["", "/etc/passwd", "../up.csv", "a/../../b", "a\\b.csv", "a//b", "./a", "tab\there"] {
        let refused = tics_docx::zip(&[(name.to_string(), Vec::new())]).expect_err(name);
        assert!(refused.ja.contains("使えません") && refused.en.contains("cannot be"), "{name}: {refused:?}");
    }
    let twice = vec![("a.csv".to_string(), Vec::new()), ("a.csv".to_string(), b"x".to_vec())];
    let refused = tics_docx::zip(&twice).unwrap_err();
    assert!(refused.en.contains("two files"), "{refused:?}");
    assert!(tics_docx::zip(&[("フォルダ/ファイル.csv".to_string(), Vec::new())]).is_ok());
}
