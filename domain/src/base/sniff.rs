//! What a file's bytes look like before they are decoded: UTF-16, binary (a zip, a PDF, a picture) or Shift_JIS.
//! Both the result file's import and the table imports ask, so that a wrong file gets a clear message.

/// UTF-16 text: a byte-order mark, or — without one — NUL bytes on every other byte (the high bytes of ASCII
/// characters) in a head that decodes as text.
pub(crate) fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return false;
    }
    let zeros_at = |offset: usize| head.iter().skip(offset).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Mostly ASCII (JSON's punctuation and keys are), with the NULs on one side only. Japanese text has few NULs
    // on either side, so a bound rather than "none" on the other side.
    let little = odd * 2 >= pairs && even * 4 <= odd;
    let big = even * 2 >= pairs && odd * 4 <= even;
    if !little && !big {
        return false;
    }
    let units = head.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let decoded: Vec<_> = char::decode_utf16(units).collect();
    // The head may end in the middle of a surrogate pair.
    let whole = match decoded.last() {
        Some(Err(_)) => &decoded[..decoded.len() - 1],
        _ => &decoded[..],
    };
    whole.iter().all(|c| matches!(c, Ok(c) if !c.is_control() || matches!(c, '\t' | '\n' | '\r')))
}

/// NUL bytes or a known binary signature in the first few kilobytes.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0) || head.starts_with(b"PK\x03\x04") || head.starts_with(b"%PDF") || head.starts_with(b"\x89PNG")
}

/// Not UTF-8, but every non-ASCII byte pairs up as a Shift_JIS double-byte character.
pub(crate) fn looks_like_shift_jis(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 || (0xA1..=0xDF).contains(&b) {
            i += 1;
        } else if (0x81..=0x9F).contains(&b) || (0xE0..=0xFC).contains(&b) {
            match bytes.get(i + 1) {
                Some(&t) if (0x40..=0xFC).contains(&t) && t != 0x7F => {
                    pairs += 1;
                    i += 2;
                }
                _ => return false,
            }
        } else {
            return false;
        }
    }
    pairs > 0
}
