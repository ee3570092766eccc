//! Well-known text (WKT) in, as the C++ driver reads it: upper-case keywords, blanks (space and
//! tab) between tokens, numbers in C notation, commas between points and rings optional, and
//! anything after the closing parenthesis ignored.

/// One token of WKT.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Token {
    Invalid,
    End,
    Point,
    LineString,
    Polygon,
    Empty,
    Open,
    Close,
    Comma,
    Number(f64),
}

/// Splits WKT into tokens.
pub(super) struct Lexer<'a> {
    text: &'a [u8],
    pos: usize,
}

const KEYWORDS: [(&[u8], Token); 4] = [
    (b"POINT", Token::Point),
    (b"LINESTRING", Token::LineString),
    (b"POLYGON", Token::Polygon),
    (b"EMPTY", Token::Empty),
];

impl<'a> Lexer<'a> {
    pub(super) fn new(text: &'a [u8]) -> Self {
        Lexer { text, pos: 0 }
    }

    fn peek(&self, at: usize) -> Option<u8> {
        self.text.get(at).copied()
    }

    fn digits_from(&self, mut at: usize) -> usize {
        while self.peek(at).is_some_and(|c| c.is_ascii_digit()) {
            at += 1;
        }
        at
    }

    /// The end of the longest number starting at `start`:
    /// `[+-]? digits* ('.' digits+ | digits+) ([eE] [+-]? digits+)?`, or None.
    fn number_end(&self, start: usize) -> Option<usize> {
        let mut at = start;
        if matches!(self.peek(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let int_end = self.digits_from(at);
        let mut end = if int_end > at { Some(int_end) } else { None };
        if self.peek(int_end) == Some(b'.') {
            let frac_end = self.digits_from(int_end + 1);
            if frac_end > int_end + 1 {
                end = Some(frac_end);
            }
        }
        let mantissa_end = end?;
        if matches!(self.peek(mantissa_end), Some(b'e' | b'E')) {
            let mut exp = mantissa_end + 1;
            if matches!(self.peek(exp), Some(b'+' | b'-')) {
                exp += 1;
            }
            let exp_end = self.digits_from(exp);
            if exp_end > exp {
                return Some(exp_end);
            }
        }
        Some(mantissa_end)
    }

    pub(super) fn next_token(&mut self) -> Token {
        while matches!(self.peek(self.pos), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        let Some(c) = self.peek(self.pos) else {
            return Token::End;
        };
        let single = match c {
            b'(' => Some(Token::Open),
            b')' => Some(Token::Close),
            b',' => Some(Token::Comma),
            _ => None,
        };
        if let Some(token) = single {
            self.pos += 1;
            return token;
        }
        let rest = &self.text[self.pos..];
        if let Some((word, token)) = KEYWORDS.iter().find(|(word, _)| rest.starts_with(word)) {
            self.pos += word.len();
            return *token;
        }
        if let Some(end) = self.number_end(self.pos) {
            // The matched text is ASCII and a valid Rust float literal.
            let text = std::str::from_utf8(&self.text[self.pos..end]).unwrap_or("");
            self.pos = end;
            return text.parse().map_or(Token::Invalid, Token::Number);
        }
        self.pos += 1;
        Token::Invalid
    }
}

/// Why WKT was refused (the C API answers `CASS_ERROR_LIB_BAD_PARAMS`).
#[derive(Debug, PartialEq)]
pub(super) struct BadWkt;

/// Reads `POINT (x y)`.
pub(super) fn point(text: &[u8]) -> Result<[f64; 2], BadWkt> {
    let mut lexer = Lexer::new(text);
    if lexer.next_token() != Token::Point || lexer.next_token() != Token::Open {
        return Err(BadWkt);
    }
    let (Token::Number(x), Token::Number(y)) = (lexer.next_token(), lexer.next_token()) else {
        return Err(BadWkt);
    };
    if lexer.next_token() != Token::Close {
        return Err(BadWkt);
    }
    Ok([x, y])
}

/// Reads the points of one parenthesised list after its `(`, up to and including its `)`.
fn points_until_close(lexer: &mut Lexer, points: &mut Vec<[f64; 2]>) -> Result<u32, BadWkt> {
    let mut count = 0u32;
    let mut token = lexer.next_token();
    loop {
        match token {
            Token::Close => return Ok(count),
            Token::Number(x) => {
                let Token::Number(y) = lexer.next_token() else {
                    return Err(BadWkt);
                };
                points.push([x, y]);
                count += 1;
                token = lexer.next_token();
                if token == Token::Comma {
                    token = lexer.next_token();
                    if !matches!(token, Token::Number(_)) {
                        return Err(BadWkt);
                    }
                }
            }
            _ => return Err(BadWkt),
        }
    }
}

/// Reads `LINESTRING (x y, ...)` or `LINESTRING EMPTY` into `points`.
pub(super) fn line_string(text: &[u8], points: &mut Vec<[f64; 2]>) -> Result<(), BadWkt> {
    let mut lexer = Lexer::new(text);
    if lexer.next_token() != Token::LineString {
        return Err(BadWkt);
    }
    match lexer.next_token() {
        Token::Empty => Ok(()),
        Token::Open => points_until_close(&mut lexer, points).map(|_| ()),
        _ => Err(BadWkt),
    }
}

/// Reads `POLYGON ((x y, ...), ...)` or `POLYGON EMPTY`: the points of every ring into `points`
/// and each ring's point count into `rings`.
pub(super) fn polygon(text: &[u8], points: &mut Vec<[f64; 2]>, rings: &mut Vec<u32>) -> Result<(), BadWkt> {
    let mut lexer = Lexer::new(text);
    if lexer.next_token() != Token::Polygon {
        return Err(BadWkt);
    }
    match lexer.next_token() {
        Token::Empty => return Ok(()),
        Token::Open => {}
        _ => return Err(BadWkt),
    }
    let mut token = lexer.next_token();
    loop {
        match token {
            Token::Close => return Ok(()),
            Token::Open => {
                rings.push(points_until_close(&mut lexer, points)?);
                token = lexer.next_token();
                if token == Token::Comma {
                    token = lexer.next_token();
                    if token != Token::Open {
                        return Err(BadWkt);
                    }
                }
            }
            _ => return Err(BadWkt),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token> {
        let mut lexer = Lexer::new(text.as_bytes());
        let mut out = Vec::new();
        loop {
            let token = lexer.next_token();
            out.push(token);
            if token == Token::End {
                return out;
            }
        }
    }

    #[test]
    fn numbers_take_the_longest_c_form() {
        use Token::*;
        assert_eq!(
            tokens("1 -2.5 +.5 3e2 4E-1 .5e+1"),
            [Number(1.0), Number(-2.5), Number(0.5), Number(300.0), Number(0.4), Number(5.0), End]
        );
        // "1." is the number 1 followed by an unknown character; "1e" is 1 then "e".
        assert_eq!(tokens("1."), [Number(1.0), Invalid, End]);
        assert_eq!(tokens("1e"), [Number(1.0), Invalid, End]);
        assert_eq!(tokens("1.5.5"), [Number(1.5), Number(0.5), End]);
        assert_eq!(tokens("+ -"), [Invalid, Invalid, End]);
    }

    #[test]
    fn keywords_are_upper_case_and_blanks_are_space_or_tab() {
        use Token::*;
        assert_eq!(tokens("\tPOINT(1 2)"), [Point, Open, Number(1.0), Number(2.0), Close, End]);
        assert_eq!(tokens("point"), [Invalid, Invalid, Invalid, Invalid, Invalid, End]);
        assert_eq!(tokens("POINTS"), [Point, Invalid, End]);
        assert_eq!(tokens("\n"), [Invalid, End]);
    }

    #[test]
    fn point_needs_exactly_two_numbers_in_parentheses() {
        assert_eq!(point(b"POINT (1 2)"), Ok([1.0, 2.0]));
        assert_eq!(point(b"POINT(-1.5 2e3) trailing text"), Ok([-1.5, 2000.0]));
        for bad in ["POINT (1)", "POINT (1 2 3)", "POINT 1 2", "POINT EMPTY", "LINESTRING (1 2)", "", "POINT (1, 2)"] {
            assert_eq!(point(bad.as_bytes()), Err(BadWkt), "{bad}");
        }
    }

    #[test]
    fn line_string_points_with_optional_commas() {
        let mut points = Vec::new();
        line_string(b"LINESTRING (0 0, 1 1 2 2)", &mut points).unwrap();
        assert_eq!(points, [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]);
        points.clear();
        line_string(b"LINESTRING EMPTY", &mut points).unwrap();
        line_string(b"LINESTRING ()", &mut points).unwrap();
        assert!(points.is_empty());
        for bad in
            ["LINESTRING (0 0,)", "LINESTRING (0 0", "LINESTRING (0)", "LINESTRING", "POINT (1 2)", "LINESTRING (,0 0)"]
        {
            assert_eq!(line_string(bad.as_bytes(), &mut Vec::new()), Err(BadWkt), "{bad}");
        }
    }

    #[test]
    fn polygon_rings_with_their_point_counts() {
        let (mut points, mut rings) = (Vec::new(), Vec::new());
        polygon(b"POLYGON ((0 0, 1 0, 1 1, 0 0), (5 5, 6 6, 5 5))", &mut points, &mut rings).unwrap();
        assert_eq!(rings, [4, 3]);
        assert_eq!(points.len(), 7);
        assert_eq!(points[4], [5.0, 5.0]);
        let (mut points, mut rings) = (Vec::new(), Vec::new());
        polygon(b"POLYGON EMPTY", &mut points, &mut rings).unwrap();
        polygon(b"POLYGON ()", &mut points, &mut rings).unwrap();
        assert!(rings.is_empty() && points.is_empty());
        for bad in ["POLYGON ((0 0, 1 1), )", "POLYGON (0 0, 1 1)", "POLYGON ((0 0)", "POLYGON", "POLYGON ((0 0) 1 1)"]
        {
            assert_eq!(polygon(bad.as_bytes(), &mut Vec::new(), &mut Vec::new()), Err(BadWkt), "{bad}");
        }
    }
}
