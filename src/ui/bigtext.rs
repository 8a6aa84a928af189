//! Big digits for the projector: "MM:SS", "+MM:SS", "H:MM:SS" drawn with block characters.
//!
//! Each glyph is a 3x5 pixel pattern (the colon 1x5). A pixel becomes a block of `sx` columns by
//! `sy` rows, the largest that fits the area; the smallest size packs two pixel rows into one
//! cell row with half blocks. When even that does not fit, the text is drawn as it is.
//! Our own glyphs rather than a font crate: we need only digits, `:`, `+` and `-`, and full
//! control of how they scale to the area.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Pixel rows of every glyph.
pub const GLYPH_ROWS: u16 = 5;

/// How big text is drawn in an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Each pixel is `sx` columns by `sy` rows of full blocks.
    Blocks { sx: u16, sy: u16 },
    /// Each pixel is `sx` columns by half a row (upper / lower half blocks): 3 rows high.
    Half { sx: u16 },
    /// Too small for glyphs: the text itself, on one row.
    Plain,
}

impl Size {
    /// Cells taken by `text` at this size: (columns, rows).
    pub fn extent(self, text: &str) -> (u16, u16) {
        let units = units_wide(text);
        match self {
            Size::Blocks { sx, sy } => (units.saturating_mul(sx), GLYPH_ROWS.saturating_mul(sy)),
            Size::Half { sx } => (units.saturating_mul(sx), GLYPH_ROWS.div_ceil(2)),
            Size::Plain => (crate::textutil::width(text) as u16, 1),
        }
    }
}

/// The biggest size at which `text` fits in `width` x `height` cells.
///
/// A terminal cell is about twice as tall as it is wide, so a square pixel is two columns by one
/// row. Pixels may be narrower than square (down to one column per row) when the width is what
/// limits, so digits grow taller on a tall screen; they are never wider than square.
pub fn fit(text: &str, width: u16, height: u16) -> Size {
    let units = units_wide(text).max(1);
    let max_sx = width / units;
    let max_sy = height / GLYPH_ROWS;
    if max_sx >= 1 && max_sy >= 1 {
        // The tallest pixel whose width (at least sy columns) still fits.
        let sy = max_sy.min(max_sx);
        let sx = max_sx.min(sy.saturating_mul(2));
        return Size::Blocks { sx, sy };
    }
    if max_sx >= 1 && height >= GLYPH_ROWS.div_ceil(2) {
        return Size::Half { sx: max_sx.min(2) };
    }
    Size::Plain
}

/// Width of `text` in pixels, with one blank pixel column between glyphs.
pub fn units_wide(text: &str) -> u16 {
    let glyphs: Vec<&[&str; 5]> = text.chars().map(glyph).collect();
    let inner: usize = glyphs.iter().map(|g| g[0].len()).sum();
    (inner + glyphs.len().saturating_sub(1)) as u16
}

/// 3x5 patterns; `#` is a lit pixel. Unknown characters are blank.
fn glyph(c: char) -> &'static [&'static str; 5] {
    match c {
        '0' => &["###", "#.#", "#.#", "#.#", "###"],
        '1' => &[".#.", "##.", ".#.", ".#.", "###"],
        '2' => &["###", "..#", "###", "#..", "###"],
        '3' => &["###", "..#", ".##", "..#", "###"],
        '4' => &["#.#", "#.#", "###", "..#", "..#"],
        '5' => &["###", "#..", "###", "..#", "###"],
        '6' => &["###", "#..", "###", "#.#", "###"],
        '7' => &["###", "..#", "..#", "..#", "..#"],
        '8' => &["###", "#.#", "###", "#.#", "###"],
        '9' => &["###", "#.#", "###", "..#", "###"],
        ':' => &[".", "#", ".", "#", "."],
        '+' => &["...", ".#.", "###", ".#.", "..."],
        '-' => &["...", "...", "###", "...", "..."],
        _ => &["...", "...", "...", "...", "..."],
    }
}

/// Lit pixels of `text` as rows of booleans, glyphs separated by one blank column.
fn pixels(text: &str) -> Vec<Vec<bool>> {
    let mut rows = vec![Vec::new(); GLYPH_ROWS as usize];
    for (i, c) in text.chars().enumerate() {
        let g = glyph(c);
        for (row, pattern) in rows.iter_mut().zip(g.iter()) {
            if i > 0 {
                row.push(false);
            }
            row.extend(pattern.bytes().map(|b| b == b'#'));
        }
    }
    rows
}

/// Big text centred in its area, at the biggest size that fits.
#[derive(Debug, Clone)]
pub struct BigText<'a> {
    pub text: &'a str,
    pub style: Style,
}

impl<'a> BigText<'a> {
    pub fn new(text: &'a str, style: Style) -> Self {
        BigText { text, style }
    }
}

impl Widget for &BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let size = fit(self.text, area.width, area.height);
        let (w, h) = size.extent(self.text);
        let x = area.x + area.width.saturating_sub(w) / 2;
        let y = area.y + area.height.saturating_sub(h) / 2;
        let target = Rect::new(x, y, w.min(area.width), h.min(area.height));
        match size {
            Size::Plain => {
                let text = crate::textutil::truncate(self.text, area.width as usize);
                buf.set_stringn(target.x, target.y, text, area.width as usize, self.style);
            }
            Size::Blocks { sx, sy } => draw_blocks(self.text, sx, sy, target, buf, self.style),
            Size::Half { sx } => draw_half(self.text, sx, target, buf, self.style),
        }
    }
}

fn put(buf: &mut Buffer, x: u16, y: u16, symbol: &str, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol(symbol).set_style(style);
    }
}

fn draw_blocks(text: &str, sx: u16, sy: u16, area: Rect, buf: &mut Buffer, style: Style) {
    for (py, row) in pixels(text).iter().enumerate() {
        for (px, lit) in row.iter().enumerate() {
            if !lit {
                continue;
            }
            for dy in 0..sy {
                for dx in 0..sx {
                    let x = area.x + px as u16 * sx + dx;
                    let y = area.y + py as u16 * sy + dy;
                    if x < area.right() && y < area.bottom() {
                        put(buf, x, y, "█", style);
                    }
                }
            }
        }
    }
}

fn draw_half(text: &str, sx: u16, area: Rect, buf: &mut Buffer, style: Style) {
    let rows = pixels(text);
    let none = vec![false; rows[0].len()];
    for (cy, pair) in rows.chunks(2).enumerate() {
        let upper = &pair[0];
        let lower = pair.get(1).unwrap_or(&none);
        for (px, (&u, &l)) in upper.iter().zip(lower.iter()).enumerate() {
            let symbol = match (u, l) {
                (true, true) => "█",
                (true, false) => "▀",
                (false, true) => "▄",
                (false, false) => continue,
            };
            for dx in 0..sx {
                let x = area.x + px as u16 * sx + dx;
                let y = area.y + cy as u16;
                if x < area.right() && y < area.bottom() {
                    put(buf, x, y, symbol, style);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_in_pixels() {
        assert_eq!(units_wide("00:00"), 17);
        assert_eq!(units_wide("+00:00"), 21);
        assert_eq!(units_wide("1:00:00"), 23);
        assert_eq!(units_wide(""), 0);
    }

    #[test]
    fn fills_most_of_a_big_screen() {
        // 200x60 with about ten rows kept for the item, the bar and the schedule.
        let size = fit("12:34", 196, 48);
        let (w, h) = size.extent("12:34");
        assert_eq!(size, Size::Blocks { sx: 11, sy: 9 });
        assert!(w >= 180 && h >= 45, "{w}x{h}");
    }

    #[test]
    fn legible_at_80x24() {
        let size = fit("+12:34", 78, 16);
        assert_eq!(size, Size::Blocks { sx: 3, sy: 3 });
        assert_eq!(size.extent("+12:34"), (63, 15));
    }

    #[test]
    fn never_wider_than_square_pixels() {
        assert_eq!(fit("12:34", 200, 5), Size::Blocks { sx: 2, sy: 1 });
        assert_eq!(fit("12:34", 200, 10), Size::Blocks { sx: 4, sy: 2 });
    }

    #[test]
    fn half_blocks_then_plain_when_small() {
        assert_eq!(fit("12:34", 40, 4), Size::Half { sx: 2 });
        assert_eq!(fit("12:34", 17, 3), Size::Half { sx: 1 });
        assert_eq!(fit("12:34", 16, 20), Size::Plain);
        assert_eq!(fit("12:34", 80, 2), Size::Plain);
        assert_eq!(Size::Plain.extent("12:34"), (5, 1));
    }

    #[test]
    fn sizes_grow_with_the_area() {
        let mut last = 0;
        for (w, h) in [(10, 3), (20, 5), (40, 12), (80, 24), (120, 40), (200, 60)] {
            let (ew, eh) = fit("12:34", w, h).extent("12:34");
            assert!(ew <= w && eh <= h, "{w}x{h}: {ew}x{eh}");
            let area = u32::from(ew) * u32::from(eh);
            assert!(area >= last, "{w}x{h}");
            last = area;
        }
    }

    fn render(text: &str, w: u16, h: u16) -> Vec<String> {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        (&BigText::new(text, Style::new())).render(area, &mut buf);
        (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect()
    }

    #[test]
    fn draws_glyphs_at_one_cell_per_pixel() {
        assert_eq!(
            render("1:0", 9, 5),
            [
                " █    ███",
                "██  █ █ █",
                " █    █ █",
                " █  █ █ █",
                "███   ███",
            ]
        );
    }

    #[test]
    fn half_blocks_pack_two_pixel_rows() {
        assert_eq!(render("7", 3, 3), ["▀▀█", "  █", "  ▀"]);
    }

    #[test]
    fn any_area_is_safe() {
        for w in 0..30 {
            for h in 0..8 {
                render("+1:23:45", w, h);
            }
        }
    }
}
