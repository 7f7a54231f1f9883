//! `$search`: terms and phrases joined by `AND` (or just spaces), `OR` and `NOT`, with
//! parentheses (OData URL Conventions 5.1.7). How a term matches is the storage's business.

use super::error::{Located, Result};

/// A parsed `$search` expression.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Search {
    /// A word or a `"quoted phrase"` (without its quotes).
    Term(String),
    /// All of these.
    And(Vec<Search>),
    /// Any of these.
    Or(Vec<Search>),
    /// Not this.
    Not(Box<Search>),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Phrase(String),
    Open,
    Close,
}

/// Parses a `$search` value.
pub(crate) fn parse(text: &str, max_depth: usize) -> Result<Search> {
    let tokens = tokenize(text)?;
    let mut parser = SearchParser { tokens, next: 0, depth: 0, max_depth, end: text.len() };
    let search = parser.or()?;
    match parser.tokens.get(parser.next) {
        None => Ok(search),
        Some((_, pos)) => Err(Located::new(*pos, "unexpected `)` in $search")),
    }
}

fn tokenize(text: &str) -> Result<Vec<(Tok, usize)>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((pos, c)) = chars.next() {
        match c {
            ' ' | '\t' => {}
            '(' => tokens.push((Tok::Open, pos)),
            ')' => tokens.push((Tok::Close, pos)),
            '"' => {
                let mut phrase = String::new();
                let mut closed = false;
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => match chars.next() {
                            Some((_, e @ ('"' | '\\'))) => phrase.push(e),
                            _ => return Err(Located::new(pos, "a `\\` in a $search phrase escapes `\"` or `\\` only")),
                        },
                        '"' => {
                            closed = true;
                            break;
                        }
                        _ => phrase.push(c),
                    }
                }
                if !closed {
                    return Err(Located::new(pos, "a $search phrase without its closing `\"`"));
                }
                if let Some((next, c)) = chars.peek()
                    && !matches!(c, ' ' | '\t' | ')')
                {
                    return Err(Located::new(*next, "a $search phrase must be followed by a space or `)`"));
                }
                if phrase.is_empty() {
                    return Err(Located::new(pos, "an empty $search phrase"));
                }
                tokens.push((Tok::Phrase(phrase), pos));
            }
            _ => {
                let mut word = String::from(c);
                while let Some((_, c)) = chars.peek() {
                    if matches!(c, ' ' | '\t' | '(' | ')') {
                        break;
                    }
                    if *c == '"' {
                        return Err(Located::new(pos, "a `\"` inside a $search word"));
                    }
                    word.push(*c);
                    chars.next();
                }
                tokens.push((Tok::Word(word), pos));
            }
        }
    }
    Ok(tokens)
}

struct SearchParser {
    tokens: Vec<(Tok, usize)>,
    next: usize,
    depth: usize,
    max_depth: usize,
    end: usize,
}

impl SearchParser {
    fn keyword(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.next), Some((Tok::Word(w), _)) if w == word)
    }

    fn or(&mut self) -> Result<Search> {
        self.depth += 1;
        if self.depth > self.max_depth {
            let pos = self.tokens.get(self.next).map_or(self.end, |t| t.1);
            return Err(Located::new(pos, format!("$search nests deeper than the limit of {} levels", self.max_depth)));
        }
        let mut any = vec![self.and()?];
        while self.keyword("OR") {
            self.next += 1;
            any.push(self.and()?);
        }
        self.depth -= 1;
        Ok(if any.len() == 1 { any.remove(0) } else { Search::Or(any) })
    }

    fn and(&mut self) -> Result<Search> {
        let mut all = vec![self.unary()?];
        loop {
            if self.keyword("AND") {
                self.next += 1;
            } else if self.keyword("OR") || matches!(self.tokens.get(self.next), None | Some((Tok::Close, _))) {
                break;
            }
            all.push(self.unary()?);
        }
        Ok(if all.len() == 1 { all.remove(0) } else { Search::And(all) })
    }

    fn unary(&mut self) -> Result<Search> {
        if self.keyword("NOT") {
            self.next += 1;
            self.depth += 1;
            if self.depth > self.max_depth {
                return Err(Located::new(
                    self.end,
                    format!("$search nests deeper than the limit of {} levels", self.max_depth),
                ));
            }
            let operand = self.unary()?;
            self.depth -= 1;
            return Ok(Search::Not(Box::new(operand)));
        }
        let Some((tok, pos)) = self.tokens.get(self.next).cloned() else {
            return Err(Located::new(self.end, "expected a $search term, found the end"));
        };
        self.next += 1;
        match tok {
            Tok::Word(w) if w == "AND" || w == "OR" => {
                Err(Located::new(pos, format!("expected a $search term, found `{w}`")))
            }
            Tok::Word(w) | Tok::Phrase(w) => Ok(Search::Term(w)),
            Tok::Open => {
                let inner = self.or()?;
                match self.tokens.get(self.next) {
                    Some((Tok::Close, _)) => {
                        self.next += 1;
                        Ok(inner)
                    }
                    _ => Err(Located::new(pos, "a `(` in $search without its `)`")),
                }
            }
            Tok::Close => Err(Located::new(pos, "expected a $search term, found `)`")),
        }
    }
}
