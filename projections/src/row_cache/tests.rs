use super::*;

fn published<R: Clone>(cache: &RowCache<R>, id: &Uuid, at_least: Checkpoint) -> Option<R> {
    cache.published(id, at_least).map(Arc::unwrap_or_clone)
}

fn at(position: i64) -> Checkpoint {
    Checkpoint {
        tx_id: position,
        position,
    }
}

#[test]
fn rows_are_trusted_only_from_the_checkpoint_this_process_committed() {
    let cache = RowCache::<&str>::new(16);
    let id = Uuid::new_v4();
    cache.begin(at(0));
    cache.put([(id, "claimed")]);
    cache.committed(at(5));

    cache.begin(at(5));
    assert_eq!(cache.take(&[id]).0.get(&id), Some(&"claimed"));
    cache.put([(id, "accepted")]);
    // This batch fails: its rows must not be trusted by the next one, which starts
    // again from 5.
    cache.begin(at(5));
    let (found, missing) = cache.take(&[id]);
    assert!(found.is_empty());
    assert_eq!(missing, vec![id]);

    cache.put([(id, "accepted")]);
    cache.committed(at(9));
    // Another process projected up to 12 meanwhile.
    cache.begin(at(12));
    assert!(cache.take(&[id]).0.is_empty());
}

#[test]
fn only_committed_rows_are_published_with_the_checkpoint_of_their_batch() {
    let cache = RowCache::<&str>::new(16);
    let id = Uuid::new_v4();
    cache.begin(at(0));
    cache.put([(id, "claimed")]);
    assert_eq!(published(&cache, &id, at(0)), None, "not committed yet");
    cache.committed(at(5));
    assert_eq!(published(&cache, &id, at(5)), Some("claimed"));
    assert_eq!(published(&cache, &id, at(3)), Some("claimed"));
    // A command whose event is after 5 is not in that row.
    assert_eq!(published(&cache, &id, at(6)), None);

    // A batch that fails publishes nothing; the last committed row stays.
    cache.begin(at(5));
    cache.put([(id, "accepted")]);
    cache.begin(at(5));
    cache.committed(at(8));
    assert_eq!(published(&cache, &id, at(6)), None);
    assert_eq!(published(&cache, &id, at(5)), Some("claimed"));

    cache.clear();
    assert_eq!(published(&cache, &id, at(0)), None);
}

#[test]
fn a_batch_takes_its_rows_and_gives_back_the_new_versions() {
    let cache = RowCache::<&str>::new(16);
    let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
    cache.begin(at(0));
    cache.put([(a, "claimed"), (b, "open")]);
    cache.committed(at(4));

    cache.begin(at(4));
    let (found, missing) = cache.take(&[a]);
    assert_eq!(found.get(&a), Some(&"claimed"));
    assert!(missing.is_empty());
    // Taken: a second look in the same batch must read the table, not a stale copy.
    assert_eq!(cache.take(&[a]).1, vec![a]);
    // The published row stays for the API until the new version commits.
    assert_eq!(published(&cache, &a, at(4)), Some("claimed"));
    cache.put([(a, "accepted")]);
    cache.committed(at(7));

    cache.begin(at(7));
    let (found, _) = cache.take(&[a, b]);
    assert_eq!(found.get(&a), Some(&"accepted"));
    assert_eq!(
        found.get(&b),
        Some(&"open"),
        "rows the batch left alone stay"
    );
    assert_eq!(published(&cache, &a, at(7)), Some("accepted"));
}

#[test]
fn a_cleared_cache_trusts_nothing() {
    let cache = RowCache::<u8>::new(16);
    let id = Uuid::new_v4();
    cache.begin(at(0));
    cache.put([(id, 1)]);
    cache.committed(at(3));
    cache.clear();
    cache.begin(at(3));
    assert!(cache.take(&[id]).0.is_empty());
}
