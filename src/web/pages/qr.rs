//! QR codes as inline SVG, for the projector's join address and the
//! invitation cards.

use maud::{html, Markup, PreEscaped};
use qrcode::render::svg;
use qrcode::QrCode;

/// A link as a QR code, in SVG. The SVG is produced by the qrcode crate from
/// an address we build ourselves (a validated host, then a join code or an
/// invitation token from our own alphabets); no participant text reaches it.
pub fn qr_code(url: &str, language: crate::language::Language) -> Markup {
    let Ok(code) = QrCode::new(url.as_bytes()) else {
        return html! {};
    };
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    // Drop the XML declaration so the SVG can sit inline in HTML.
    let svg = svg
        .split_once("?>")
        .map_or(svg.as_str(), |(_, rest)| rest)
        .trim()
        .to_string();
    html! {
        figure.qr role="img" aria-label=(crate::t!(language, "qr-code-for", url = url)) { (PreEscaped(svg)) }
    }
}
