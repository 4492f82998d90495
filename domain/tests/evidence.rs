//! File fingerprints as an independent tool computes them: the evidence index's SHA-256, taken in pieces as the
//! browser's worker reads a large file, equals `sha256sum`'s for the same bytes.
use std::process::Command;

use tics_domain::evidence::Fingerprinter;

#[test]
fn a_fingerprint_taken_in_pieces_equals_sha256sum() {
    // A few MB of varied bytes, read in the worker's piece size and in an odd one.
    let data: Vec<u8> = (0..3_000_001u64).map(|n| (n.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let path = std::env::temp_dir().join(format!("tics-fingerprint-{}.bin", std::process::id()));
    std::fs::write(&path, &data).unwrap();
    let out = Command::new("sha256sum").arg(&path).output().expect("sha256sum runs");
    std::fs::remove_file(&path).ok();
    let expected = String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_owned();
    for piece in [1 << 20, 65_537] {
        let mut fp = Fingerprinter::default();
        for chunk in data.chunks(piece) {
            fp.update(chunk);
        }
        assert_eq!(fp.bytes(), data.len() as u64);
        assert_eq!(fp.finish(), expected, "pieces of {piece} bytes");
    }
}
