//! Downloads made in the browser: a Blob and a temporary link. Nothing is sent anywhere.
use tics_domain::Text;
use wasm_bindgen::JsCast;

/// Offers `bytes` to the user as a file called `name`.
pub fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), Text> {
    let failed = || Text::new("ファイルを作れませんでした。", "The file could not be created.");
    let window = web_sys::window().ok_or_else(failed)?;
    let document = window.document().ok_or_else(failed)?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| failed())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed())?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| failed())?.dyn_into().map_err(|_| failed())?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or_else(failed)?;
    body.append_child(&link).map_err(|_| failed())?;
    link.click();
    link.remove();
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Opens the browser's print dialog (from which the user can also save a PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
