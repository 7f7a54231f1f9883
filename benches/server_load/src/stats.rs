//! Latencies of a run, their percentiles, and the markdown table they are printed as.

use std::time::Duration;

use crate::mix::Kind;

/// One finished request.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// What it did.
    pub kind: Kind,
    /// From sending the request to the last byte of the answer.
    pub latency: Duration,
    /// A 2xx status (and, for a read, a JSON object as the body).
    pub ok: bool,
}

/// What a run measured.
#[derive(Debug)]
pub struct Report {
    /// The server's name in the table.
    pub label: String,
    /// Operations run (a write is one operation of three requests).
    pub operations: usize,
    /// The samples, in no particular order.
    pub samples: Vec<Sample>,
    /// Wall time of the timed part.
    pub elapsed: Duration,
    /// Concurrent clients.
    pub concurrency: usize,
    /// Stopped at the time limit before all operations ran.
    pub cut_short: bool,
}

/// The `q`-quantile (0 < q <= 1) of `sorted` by the nearest-rank method: the smallest value
/// with at least `q` of the values at or below it. `None` when empty.
pub fn percentile(sorted: &[Duration], q: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    // The rank is at most len (q <= 1), so the cast back cannot overflow.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted.get(rank - 1).copied()
}

fn millis(d: Option<Duration>) -> String {
    d.map_or_else(|| "-".to_owned(), |d| format!("{:.2}", d.as_secs_f64() * 1000.0))
}

fn p50_p99(samples: impl Iterator<Item = Duration>) -> (Option<Duration>, Option<Duration>) {
    let mut sorted: Vec<Duration> = samples.collect();
    sorted.sort_unstable();
    (percentile(&sorted, 0.50), percentile(&sorted, 0.99))
}

/// The table's header lines.
pub fn header() -> String {
    let mut titles = vec![
        "server".to_owned(),
        "operations".to_owned(),
        "requests".to_owned(),
        "errors".to_owned(),
        "concurrency".to_owned(),
        "seconds".to_owned(),
        "requests/s".to_owned(),
        "p50 ms".to_owned(),
        "p99 ms".to_owned(),
    ];
    titles.extend(Kind::ALL.iter().map(|k| format!("{} p50 / p99 ms", k.title())));
    let rule: Vec<&str> = titles.iter().map(|_| "---").collect();
    format!("| {} |\n|{}|", titles.join(" | "), rule.join("|"))
}

impl Report {
    /// Requests that did not answer as expected.
    pub fn errors(&self) -> usize {
        self.samples.iter().filter(|s| !s.ok).count()
    }

    /// The run as one row of the table: throughput over all requests, p50 and p99 over all
    /// requests, then p50 / p99 per kind.
    pub fn row(&self) -> String {
        let seconds = self.elapsed.as_secs_f64();
        #[allow(clippy::cast_precision_loss)] // request counts are far below 2^52
        let throughput = if seconds > 0.0 { self.samples.len() as f64 / seconds } else { 0.0 };
        let (p50, p99) = p50_p99(self.samples.iter().map(|s| s.latency));
        let mut cells = vec![
            self.label.clone(),
            format!("{}{}", self.operations, if self.cut_short { " (time limit)" } else { "" }),
            self.samples.len().to_string(),
            self.errors().to_string(),
            self.concurrency.to_string(),
            format!("{seconds:.2}"),
            format!("{throughput:.0}"),
            millis(p50),
            millis(p99),
        ];
        for kind in Kind::ALL {
            let (p50, p99) = p50_p99(self.samples.iter().filter(|s| s.kind == kind).map(|s| s.latency));
            cells.push(format!("{} / {}", millis(p50), millis(p99)));
        }
        format!("| {} |", cells.join(" | "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(values: &[u64]) -> Vec<Duration> {
        values.iter().map(|&v| Duration::from_millis(v)).collect()
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let sorted = ms(&(1..=100).collect::<Vec<_>>());
        assert_eq!(percentile(&sorted, 0.50), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&sorted, 0.99), Some(Duration::from_millis(99)));
        assert_eq!(percentile(&ms(&[7]), 0.99), Some(Duration::from_millis(7)));
        assert_eq!(percentile(&ms(&[1, 2, 3]), 0.50), Some(Duration::from_millis(2)));
        assert_eq!(percentile(&[], 0.50), None);
    }

    #[test]
    fn a_row_has_a_cell_per_header_column() {
        let sample = |kind, ms| Sample { kind, latency: Duration::from_millis(ms), ok: true };
        let report = Report {
            label: "x".to_owned(),
            operations: 2,
            samples: vec![sample(Kind::ReadByKey, 2), sample(Kind::Expand, 4)],
            elapsed: Duration::from_secs(2),
            concurrency: 1,
            cut_short: false,
        };
        assert_eq!(
            report.row(),
            "| x | 2 | 2 | 0 | 1 | 2.00 | 1 | 2.00 | 4.00 | 2.00 / 2.00 | - / - | 4.00 / 4.00 | - / - | - / - | - / - |"
        );
        let columns = |line: &str| line.matches('|').count();
        assert_eq!(header().lines().map(columns).collect::<Vec<_>>(), [columns(&report.row()); 2]);
    }
}
