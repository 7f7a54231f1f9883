//! Batches at scale: a batch larger than the service takes (Graph: 20 requests) is split into
//! several, keeping every `dependsOn` chain and atomicity group inside one of them, and inner
//! requests the service throttled (`429`) are sent again in a later batch after their
//! `Retry-After`.

use std::collections::HashMap;
use std::time::Instant;

use odata_core::request::{BatchItem, BatchRequest, BatchResponse, RetryAfter};

use crate::client::Client;
use crate::error::Error;

/// Graph's limit of requests in one `$batch`.
pub const GRAPH_BATCH_LIMIT: usize = 20;

impl Client {
    /// Sends the requests of `batch` in as many `$batch` requests of at most `limit` requests as
    /// needed ([`GRAPH_BATCH_LIMIT`] for Graph) and merges their responses, in the order sent.
    ///
    /// Requests linked by `dependsOn`, by a `$<id>` reference in their URL or by an atomicity
    /// group stay in the same batch ([`Error::BatchChainTooLong`] when such a group is larger than
    /// `limit`). An inner request answered `429` or `503` that is linked to no other is sent again
    /// after its `Retry-After` (else the policy's backoff), as the client's
    /// [`RetryPolicy`](crate::RetryPolicy) allows: reads always, writes only with
    /// `retry_writes(true)`; the last answer is kept otherwise.
    pub async fn batch_all(&self, batch: &BatchRequest, limit: usize) -> Result<BatchResponse, Error> {
        batch.validate().map_err(Error::Batch)?;
        let limit = limit.max(1);
        let groups = linked_groups(batch.items());
        if let Some(group) = groups.iter().find(|group| group.len() > limit) {
            let id = batch.items()[group[0]].id.clone().unwrap_or_default();
            return Err(Error::BatchChainTooLong { id, len: group.len(), limit });
        }
        let mut merged = BatchResponse::default();
        for chunk in pack(&groups, limit) {
            let response = self.batch(&sub_batch(batch, chunk.iter().map(|&i| &batch.items()[i]))).await?;
            merged.responses.extend(response.responses);
            merged.additional.extend(response.additional);
        }
        self.retry_throttled(batch, &groups, limit, &mut merged).await?;
        Ok(merged)
    }

    /// Sends again the throttled requests that stand alone, as the retry policy allows.
    async fn retry_throttled(
        &self,
        batch: &BatchRequest,
        groups: &[Vec<usize>],
        limit: usize,
        merged: &mut BatchResponse,
    ) -> Result<(), Error> {
        let policy = self.retry_policy().clone();
        let alone: Vec<usize> = groups.iter().filter(|group| group.len() == 1).map(|group| group[0]).collect();
        let start = Instant::now();
        let mut attempt = 1;
        while policy.has_attempts_left(attempt) {
            let mut again = Vec::new();
            let mut longest: Option<std::time::Duration> = None;
            let mut any_retry_after = false;
            for &index in &alone {
                let item = &batch.items()[index];
                let id = item.id.as_deref().unwrap_or_default();
                let Some(response) = merged.responses.iter().find(|r| r.id == id) else { continue };
                if !crate::retry::is_retryable_status(response.status) || !policy.may_repeat(&item.method) {
                    continue;
                }
                let after = response
                    .headers
                    .get(http::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(RetryAfter::parse);
                if let Some(after) = after {
                    any_retry_after = true;
                    let wait = after.delay().unwrap_or_default();
                    longest = Some(longest.map_or(wait, |l| l.max(wait)));
                }
                again.push(index);
            }
            if again.is_empty() {
                return Ok(());
            }
            let retry_after = if any_retry_after { longest.map(RetryAfter::Delay) } else { None };
            let Some(wait) = policy.wait(attempt, retry_after, start.elapsed()) else {
                return Ok(());
            };
            tracing::warn!(
                attempt,
                requests = again.len(),
                wait_ms = wait.as_millis() as u64,
                "retrying throttled $batch requests"
            );
            tokio::time::sleep(wait).await;
            attempt += 1;
            for chunk in again.chunks(limit) {
                let response = self.batch(&sub_batch(batch, chunk.iter().map(|&i| &batch.items()[i]))).await?;
                for answer in response.responses {
                    if let Some(slot) = merged.responses.iter_mut().find(|r| r.id == answer.id) {
                        *slot = answer;
                    }
                }
            }
        }
        Ok(())
    }
}

/// A batch with these items and the headers of `batch`.
fn sub_batch<'a>(batch: &BatchRequest, items: impl Iterator<Item = &'a BatchItem>) -> BatchRequest {
    let mut sub = BatchRequest::new(batch.service_root());
    for (name, value) in batch.headers() {
        sub = sub.header(name.clone(), value.clone());
    }
    for item in items {
        sub.add(item.clone());
    }
    sub
}

/// The indices of the items, grouped by link (`dependsOn`, `$<id>` in the URL, atomicity
/// group), each group in the order sent, the groups in the order of their first item.
fn linked_groups(items: &[BatchItem]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    fn union(parent: &mut [usize], a: usize, b: usize) {
        let (a, b) = (find(parent, a), find(parent, b));
        // The earlier item is the root, so groups come out in the order of their first item.
        let (low, high) = if a < b { (a, b) } else { (b, a) };
        parent[high] = low;
    }
    // An id names a request or an atomicity group; a group's name stands for its first member.
    let mut named: HashMap<&str, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        if let Some(group) = item.atomicity_group.as_deref() {
            match named.get(group) {
                Some(&first) => union(&mut parent, first, index),
                None => {
                    named.insert(group, index);
                }
            }
        }
        if let Some(id) = item.id.as_deref() {
            named.insert(id, index);
        }
    }
    for (index, item) in items.iter().enumerate() {
        let referenced = item.url.strip_prefix('$').map(|rest| rest.split(['/', '?']).next().unwrap_or_default());
        for id in item.depends_on.iter().map(String::as_str).chain(referenced) {
            if let Some(&other) = named.get(id) {
                union(&mut parent, index, other);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for index in 0..items.len() {
        let root = find(&mut parent, index);
        let at = *slot.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(index);
    }
    groups
}

/// Fills batches of at most `limit` items with whole groups, in order: a group that does not
/// fit in the current batch starts the next.
fn pack(groups: &[Vec<usize>], limit: usize) -> Vec<Vec<usize>> {
    let mut batches: Vec<Vec<usize>> = Vec::new();
    for group in groups {
        match batches.last_mut() {
            Some(batch) if batch.len() + group.len() <= limit => batch.extend(group),
            _ => batches.push(group.clone()),
        }
    }
    for batch in &mut batches {
        batch.sort_unstable();
    }
    batches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(batch: &BatchRequest, chunks: &[Vec<usize>]) -> Vec<Vec<String>> {
        chunks
            .iter()
            .map(|chunk| chunk.iter().map(|&i| batch.items()[i].id.clone().unwrap_or_default()).collect())
            .collect()
    }

    #[test]
    fn chains_and_atomicity_groups_stay_in_one_batch() {
        let mut batch = BatchRequest::new("https://graph.microsoft.com/v1.0");
        batch.add(BatchItem::get("me").id("a"));
        batch.add(BatchItem::get("me/drive").id("b"));
        batch.add(BatchItem::get("users").id("c").depends_on("a"));
        batch.add(BatchItem::delete("users/1").id("d").atomicity_group("g"));
        batch.add(BatchItem::delete("users/2").id("e").atomicity_group("g"));
        batch.add(BatchItem::get("$c/manager").id("f"));
        let groups = linked_groups(batch.items());
        assert_eq!(ids(&batch, &groups), [vec!["a", "c", "f"], vec!["b"], vec!["d", "e"]]);
        assert_eq!(ids(&batch, &pack(&groups, 3)), [vec!["a", "c", "f"], vec!["b", "d", "e"]]);
        assert_eq!(ids(&batch, &pack(&groups, 4)), [vec!["a", "b", "c", "f"], vec!["d", "e"]]);
    }
}
