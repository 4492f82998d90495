//! Reading a file the user picked, refusing oversized files before reading them.
use tics_domain::envelope::{ImportError, MAX_IMPORT_BYTES};
use wasm_bindgen_futures::JsFuture;

/// Reads the whole file. Files over the import limit are refused without being read.
pub async fn read(file: web_sys::File) -> Result<Vec<u8>, ImportError> {
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: size });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ImportError::InvalidContent { detail: "the file could not be read".into() })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
