//! Tokens of OData expressions (`$filter`, `$orderby`), with their byte positions.
//!
//! Context decides what a character sequence is in OData (`2013-05-24` is a date, not
//! `2013 - 05 - 24`; `Ns.Color'Red'` is one enum literal), so the lexer recognises the literal
//! shapes of the ABNF (`primitiveLiteral`) before numbers and identifiers.

use super::error::{Located, Result};

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// An identifier or a dotted (qualified) name: `Name`, `eq`, `Sales.Pattern`, `geo.distance`.
    Ident(String),
    /// `$it`, `$root`, `$count`, ...: the name without `$`.
    Dollar(String),
    /// `@alias` or `@Ns.term`: the name without `@`.
    At(String),
    /// A string: `'O''Neil'` or the JSON form `"O'Neil"`, unescaped.
    Str(String),
    /// A number as written: `42`, `-2.5`, `1e10`, `INF`, `-INF`, `NaN` are identifiers but
    /// `-INF` is a number.
    Number(String),
    /// `2013-05-24`.
    Date(String),
    /// `2013-05-24T10:00:00Z`.
    DateTimeOffset(String),
    /// `10:00:00.5`.
    TimeOfDay(String),
    /// `01234567-89ab-cdef-0123-456789abcdef`.
    Guid(String),
    /// `name'text'`: `duration'P1D'`, `binary'AQ=='`, `Ns.Color'Red'`, `geography'...'`.
    Prefixed(String, String),
    /// `-` before an operand (negation).
    Minus,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Slash,
    Colon,
    Semicolon,
    Equals,
    Star,
}

/// A token and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub(crate) tok: Tok,
    pub(crate) pos: usize,
}

/// The tokens of `text`; positions are offsets in `text` plus `base`.
pub(crate) fn tokenize(text: &str, base: usize) -> Result<Vec<Token>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let at = base + start;
        if c == b' ' || c == b'\t' {
            i += 1;
            continue;
        }
        let tok = match c {
            b'\'' => {
                let (s, end) = quoted(text, i, at)?;
                i = end;
                Tok::Str(s)
            }
            b'"' => {
                let (s, end) = json_string(text, i, at)?;
                i = end;
                Tok::Str(s)
            }
            b'(' | b')' | b'[' | b']' | b',' | b'/' | b':' | b';' | b'=' | b'*' => {
                i += 1;
                match c {
                    b'(' => Tok::LParen,
                    b')' => Tok::RParen,
                    b'[' => Tok::LBracket,
                    b']' => Tok::RBracket,
                    b',' => Tok::Comma,
                    b'/' => Tok::Slash,
                    b':' => Tok::Colon,
                    b';' => Tok::Semicolon,
                    b'=' => Tok::Equals,
                    _ => Tok::Star,
                }
            }
            b'$' | b'@' => {
                let end = ident_end(text, i + 1, true);
                if end == i + 1 {
                    return Err(Located::new(at, format!("`{}` must be followed by a name", c as char)));
                }
                let name = text[i + 1..end].to_owned();
                i = end;
                if c == b'$' { Tok::Dollar(name) } else { Tok::At(name) }
            }
            b'-' | b'+' if text[i + 1..].starts_with("INF") => {
                i += 4;
                Tok::Number(if c == b'-' { "-INF".into() } else { "INF".into() })
            }
            b'-' | b'+' if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                let end = number_end(bytes, i + 1);
                let s = text[i..end].to_owned();
                i = end;
                Tok::Number(s)
            }
            b'-' => {
                i += 1;
                Tok::Minus
            }
            _ => {
                if let Some(end) = guid_end(bytes, i) {
                    let s = text[i..end].to_ascii_lowercase();
                    i = end;
                    Tok::Guid(s)
                } else if c.is_ascii_digit() {
                    let (tok, end) = digits_literal(text, i, at)?;
                    i = end;
                    tok
                } else if is_ident_start(text[i..].chars().next().unwrap_or(' ')) {
                    let end = ident_end(text, i, true);
                    let name = text[i..end].to_owned();
                    if bytes.get(end) == Some(&b'\'') {
                        let (s, after) = quoted(text, end, base + end)?;
                        i = after;
                        Tok::Prefixed(name, s)
                    } else {
                        i = end;
                        Tok::Ident(name)
                    }
                } else {
                    let ch = text[i..].chars().next().unwrap_or('?');
                    return Err(Located::new(at, format!("unexpected character `{ch}`")));
                }
            }
        };
        tokens.push(Token { tok, pos: at });
    }
    Ok(tokens)
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The end of an identifier, or of a dotted name when `dotted` (`Ns.Type`, `Ns.*` stops before
/// `.*`); a `#qualifier` of an annotation is kept.
fn ident_end(text: &str, start: usize, dotted: bool) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    let mut segment_start = true;
    while let Some((offset, c)) = chars.next() {
        let ok = if segment_start { is_ident_start(c) } else { is_ident_char(c) };
        if ok {
            segment_start = false;
            end = start + offset + c.len_utf8();
        } else if (c == '.' || c == '#') && dotted && !segment_start {
            match chars.peek() {
                Some((_, next)) if is_ident_start(*next) => segment_start = true,
                _ => break,
            }
        } else {
            break;
        }
    }
    end
}

/// `'...'` with `''` for a quote: the text and the end after the closing quote.
fn quoted(text: &str, open: usize, at: usize) -> Result<(String, usize)> {
    let mut out = String::new();
    let mut rest = text[open + 1..].char_indices();
    while let Some((offset, c)) = rest.next() {
        if c == '\'' {
            let after = open + 1 + offset + 1;
            if text[after..].starts_with('\'') {
                out.push('\'');
                rest.next();
            } else {
                return Ok((out, after));
            }
        } else {
            out.push(c);
        }
    }
    Err(Located::new(at, "a string without its closing quote `'`"))
}

/// `"..."` with JSON escapes: the text and the end after the closing quote.
fn json_string(text: &str, open: usize, at: usize) -> Result<(String, usize)> {
    let mut out = String::new();
    let mut rest = text[open + 1..].char_indices();
    while let Some((offset, c)) = rest.next() {
        match c {
            '"' => return Ok((out, open + 1 + offset + 1)),
            '\\' => match rest.next().map(|(_, e)| e) {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('/') => out.push('/'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('u') => {
                    let hex: String = (0..4).filter_map(|_| rest.next().map(|(_, h)| h)).collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(ch) if hex.len() == 4 => out.push(ch),
                        _ => return Err(Located::new(open + 1 + offset, "a bad `\\u` escape in a JSON string")),
                    }
                }
                _ => return Err(Located::new(open + 1 + offset, "a bad escape in a JSON string")),
            },
            _ => out.push(c),
        }
    }
    Err(Located::new(at, "a string without its closing quote `\"`"))
}

fn digits(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

fn hex_run(bytes: &[u8], i: usize, n: usize) -> bool {
    bytes.len() >= i + n && bytes[i..i + n].iter().all(u8::is_ascii_hexdigit)
}

/// `8-4-4-4-12` hexadecimal digits, not followed by a name character.
fn guid_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut at = i;
    for (n, dash) in [(8, true), (4, true), (4, true), (4, true), (12, false)] {
        if !hex_run(bytes, at, n) {
            return None;
        }
        at += n;
        if dash {
            if bytes.get(at) != Some(&b'-') {
                return None;
            }
            at += 1;
        }
    }
    match bytes.get(at) {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => None,
        _ => Some(at),
    }
}

/// `digits [. digits] [e [+-] digits]`, from the first digit.
fn number_end(bytes: &[u8], i: usize) -> usize {
    let mut end = digits(bytes, i);
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits(bytes, end + 1);
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let mut exp = end + 1;
        if matches!(bytes.get(exp), Some(b'+' | b'-')) {
            exp += 1;
        }
        if bytes.get(exp).is_some_and(u8::is_ascii_digit) {
            end = digits(bytes, exp);
        }
    }
    end
}

/// A date, a date-time with offset, a time of day or a number, starting at a digit.
fn digits_literal(text: &str, i: usize, at: usize) -> Result<(Tok, usize)> {
    let bytes = text.as_bytes();
    let run = digits(bytes, i);
    // A date: 4 digits, `-`, 2 digits, `-`, 2 digits.
    if run - i == 4 && bytes.get(run) == Some(&b'-') && two_digits(bytes, run + 1) && bytes.get(run + 3) == Some(&b'-')
    {
        if !two_digits(bytes, run + 4) {
            return Err(Located::new(at, "a date needs the form YYYY-MM-DD"));
        }
        let date_end = run + 6;
        if bytes.get(date_end) != Some(&b'T') {
            return Ok((Tok::Date(text[i..date_end].to_owned()), date_end));
        }
        let Some(time_end) = time_end(bytes, date_end + 1) else {
            return Err(Located::new(at, "a date-time needs the form YYYY-MM-DDThh:mm[:ss[.fffffff]] and an offset"));
        };
        let end = match bytes.get(time_end) {
            Some(b'Z' | b'z') => time_end + 1,
            Some(b'+' | b'-')
                if two_digits(bytes, time_end + 1)
                    && bytes.get(time_end + 3) == Some(&b':')
                    && two_digits(bytes, time_end + 4) =>
            {
                time_end + 6
            }
            _ => return Err(Located::new(base_at(at, i, time_end), "a date-time needs an offset: `Z` or `+hh:mm`")),
        };
        return Ok((Tok::DateTimeOffset(text[i..end].to_owned()), end));
    }
    if run - i == 2
        && bytes.get(run) == Some(&b':')
        && let Some(end) = time_end(bytes, i)
    {
        return Ok((Tok::TimeOfDay(text[i..end].to_owned()), end));
    }
    let end = number_end(bytes, i);
    Ok((Tok::Number(text[i..end].to_owned()), end))
}

fn base_at(at: usize, start: usize, here: usize) -> usize {
    at + (here - start)
}

fn two_digits(bytes: &[u8], i: usize) -> bool {
    bytes.len() >= i + 2 && bytes[i..i + 2].iter().all(u8::is_ascii_digit)
}

/// `hh:mm[:ss[.fraction]]` from `i`: its end.
fn time_end(bytes: &[u8], i: usize) -> Option<usize> {
    if !(two_digits(bytes, i) && bytes.get(i + 2) == Some(&b':') && two_digits(bytes, i + 3)) {
        return None;
    }
    let mut end = i + 5;
    if bytes.get(end) == Some(&b':') && two_digits(bytes, end + 1) {
        end += 3;
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits(bytes, end + 1);
        }
    }
    Some(end)
}
