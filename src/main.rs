//! Entry point of the full page: mount the self-check into `#tics-self-check`.
fn main() {
    tics_self_check::start();
}
