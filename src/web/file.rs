//! Reading a file the user picked, refusing oversized files before reading them, and naming it (with its path in a
//! chosen folder).
use tics_domain::envelope::{ImportError, MAX_IMPORT_BYTES};
use wasm_bindgen_futures::JsFuture;

/// The file's size, or the refusal of a file over the import limit (checked before reading it).
pub fn size_allowed(file: &web_sys::File) -> Result<usize, ImportError> {
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: size });
    }
    Ok(size)
}

/// A file's name, or its path inside the folder the user chose (web-sys does not expose `webkitRelativePath`).
pub fn name(file: &web_sys::File) -> String {
    let path = js_sys::Reflect::get(file, &"webkitRelativePath".into()).ok().and_then(|p| p.as_string());
    path.filter(|p| !p.is_empty()).unwrap_or_else(|| file.name())
}

/// Reads the whole file. Files over the import limit are refused without being read.
pub async fn read(file: web_sys::File) -> Result<Vec<u8>, ImportError> {
    size_allowed(&file)?;
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ImportError::InvalidContent { detail: "the file could not be read".into() })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
